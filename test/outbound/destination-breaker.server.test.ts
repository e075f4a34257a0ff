import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { createDestinationRecord } from "~/models/webhook-destination.server";
import { PROBE_HOLD_MS } from "~/outbound/circuit-breaker";
import { passBreaker, reportToBreaker } from "~/outbound/destination-breaker.server";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const NOW = new Date("2026-11-21T10:00:00Z");
let destinationId: number;

beforeEach(async () => {
  await resetDatabase();
  await createShop();
  const fields = { name: "CRM", url: "https://crm.example/hooks", method: "POST", headers: [], payloadTemplate: "{}", preset: null, events: [], followRedirects: false, enabled: true };
  destinationId = (await createDestinationRecord(db, TEST_SHOP, fields, "v1:sealed")).id;
});

const breaker = () => db.webhookDestination.findUniqueOrThrow({ where: { id: destinationId }, select: { consecutiveFailures: true, pausedUntil: true } });
const fail = (probe = false, at = NOW) => reportToBreaker(db, TEST_SHOP, destinationId, { delivered: false, probe }, at);

describe("passBreaker", () => {
  it("lets everything through while closed", async () => {
    expect(await passBreaker(db, TEST_SHOP, destinationId, NOW)).toEqual({ go: true, probe: false });
  });

  it("holds everything back while open", async () => {
    for (let n = 0; n < 5; n++) await fail();
    expect(await passBreaker(db, TEST_SHOP, destinationId, NOW)).toEqual({ go: false, until: new Date("2026-11-21T10:10:00Z"), consecutiveFailures: 5 });
  });

  it("lets exactly one probe out when several ask at once after the cool-down", async () => {
    for (let n = 0; n < 5; n++) await fail();
    const later = new Date("2026-11-21T10:10:00Z");

    const gates = await Promise.all([1, 2, 3].map(() => passBreaker(db, TEST_SHOP, destinationId, later)));

    expect(gates.filter((gate) => gate.go)).toEqual([{ go: true, probe: true }]);
    expect(gates.filter((gate) => !gate.go)).toEqual([
      { go: false, until: new Date(later.getTime() + PROBE_HOLD_MS), consecutiveFailures: 5 },
      { go: false, until: new Date(later.getTime() + PROBE_HOLD_MS), consecutiveFailures: 5 },
    ]);
  });
});

describe("reportToBreaker", () => {
  it("notes the failure that opens the breaker, and only that one", async () => {
    const notes = [];
    for (let n = 0; n < 6; n++) notes.push(await fail());
    expect(notes).toEqual([null, null, null, null, "Destination paused until 2026-11-21T10:10:00.000Z after 5 consecutive failed attempts", null]);
    expect(await breaker()).toEqual({ consecutiveFailures: 5, pausedUntil: new Date("2026-11-21T10:10:00Z") });
  });

  it("counts concurrent failures one by one", async () => {
    await Promise.all([1, 2, 3, 4].map(() => fail()));
    expect((await breaker()).consecutiveFailures).toBe(4);
  });

  it("closes the breaker on a delivered attempt", async () => {
    for (let n = 0; n < 5; n++) await fail();
    expect(await reportToBreaker(db, TEST_SHOP, destinationId, { delivered: true, probe: true }, NOW)).toBeNull();
    expect(await breaker()).toEqual({ consecutiveFailures: 0, pausedUntil: null });
  });
});
