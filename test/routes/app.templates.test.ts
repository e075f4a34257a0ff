import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { action, loader } from "~/routes/app.templates._index";
import { embeddedDocumentRequest } from "../doubles/shopify-session";
import { resetDatabase } from "../support/database";
import { embeddedFetchRequest } from "../support/embedded-fetch";
import { installShopWithDefaultSequence } from "../support/sequencer";
import { storeOfflineSession } from "../support/sessions";

const OTHER_SHOP = "other-shop.myshopify.com";

const load = async () => loader({ request: await embeddedDocumentRequest("/app/templates"), params: {}, context: {} });
const post = async (body: unknown, path = "/app/templates?index") => action({ request: await embeddedFetchRequest(path, body), params: {}, context: {} }).catch((thrown: unknown) => thrown);
const redirectedTo = (outcome: unknown) => new URL((outcome as Response).headers.get("Location")!).pathname;

beforeEach(async () => {
  await resetDatabase();
  for (const shop of [TEST_SHOP, OTHER_SHOP]) {
    await installShopWithDefaultSequence({ domain: shop });
    await storeOfflineSession(shop);
  }
});

describe("/app/templates", () => {
  it("lists the session shop's templates only", async () => {
    const { templates } = await load();

    const own = await db.template.findMany({ where: { shop: TEST_SHOP }, select: { id: true } });
    expect(templates.map((template) => template.id).sort()).toEqual(own.map((template) => template.id).sort());
  });

  it("creates a template from the starter and opens its editor", async () => {
    const outcome = await post({ intent: "create" }, "/app/templates?index&locale=ko");

    const created = await db.template.findFirstOrThrow({ where: { shop: TEST_SHOP }, orderBy: { id: "desc" } });
    expect((outcome as Response).status).toBe(302);
    expect(redirectedTo(outcome)).toBe(`/app/templates/${created.id}`);
    expect(created.name).toBe("새 템플릿");
  });

  it("duplicates one of the shop's templates, and answers 404 for another shop's", async () => {
    const own = await db.template.findFirstOrThrow({ where: { shop: TEST_SHOP } });
    const theirs = await db.template.findFirstOrThrow({ where: { shop: OTHER_SHOP } });

    const copied = await post({ intent: "duplicate", templateId: own.id });
    const refused = await post({ intent: "duplicate", templateId: theirs.id });

    expect(redirectedTo(copied)).toMatch(/^\/app\/templates\/\d+$/);
    expect((refused as Response).status).toBe(404);
    expect(await db.template.count({ where: { shop: TEST_SHOP } })).toBe(4);
    expect(await db.template.count({ where: { shop: OTHER_SHOP } })).toBe(3);
  });
});
