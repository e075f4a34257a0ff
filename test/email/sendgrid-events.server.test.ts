import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { receiveSendgridEvents } from "~/email/sendgrid-events.server";
import { suppressionFor } from "~/models/suppression.server";
import { createEventSigner, sendgridEvent, signedEventRequest } from "../doubles/sendgrid-events";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { refuseInserts } from "../support/refused-inserts";

const signer = createEventSigner();
let stepRunId: number;

beforeEach(async () => {
  await resetDatabase();
  await createShop();
  stepRunId = (await createSentMessage()).stepRun.id;
});

const batch = () => [sendgridEvent("delivered", { stepRunId }), sendgridEvent("spamreport", { stepRunId })];

describe("receiveSendgridEvents", () => {
  it("refuses every post while no verification key is configured", async () => {
    const response = await receiveSendgridEvents(signedEventRequest(signer, batch()), null);

    expect(response.status).toBe(401);
    expect(await db.messageEvent.count()).toBe(0);
  });

  describe("when the database refuses to store the batch", () => {
    let allowInserts: () => Promise<void>;
    beforeEach(async () => {
      allowInserts = await refuseInserts("Activity");
    });
    afterEach(() => allowInserts());

    it("answers 500 so SendGrid retries, leaving no part of the batch behind", async () => {
      const response = await receiveSendgridEvents(signedEventRequest(signer, batch()), signer.publicKey);

      expect(response.status).toBe(500);
      expect(await db.messageEvent.count()).toBe(0);
      expect((await db.stepRun.findUniqueOrThrow({ where: { id: stepRunId } })).deliveredAt).toBeNull();
      expect(await db.suppression.count()).toBe(0);
    });

    it("applies SendGrid's retry of the batch once storing works again", async () => {
      const events = batch();
      await receiveSendgridEvents(signedEventRequest(signer, events), signer.publicKey);
      await allowInserts();

      const retry = await receiveSendgridEvents(signedEventRequest(signer, events), signer.publicKey);

      expect(retry.status).toBe(200);
      expect(await db.messageEvent.count()).toBe(2);
      expect((await db.activity.findMany({ orderBy: { id: "asc" } })).map((row) => row.kind)).toEqual(["delivered", "spam_reported", "enrollment_stopped"]);
      expect(await suppressionFor(db, TEST_SHOP, "ann@example.com")).toBe("spam_report");
    });
  });

  describe("logging", () => {
    let lines: string[];

    beforeEach(() => {
      lines = [];
      vi.stubEnv("LOG_LEVEL", "info");
      vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
      vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    });
    afterEach(() => {
      vi.unstubAllEnvs();
      vi.restoreAllMocks();
    });

    it("says why a post was refused, without its body", async () => {
      const events = batch();
      await receiveSendgridEvents(signedEventRequest(createEventSigner(), events), signer.publicKey);

      expect(lines).toHaveLength(1);
      const line = JSON.parse(lines[0]!) as Record<string, unknown>;
      expect(line).toMatchObject({ level: "warn", msg: "Rejected SendGrid event post: Signature does not match the configured verification key" });
      expect(lines[0]).not.toContain(String(events[0]!.sg_event_id));
      expect(lines[0]).not.toContain("spamreport");
    });

    it("reports what a batch did, without its contents", async () => {
      const events = [...batch(), sendgridEvent("delivered", { stepRunId: stepRunId + 1000 })];
      await receiveSendgridEvents(signedEventRequest(signer, events), signer.publicKey);

      expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
        expect.objectContaining({ level: "info", msg: "SendGrid events applied", events: 3, applied: 2, unknownStepRun: 1, duplicate: 0 }),
      ]);
      expect(lines[0]).not.toContain(String(events[0]!.sg_event_id));
    });
  });
});
