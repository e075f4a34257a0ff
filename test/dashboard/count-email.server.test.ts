import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { recordEngagement } from "~/models/engagement.server";
import { concludeRun } from "~/sequencer/conclude-run.server";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

// Sent at 11:15 on 20 November in New York; the shopper reacts days later, after midnight UTC.
const SENT_AT = new Date("2026-11-20T16:15:00Z");
const LATER = new Date("2026-11-23T02:00:00Z");

const rollups = async () =>
  (await db.dailyStat.findMany({ orderBy: [{ day: "asc" }, { position: "asc" }, { variantId: "asc" }] })).map(
    ({ day, position, variantId, emailed, delivered, opened, clicked }) => ({ day, position, variantId, emailed, delivered, opened, clicked }),
  );
const onSendDay = (figures: { emailed?: number; delivered?: number; opened?: number; clicked?: number }, variantId?: number) => {
  const row = { day: "2026-11-20", emailed: 0, delivered: 0, opened: 0, clicked: 0, ...figures };
  return [{ ...row, position: 0, variantId: 0 }, { ...row, position: 1, variantId: 0 }, ...(variantId ? [{ ...row, position: 1, variantId }] : [])];
};

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

describe("counting engagement", () => {
  it("counts each state once, with the cascade a click implies, on the day the email was sent", async () => {
    const { stepRun } = await createSentMessage({ stepRun: { sentAt: SENT_AT } });

    await recordEngagement(db, TEST_SHOP, stepRun.id, "delivered", LATER);
    await recordEngagement(db, TEST_SHOP, stepRun.id, "clicked", LATER);
    await recordEngagement(db, TEST_SHOP, stepRun.id, "opened", LATER);
    await recordEngagement(db, TEST_SHOP, stepRun.id, "clicked", LATER);
    await recordEngagement(db, TEST_SHOP, stepRun.id, "bounced", LATER);

    expect(await rollups()).toEqual(onSendDay({ delivered: 1, opened: 1, clicked: 1 }));
  });

  it("also counts on the row of the A/B variant the email used", async () => {
    const { stepRun, step } = await createSentMessage({ stepRun: { sentAt: SENT_AT } });
    const variant = await db.stepVariant.create({ data: { stepId: step.id, label: "B", weight: 50 } });
    await db.stepRun.update({ where: { id: stepRun.id }, data: { variantId: variant.id } });

    await recordEngagement(db, TEST_SHOP, stepRun.id, "opened", LATER);

    expect(await rollups()).toEqual(onSendDay({ delivered: 1, opened: 1 }, variant.id));
  });

  it("leaves out messages of webhook steps, which the report does not count either", async () => {
    const { stepRun } = await createSentMessage({ stepRun: { channel: "webhook", sentAt: SENT_AT } });
    await recordEngagement(db, TEST_SHOP, stepRun.id, "clicked", LATER);
    expect(await rollups()).toEqual([]);
  });
});

describe("counting a sent email", () => {
  it("counts it when the send is concluded, with what SendGrid reported before that", async () => {
    const { stepRun, enrollment, checkout } = await createSentMessage({ stepRun: { status: "sending", leaseOwner: "worker:1", sentAt: null } });
    await recordEngagement(db, TEST_SHOP, stepRun.id, "delivered", LATER);
    expect(await rollups()).toEqual([]);

    const concluded = await concludeRun(
      db,
      { id: stepRun.id, shop: TEST_SHOP, leaseId: "worker:1" },
      { position: 1, checkoutId: checkout.id },
      enrollment,
      { status: "sent", providerMessageId: "message-1", sentAt: SENT_AT },
      LATER,
    );

    expect(concluded).toBe(true);
    expect(await rollups()).toEqual(onSendDay({ emailed: 1, delivered: 1 }));
  });

  it("counts nothing for a send whose lease was lost, or that failed", async () => {
    const { stepRun, enrollment, checkout } = await createSentMessage({ stepRun: { status: "sending", leaseOwner: "worker:1", sentAt: null } });
    const where = { position: 1, checkoutId: checkout.id };

    const lost = await concludeRun(
      db,
      { id: stepRun.id, shop: TEST_SHOP, leaseId: "worker:2" },
      where,
      enrollment,
      { status: "sent", providerMessageId: null, sentAt: SENT_AT },
      LATER,
    );
    await concludeRun(
      db,
      { id: stepRun.id, shop: TEST_SHOP, leaseId: "worker:1" },
      where,
      enrollment,
      { status: "failed", reason: "provider_rejected" },
      LATER,
    );

    expect(lost).toBe(false);
    expect(await rollups()).toEqual([]);
  });
});
