import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import type { Prisma } from "@prisma/client";
import { db } from "~/db/client.server";
import { fromMinorUnits } from "~/lib/money";
import { createSentMessage } from "../factories/recovery";

let orders = 0;

/**
 * A sent message's step given A/B variants (weight 1 each unless told), with helpers to load the step as
 * the sequencer would and to record the sends of each variant.
 */
export async function createVariantWorld(step: Prisma.StepUncheckedUpdateInput = {}, variants: { label: string; weight?: number }[] = [{ label: "A" }, { label: "B" }]) {
  const world = await createSentMessage();
  const stepId = world.step.id;
  await db.step.update({ where: { id: stepId }, data: step });
  for (const { label, weight = 1 } of variants) {
    await db.stepVariant.create({ data: { stepId, label, weight, subject: `Subject ${label}`, templateId: world.template.id } });
  }
  const loadStep = () => db.step.findUniqueOrThrow({ where: { id: stepId }, include: { variants: { orderBy: { label: "asc" } } } });
  const variant = async (label: string) => (await loadStep()).variants.find((candidate) => candidate.label === label)!;
  return { ...world, loadStep, variant };
}

export interface Sends {
  sent: number;
  opened?: number;
  clicked?: number;
  /** Sends whose click led to an order, each with one order attributed "clicked". */
  recovered?: number;
  status?: string;
}

/**
 * `sent` sends of a variant, one enrollment each: the first `clicked` were clicked (and so opened), the
 * next ones up to `opened` only opened, and the first `recovered` of the clicked ones bought. Returns the runs.
 */
export async function recordSends(world: Awaited<ReturnType<typeof createVariantWorld>>, variantId: number, { sent, opened = 0, clicked = 0, recovered = 0, status = "sent" }: Sends) {
  const at = new Date("2026-11-20T16:15:00Z");
  const enrollments = await db.enrollment.createManyAndReturn({
    data: Array.from({ length: sent }, (_, index) => ({
      shop: TEST_SHOP,
      sequenceVersionId: world.version.id,
      checkoutId: world.checkout.id,
      shopperKey: `shopper-${variantId}-${index}`,
      abandonedAt: at,
      cartStartedAt: at,
    })),
  });
  const runs = await db.stepRun.createManyAndReturn({
    data: enrollments.map((enrollment, index) => ({
      shop: TEST_SHOP,
      enrollmentId: enrollment.id,
      stepId: world.step.id,
      position: 1,
      channel: "email",
      status,
      dueAt: at,
      scheduledAt: at,
      variantId,
      sentAt: status === "sent" ? at : null,
      firstOpenedAt: index < Math.max(opened, clicked) ? at : null,
      firstClickedAt: index < clicked ? at : null,
    })),
  });
  for (const run of runs.slice(0, recovered)) await attributeOrder(run.id, { attribution: "clicked" });
  return runs;
}

/** An order attributed to a step run. */
export function attributeOrder(stepRunId: number, { attribution, totalPriceMinor = 5000n, currency = "USD" }: { attribution: "clicked" | "after_email"; totalPriceMinor?: bigint; currency?: string }) {
  const n = ++orders;
  return db.order.create({
    data: {
      shop: TEST_SHOP,
      shopifyId: `order-${n}`,
      currency,
      totalPrice: fromMinorUnits(totalPriceMinor, currency),
      totalPriceMinor,
      discountCodes: [],
      shopifyCreatedAt: new Date("2026-11-21T10:00:00Z"),
      attribution,
      attributedStepRunId: stepRunId,
    },
  });
}
