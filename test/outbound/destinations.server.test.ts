import { randomBytes } from "node:crypto";
import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { openSecret, sealSecret } from "~/lib/secret-box.server";
import type { DestinationInput } from "~/outbound/destination-input";
import {
  createDestination,
  getDestination,
  listDestinations,
  openDestinationSecrets,
  revealSigningSecret,
  rotateSigningSecret,
  updateDestination,
  type DestinationView,
} from "~/outbound/destinations.server";
import { PRESETS } from "~/outbound/presets";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const OTHER_SHOP = "other-shop.myshopify.com";

function input(overrides: Partial<DestinationInput> = {}): DestinationInput {
  return {
    name: "Klaviyo",
    url: "https://a.klaviyo.com/client/events",
    payloadTemplate: PRESETS.generic.template,
    preset: "generic",
    events: ["checkout.abandoned"],
    headers: [
      { name: "Authorization", value: "Klaviyo-API-Key pk_live_0123456789abcd", secret: true },
      { name: "revision", value: "2024-10-15", secret: false },
    ],
    ...overrides,
  };
}

async function created(overrides: Partial<DestinationInput> = {}, shop = TEST_SHOP): Promise<DestinationView> {
  const result = await createDestination(db, shop, input(overrides));
  if ("fieldErrors" in result) throw new Error(JSON.stringify(result.fieldErrors));
  return result.destination;
}

beforeEach(async () => {
  await resetDatabase();
  await createShop();
  await createShop({ domain: OTHER_SHOP });
});

describe("createDestination", () => {
  it("stores the destination and shows secrets only masked", async () => {
    const destination = await created();

    expect(destination).toMatchObject({
      name: "Klaviyo",
      method: "POST",
      events: ["checkout.abandoned"],
      followRedirects: false,
      enabled: true,
      headers: [
        { name: "Authorization", value: "••••abcd", secret: true },
        { name: "revision", value: "2024-10-15", secret: false },
      ],
      signingSecretHint: expect.stringMatching(/^••••.{4}$/),
    });
  });

  it("seals secret header values and a generated whsec_ signing secret in the database", async () => {
    const { id } = await created();
    const row = await db.webhookDestination.findUniqueOrThrow({ where: { id } });

    expect(JSON.stringify(row)).not.toContain("pk_live");
    const [authorization] = row.headers as Array<{ value: string }>;
    expect(openSecret(authorization!.value)).toBe("Klaviyo-API-Key pk_live_0123456789abcd");
    expect(openSecret(row.signingSecret)).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  });

  it("gives every destination its own signing secret", async () => {
    const first = await created();
    const second = await created();
    expect(await revealSigningSecret(db, TEST_SHOP, first.id)).not.toBe(await revealSigningSecret(db, TEST_SHOP, second.id));
  });

  it("returns field errors and stores nothing when the input is invalid", async () => {
    expect(await createDestination(db, TEST_SHOP, input({ url: "ftp://x", headers: [{ name: "Host", value: "x", secret: false }] }))).toEqual({
      fieldErrors: { url: "Enter an http:// or https:// URL", "headers.0.name": "This header is set by Comeback and cannot be changed" },
    });
    expect(await db.webhookDestination.count()).toBe(0);
  });

  it.each([
    ["http://127.0.0.1:8080/hooks", "Destinations cannot reach 127.0.0.1: it is a loopback, private or reserved address"],
    ["http://192.168.1.20/crm", "Destinations cannot reach 192.168.1.20: it is a loopback, private or reserved address"],
    ["http://[::1]/hooks", "Destinations cannot reach ::1: it is a loopback, private or reserved address"],
    ["http://169.254.169.254/latest", "Destinations cannot reach 169.254.169.254: it is a cloud metadata address"],
    ["http://metadata.google.internal/", "Destinations cannot reach cloud metadata hosts"],
  ])("refuses a URL naming a refused address outright: %s", async (url, message) => {
    expect(await createDestination(db, TEST_SHOP, input({ url }))).toEqual({ fieldErrors: { url: message } });
  });

  it("refuses a masked value where there is no stored secret to keep", async () => {
    expect(await createDestination(db, TEST_SHOP, input({ headers: [{ name: "Authorization", value: "••••abcd", secret: true }] }))).toEqual({
      fieldErrors: { "headers.0.value": "Enter the value again: there is no stored secret to keep for this header" },
    });
  });
});

describe("updateDestination", () => {
  it("keeps a secret header's stored value when the form sends back its mask", async () => {
    const destination = await created();
    const result = await updateDestination(db, TEST_SHOP, destination.id, { ...input({ name: "Klaviyo EU" }), headers: destination.headers });

    expect(result).toMatchObject({ destination: { name: "Klaviyo EU", headers: destination.headers } });
    const row = await db.webhookDestination.findUniqueOrThrow({ where: { id: destination.id } });
    expect(openDestinationSecrets(row).headers).toEqual({ Authorization: "Klaviyo-API-Key pk_live_0123456789abcd", revision: "2024-10-15" });
  });

  it("keeps it secret even if the form forgot the flag", async () => {
    const destination = await created();
    await updateDestination(db, TEST_SHOP, destination.id, { ...input(), headers: destination.headers.map((header) => ({ ...header, secret: false })) });
    expect((await getDestination(db, TEST_SHOP, destination.id))!.headers[0]).toEqual({ name: "Authorization", value: "••••abcd", secret: true });
  });

  it("replaces a secret given anew", async () => {
    const destination = await created();
    await updateDestination(db, TEST_SHOP, destination.id, input({ headers: [{ name: "Authorization", value: "Klaviyo-API-Key pk_live_new_key_9999", secret: true }] }));
    const row = await db.webhookDestination.findUniqueOrThrow({ where: { id: destination.id } });
    expect(openDestinationSecrets(row).headers.Authorization).toBe("Klaviyo-API-Key pk_live_new_key_9999");
  });

  it("will not move a stored secret to another header name through its mask", async () => {
    const destination = await created();
    const result = await updateDestination(db, TEST_SHOP, destination.id, input({ headers: [{ name: "X-Leak", value: "••••abcd", secret: false }] }));
    expect(result).toEqual({ fieldErrors: { "headers.0.value": "Enter the value again: there is no stored secret to keep for this header" } });
  });

  it("validates like create and leaves the destination as it was", async () => {
    const destination = await created();
    expect(await updateDestination(db, TEST_SHOP, destination.id, input({ method: "GET" as never }))).toEqual({ fieldErrors: { method: "Choose POST, PUT or PATCH" } });
    expect((await getDestination(db, TEST_SHOP, destination.id))!.method).toBe("POST");
  });

  it("cannot reach another shop's destination", async () => {
    const theirs = await created({}, OTHER_SHOP);
    expect(await updateDestination(db, TEST_SHOP, theirs.id, input({ name: "Hijacked" }))).toBeNull();
    expect((await getDestination(db, OTHER_SHOP, theirs.id))!.name).toBe("Klaviyo");
  });
});

describe("reading destinations", () => {
  it("lists and gets the shop's own destinations only", async () => {
    const mine = await created({ name: "Mine" });
    const theirs = await created({ name: "Theirs" }, OTHER_SHOP);

    expect((await listDestinations(db, TEST_SHOP)).map((destination) => destination.name)).toEqual(["Mine"]);
    expect(await getDestination(db, TEST_SHOP, theirs.id)).toBeNull();
    expect(await getDestination(db, TEST_SHOP, mine.id)).toMatchObject({ name: "Mine" });
    expect(await revealSigningSecret(db, TEST_SHOP, theirs.id)).toBeNull();
  });

  it("never returns a secret in full from the views", async () => {
    const destination = await created();
    const secret = (await revealSigningSecret(db, TEST_SHOP, destination.id))!;
    const views = JSON.stringify([destination, await getDestination(db, TEST_SHOP, destination.id), await listDestinations(db, TEST_SHOP)]);

    expect(views).not.toContain(secret.slice(6, 20));
    expect(views).not.toContain("pk_live");
  });
});

describe("secrets sealed under a previous key", () => {
  it("still list, masked, and must be entered again to be kept", async () => {
    const destination = await created();
    const foreign = sealSecret("Klaviyo-API-Key pk_live_0123456789abcd", randomBytes(32));
    await db.webhookDestination.update({ where: { id: destination.id }, data: { headers: [{ name: "Authorization", value: foreign, secret: true }], signingSecret: foreign } });

    const [listed] = await listDestinations(db, TEST_SHOP);
    expect(listed).toMatchObject({ headers: [{ name: "Authorization", value: "••••", secret: true }], signingSecretHint: "••••" });
    expect(await updateDestination(db, TEST_SHOP, destination.id, { ...input(), headers: [{ name: "Authorization", value: "••••abcd", secret: true }] })).toEqual({
      fieldErrors: { "headers.0.value": "Enter the value again: there is no stored secret to keep for this header" },
    });
  });
});

describe("rotateSigningSecret", () => {
  it("replaces the signing secret", async () => {
    const destination = await created();
    const before = await revealSigningSecret(db, TEST_SHOP, destination.id);
    const rotated = await rotateSigningSecret(db, TEST_SHOP, destination.id);

    const after = await revealSigningSecret(db, TEST_SHOP, destination.id);
    expect(after).toMatch(/^whsec_/);
    expect(after).not.toBe(before);
    expect(rotated!.signingSecretHint).toBe(`••••${after!.slice(-4)}`);
    expect(await rotateSigningSecret(db, OTHER_SHOP, destination.id)).toBeNull();
  });
});
