import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { publishSequenceVersion } from "~/models/sequence.server";
import { createDestination } from "~/outbound/destinations.server";
import { PRESETS } from "~/outbound/presets";
import { ensureDefaultSequence } from "~/recovery/default-sequence.server";
import { loadSequenceEditor, publishSequenceEdit } from "~/sequence-editor/sequence-editor.server";
import type { StepForm } from "~/sequence-editor/step-form";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { checkoutPayload } from "../factories/payloads";
import { createShop } from "../factories/shop";
import { installShopWithDefaultSequence, tickAt, useSequencer } from "../support/sequencer";

const world = useSequencer();

const OTHER_SHOP = "other-shop.myshopify.com";
// The fixture checkout is abandoned at 15:54:02Z.
const ABANDONED_AT = Date.parse("2026-11-20T15:54:02Z");
const minutesAfterAbandonment = (minutes: number) => new Date(ABANDONED_AT + minutes * 60_000);

async function editor(shop = TEST_SHOP) {
  const loaded = await loadSequenceEditor(db, shop);
  if (!loaded) throw new Error(`${shop} has no sequence`);
  return loaded;
}

async function publish(change: (steps: StepForm[]) => StepForm[], shop = TEST_SHOP) {
  const current = await editor(shop);
  return publishSequenceEdit(db, shop, { sequenceId: current.sequenceId, steps: change(current.steps) }, "en");
}

const withStep = (index: number, patch: Partial<StepForm>) => (steps: StepForm[]) => steps.map((step, at) => (at === index ? { ...step, ...patch } : step));

async function destination(shop: string, name: string) {
  const created = await createDestination(db, shop, { name, url: "https://crm.example/hooks", payloadTemplate: PRESETS.generic.template, preset: "generic" });
  if ("fieldErrors" in created) throw new Error(JSON.stringify(created.fieldErrors));
  return created.destination;
}

async function otherShopWithDestination() {
  await installShopWithDefaultSequence({ domain: OTHER_SHOP });
  return destination(OTHER_SHOP, "Other CRM");
}

describe("loading the sequence editor", () => {
  it("shows the latest version's steps in their largest exact unit, with only the shop's own templates and destinations", async () => {
    await installShopWithDefaultSequence();
    await otherShopWithDestination();
    const own = await destination(TEST_SHOP, "SMS tool");

    const loaded = await editor();

    expect(loaded).toMatchObject({ versionNumber: 1, enrollmentsOnOlderVersions: 0, currency: "USD", defaultMinSample: 100 });
    expect(loaded.steps.map((step) => [step.delayAmount, step.delayUnit, step.channel])).toEqual([
      ["1", "hours", "email"],
      ["1", "days", "email"],
      ["3", "days", "email"],
    ]);
    const ownTemplates = await db.template.findMany({ where: { shop: TEST_SHOP }, select: { id: true } });
    expect(loaded.templates.map((template) => template.id).sort()).toEqual(ownTemplates.map((template) => template.id).sort());
    expect(loaded.destinations).toEqual([{ id: own.id, name: "SMS tool", enabled: true }]);
  });

  it("shows amounts in the shop's currency and the variants of an A/B test, with its winner", async () => {
    await createShop({ currency: "KRW" });
    await ensureDefaultSequence(db, TEST_SHOP);
    const { sequenceId, steps } = await editor();
    await publishSequenceVersion(db, TEST_SHOP, sequenceId, [
      {
        delayMinutes: 90,
        channel: "email",
        templateId: Number(steps[0]!.templateId),
        minCartValueMinor: 50_000n,
        discount: { kind: "fixed_amount", value: "5000", minSubtotal: null, expiryHours: 48 },
        abTest: { variants: [{ label: "A", weight: 1, subject: null, templateId: null }, { label: "B", weight: 2, subject: "Psst", templateId: null }], autoWinnerMetric: "recovery", autoWinnerMinSample: 50, winnerLabel: "B" },
      },
    ]);

    const [step] = (await editor()).steps;

    expect(step).toMatchObject({
      delayAmount: "90",
      delayUnit: "minutes",
      minCartValue: "50000",
      discountKind: "fixed_amount",
      discountValue: "5000",
      discountExpiryHours: "48",
      variants: [
        { label: "A", weight: "1", subject: "", templateId: "" },
        { label: "B", weight: "2", subject: "Psst", templateId: "" },
      ],
      autoWinnerMetric: "recovery",
      autoWinnerMinSample: "50",
      winnerLabel: "B",
    });
  });

  it("is empty for a shop without a sequence", async () => {
    await createShop();
    expect(await loadSequenceEditor(db, TEST_SHOP)).toBeNull();
  });
});

describe("publishing an edit", () => {
  it("publishes the steps as version 2, with the A/B variants on the new step and the winner carried over", async () => {
    await installShopWithDefaultSequence();
    const templates = (await editor()).templates;

    const outcome = await publish(
      withStep(1, {
        delayAmount: "2",
        variants: [
          { label: "A", weight: "1", subject: "", templateId: "" },
          { label: "B", weight: "3", subject: "Still there, {{ customer.first_name }}?", templateId: String(templates[0]!.id) },
        ],
        autoWinnerMetric: "click",
        autoWinnerMinSample: "",
        winnerLabel: "B",
      }),
    );

    expect(outcome).toEqual({ versionNumber: 2 });
    const version = await db.sequenceVersion.findFirstOrThrow({ where: { number: 2 }, include: { steps: { orderBy: { position: "asc" }, include: { variants: { orderBy: { label: "asc" } } } } } });
    expect(version.steps.map((step) => step.delayMinutes)).toEqual([60, 2 * 24 * 60, 72 * 60]);
    const edited = version.steps[1]!;
    expect(edited).toMatchObject({ autoWinnerMetric: "click", autoWinnerMinSample: null });
    expect(edited.variants.map(({ label, weight, subject, templateId }) => ({ label, weight, subject, templateId }))).toEqual([
      { label: "A", weight: 1, subject: null, templateId: null },
      { label: "B", weight: 3, subject: "Still there, {{ customer.first_name }}?", templateId: templates[0]!.id },
    ]);
    expect(edited.winnerVariantId).toBe(edited.variants[1]!.id);
    expect(await db.stepVariant.count({ where: { step: { version: { number: 1 } } } })).toBe(0);
  });

  it("republishes a loaded sequence unchanged as an identical version", async () => {
    await installShopWithDefaultSequence();
    await publish((steps) => steps);

    const [first, second] = await db.sequenceVersion.findMany({ orderBy: { number: "asc" }, include: { steps: { orderBy: { position: "asc" } } } });
    const comparable = (steps: NonNullable<typeof first>["steps"]) => steps.map(({ id: _id, sequenceVersionId: _version, ...rest }) => rest);
    expect(comparable(second!.steps)).toEqual(comparable(first!.steps));
  });

  it("publishes nothing when a step is invalid, and says which field is wrong", async () => {
    await installShopWithDefaultSequence();

    const outcome = await publish(withStep(1, { delayAmount: "-5" }));

    expect(outcome).toEqual({ fieldErrors: { "steps.1.delayMinutes": "The delay can't be negative." } });
    expect(await db.sequenceVersion.count()).toBe(1);
  });

  it("treats another shop's template and destination as unknown", async () => {
    await installShopWithDefaultSequence();
    const foreignDestination = await otherShopWithDestination();
    const foreignTemplate = await db.template.findFirstOrThrow({ where: { shop: OTHER_SHOP } });

    const outcome = await publish((steps) => [
      { ...steps[0]!, templateId: String(foreignTemplate.id) },
      { ...steps[1]!, channel: "webhook", destinationId: String(foreignDestination.id) },
    ]);

    expect(outcome).toEqual({
      fieldErrors: { "steps.0.templateId": "Choose one of your templates.", "steps.1.destinationId": "Choose one of your webhook destinations." },
    });
  });

  it("cannot publish onto another shop's sequence", async () => {
    await installShopWithDefaultSequence();
    await installShopWithDefaultSequence({ domain: OTHER_SHOP });
    const { sequenceId, steps } = await editor(OTHER_SHOP);

    expect(await publishSequenceEdit(db, TEST_SHOP, { sequenceId, steps }, "en")).toBeNull();
    expect(await db.sequenceVersion.count({ where: { sequenceId } })).toBe(1);
  });

  it("leaves a running enrollment on the version it started with; new checkouts get the new one", async () => {
    await installShopWithDefaultSequence({ quietHoursStartMinute: null, quietHoursEndMinute: null, frequencyCapHours: 0 });
    await deliverWebhook("checkouts/create", checkoutPayload());
    await tickAt(world.services, minutesAfterAbandonment(1));
    const versionOne = await db.sequenceVersion.findFirstOrThrow({ where: { number: 1 }, include: { steps: { orderBy: { position: "asc" } } } });

    await publish((steps) => steps.map((step) => ({ ...step, delayAmount: String(Number(step.delayAmount) * 2) })));
    expect((await editor()).enrollmentsOnOlderVersions).toBe(1);

    // Version 1 sends its first step after an hour; version 2 would wait two.
    await tickAt(world.services, minutesAfterAbandonment(61));
    expect(world.sendgrid.messages).toHaveLength(1);
    const runs = await db.stepRun.findMany({ orderBy: { position: "asc" } });
    expect(runs.map((run) => [run.stepId, run.status])).toEqual([
      [versionOne.steps[0]!.id, "sent"],
      [versionOne.steps[1]!.id, "scheduled"],
    ]);
    expect(runs[1]!.dueAt).toEqual(minutesAfterAbandonment(24 * 60));

    await deliverWebhook("checkouts/create", checkoutPayload({ token: "bob-checkout", cart_token: "bob-cart", email: "bob@example.com", customer: null }));
    await tickAt(world.services, minutesAfterAbandonment(62));
    const bob = await db.enrollment.findFirstOrThrow({ where: { checkout: { token: "bob-checkout" } }, include: { version: true } });
    expect(bob.version.number).toBe(2);
  });
});
