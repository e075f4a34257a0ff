import type { DiscountCode } from "@prisma/client";
import type { Db } from "~/db/client.server";
import { recordActivity } from "~/models/activity.server";
import { moveDiscount } from "~/models/discount-code.server";
import type { ActivityKind } from "~/recovery/activity";
import type { DiscountStatus } from "./stored-discount";

export interface DiscountChange {
  status: DiscountStatus;
  endedAt?: Date;
  /** What the checkout's timeline shows; a change the shopper cannot notice may leave it out. */
  activity?: { kind: ActivityKind; at: Date; reason?: string; detail?: Record<string, string> };
}

/** Moves a code on from the status it was read in, with its timeline entry; false when another process was first. */
export async function changeDiscount(db: Db, discount: DiscountCode, change: DiscountChange): Promise<boolean> {
  const moved = await moveDiscount(db, discount.shop, discount.id, discount.status as DiscountStatus, { status: change.status, endedAt: change.endedAt });
  if (moved && change.activity) await recordDiscountActivity(db, discount, change.activity);
  return moved;
}

export function recordDiscountActivity(db: Db, discount: DiscountCode, activity: NonNullable<DiscountChange["activity"]>): Promise<void> {
  return recordActivity(db, discount.shop, {
    ...activity,
    checkoutId: discount.checkoutId,
    enrollmentId: discount.enrollmentId,
    stepRunId: discount.stepRunId,
    detail: { code: discount.code, ...activity.detail },
  });
}
