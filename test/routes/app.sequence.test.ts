import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { action, loader } from "~/routes/app.sequence";
import type { SequenceEditorData } from "~/sequence-editor/step-form";
import { embeddedDocumentRequest } from "../doubles/shopify-session";
import { resetDatabase } from "../support/database";
import { embeddedFetchRequest } from "../support/embedded-fetch";
import { storeOfflineSession } from "../support/sessions";
import { installShopWithDefaultSequence } from "../support/sequencer";

const OTHER_SHOP = "other-shop.myshopify.com";

const load = async (shop = TEST_SHOP) => (await loader({ request: await embeddedDocumentRequest("/app/sequence", { shop }), params: {}, context: {} })).editor!;
const post = async (body: unknown, { shop = TEST_SHOP, path = "/app/sequence" } = {}) =>
  action({ request: await embeddedFetchRequest(path, body, { shop }), params: {}, context: {} }).catch((thrown: unknown) => thrown);
const edit = (editor: SequenceEditorData, steps = editor.steps) => ({ sequenceId: editor.sequenceId, steps });

beforeEach(async () => {
  await resetDatabase();
  for (const shop of [TEST_SHOP, OTHER_SHOP]) {
    await installShopWithDefaultSequence({ domain: shop });
    await storeOfflineSession(shop);
  }
});

describe("/app/sequence", () => {
  it("loads the session shop's sequence", async () => {
    const editor = await load();

    const own = await db.sequence.findFirstOrThrow({ where: { shop: TEST_SHOP } });
    expect(editor).toMatchObject({ sequenceId: own.id, versionNumber: 1 });
    expect(editor.steps).toHaveLength(3);
  });

  it("publishes a valid edit as the next version", async () => {
    const editor = await load();
    const steps = editor.steps.map((step, index) => (index === 1 ? { ...step, delayAmount: "2" } : step));

    expect(await post(edit(editor, steps))).toEqual({ ok: true, versionNumber: 2 });
    expect((await load()).steps[1]).toMatchObject({ delayAmount: "2", delayUnit: "days" });
  });

  it("answers 422 with field-keyed errors, in the admin's language", async () => {
    const editor = await load();
    const steps = editor.steps.map((step, index) => (index === 2 ? { ...step, templateId: "", discountKind: "percentage" as const, discountValue: "120" } : step));

    const result = await post(edit(editor, steps), { path: "/app/sequence?locale=ko" });

    expect(result).toMatchObject({
      init: { status: 422 },
      data: { ok: false, fieldErrors: { "steps.2.templateId": "이 이메일에 사용할 템플릿을 선택해 주세요.", "steps.2.discountValue": "0보다 크고 100 이하인 퍼센트를 입력해 주세요." } },
    });
    expect(await db.sequenceVersion.count({ where: { sequence: { shop: TEST_SHOP } } })).toBe(1);
  });

  it("cannot publish onto another shop's sequence: 404, and that sequence stays as it was", async () => {
    const theirs = await load(OTHER_SHOP);

    const result = await post(edit(theirs));

    expect(result).toBeInstanceOf(Response);
    expect((result as Response).status).toBe(404);
    expect(await db.sequenceVersion.count({ where: { sequenceId: theirs.sequenceId } })).toBe(1);
  });

  it("refuses a malformed body with 400", async () => {
    const result = await post({ sequenceId: "one", steps: "many" });

    expect((result as Response).status).toBe(400);
  });
});
