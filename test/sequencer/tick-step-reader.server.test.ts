import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { freshStepReader, reusingStepReader, STEP_REUSE_MS } from "~/sequencer/tick-step-reader.server";
import { createSequence, createTemplate } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

/** A one-step sequence whose email uses a template with `subject`; returns the step's id and its template's content. */
async function stepWithSubject(subject: string) {
  const template = await createTemplate({ subject });
  const sequence = await createSequence([{ delayMinutes: 60, templateId: template.id }]);
  const content = await db.templateContent.findFirstOrThrow({ where: { templateId: template.id } });
  return { stepId: sequence.versions[0]!.steps[0]!.id, contentId: content.id };
}

const subjectOf = (step: Awaited<ReturnType<ReturnType<typeof freshStepReader>>>) => step?.template?.contents[0]?.subject;

describe("reusingStepReader", () => {
  it("reuses a step read within STEP_REUSE_MS, and reads it again after", async () => {
    const { stepId, contentId } = await stepWithSubject("First subject");
    let clock = 0;
    const readStep = reusingStepReader(freshStepReader(db), () => clock);

    expect(subjectOf(await readStep(TEST_SHOP, stepId))).toBe("First subject");
    await db.templateContent.update({ where: { id: contentId }, data: { subject: "Edited subject" } });
    clock = STEP_REUSE_MS - 1;
    expect(subjectOf(await readStep(TEST_SHOP, stepId))).toBe("First subject");
    clock = STEP_REUSE_MS;
    expect(subjectOf(await readStep(TEST_SHOP, stepId))).toBe("Edited subject");
  });

  it("keeps each shop's steps apart: another shop's id reads as no step", async () => {
    const { stepId } = await stepWithSubject("Ours");
    await createShop({ domain: "other-shop.myshopify.com" });
    const readStep = reusingStepReader(freshStepReader(db), () => 0);

    expect(subjectOf(await readStep(TEST_SHOP, stepId))).toBe("Ours");
    expect(await readStep("other-shop.myshopify.com", stepId)).toBeNull();
  });

  it("does not keep a failed read: the next one reads again", async () => {
    const { stepId } = await stepWithSubject("First subject");
    let reads = 0;
    // The database failing once, as it does while PostgreSQL restarts.
    const failingOnce = (shop: string, id: number) => (++reads === 1 ? Promise.reject(new Error("connection lost")) : freshStepReader(db)(shop, id));
    const readStep = reusingStepReader(failingOnce, () => 0);

    await expect(readStep(TEST_SHOP, stepId)).rejects.toThrow("connection lost");
    expect(subjectOf(await readStep(TEST_SHOP, stepId))).toBe("First subject");
    expect(reads).toBe(2);
  });
});

describe("freshStepReader", () => {
  it("reads the step every time", async () => {
    const { stepId, contentId } = await stepWithSubject("First subject");
    const readStep = freshStepReader(db);

    await readStep(TEST_SHOP, stepId);
    await db.templateContent.update({ where: { id: contentId }, data: { subject: "Edited subject" } });
    expect(subjectOf(await readStep(TEST_SHOP, stepId))).toBe("Edited subject");
  });
});
