import type { PrismaClient } from "@prisma/client";
import { findCheckout } from "~/models/checkout.server";
import { findEnrollment } from "~/models/enrollment.server";
import { stopEnrollment } from "~/recovery/stop-enrollment.server";
import type { StopResult } from "./action-results";

/** The merchant ends the shopper's running sequence from the checkout's page. Null when the shop has no such checkout. */
export async function stopCheckoutSequence(db: PrismaClient, shop: string, checkoutId: number, now: Date): Promise<StopResult | null> {
  const checkout = await findCheckout(db, shop, checkoutId);
  if (!checkout) return null;
  const enrollment = checkout.enrollmentId ? await findEnrollment(db, shop, checkout.enrollmentId) : null;
  const stopped = enrollment !== null && (await db.$transaction((tx) => stopEnrollment(tx, shop, enrollment, "manual", now)));
  return { intent: "stop", outcome: stopped ? "stopped" : "not_running" };
}
