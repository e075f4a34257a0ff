import type { Enrollment } from "@prisma/client";
import { sql, type Db } from "~/db/client.server";
import type { RawSql } from "~/db/direct-transaction.server";
import type { StopReason } from "~/recovery/activity";
import { activeShopperKey, shopperKey } from "~/recovery/shopper-key";
import { eachShopsOwn } from "./by-shop.server";

type Shopper = { email: string | null; customerId: string | null; phone: string | null };

function sameShopper({ email, customerId, phone }: Shopper) {
  return [...(email ? [{ email }] : []), ...(customerId ? [{ customerId }] : []), ...(phone ? [{ phone }] : [])];
}

/**
 * The shopper's running enrollment: the one holding their active key, or one that holds a checkout
 * with the same email, customer or phone. The key is matched itself because the checkouts may no
 * longer show the contact it was made from (an update can change a checkout's email); a newer checkout
 * that found nothing would hit the unique active key on every try instead of joining.
 */
export function findActiveEnrollmentForShopper(db: Db, shop: string, shopper: Shopper) {
  const key = shopperKey(shop, shopper);
  if (!key) return null;
  return db.enrollment.findFirst({
    where: { shop, status: "active", OR: [{ activeShopperKey: activeShopperKey(shop, key) }, { checkouts: { some: { OR: sameShopper(shopper) } } }] },
  });
}

/** The shopper's most recent enrollment, running or ended, that started before `before`. */
export function latestEnrollmentForShopper(db: Db, shop: string, shopper: Shopper, before: Date) {
  const matches = sameShopper(shopper);
  if (!matches.length) return null;
  return db.enrollment.findFirst({
    where: { shop, abandonedAt: { lte: before }, checkouts: { some: { OR: matches } } },
    orderBy: { abandonedAt: "desc" },
    select: { id: true, status: true, checkoutId: true, abandonedAt: true, holdout: true },
  });
}

export interface NewEnrollment {
  sequenceVersionId: number;
  checkoutId: number;
  shopperKey: string;
  abandonedAt: Date;
  cartStartedAt: Date;
  holdout: boolean;
}

/** Fails on the unique active-shopper key when the shopper already has a running enrollment. */
export function startEnrollment(db: Db, shop: string, enrollment: NewEnrollment) {
  return db.enrollment.create({
    data: { shop, ...enrollment, activeShopperKey: activeShopperKey(shop, enrollment.shopperKey) },
  });
}

/** A newer checkout of the same shopper: later messages show its cart, and orders since either cart count. */
export async function joinEnrollment(
  db: Db,
  shop: string,
  enrollment: { id: number; cartStartedAt: Date },
  checkout: { id: number; shopifyCreatedAt: Date },
): Promise<void> {
  const cartStartedAt = checkout.shopifyCreatedAt < enrollment.cartStartedAt ? checkout.shopifyCreatedAt : enrollment.cartStartedAt;
  await db.enrollment.updateMany({ where: { id: enrollment.id, shop }, data: { checkoutId: checkout.id, cartStartedAt } });
}

export function findEnrollment(db: Db, shop: string, enrollmentId: number) {
  return db.enrollment.findFirst({ where: { id: enrollmentId, shop } });
}

/** Enrollments of several shops in one read, each found only under its own shop. */
export async function findEnrollments(db: Db, enrollments: Iterable<readonly [shop: string, id: number]>): Promise<Enrollment[]> {
  const own = eachShopsOwn(enrollments, (shop, ids) => sql.sql`SELECT * FROM "Enrollment" WHERE "shop" = ${shop} AND "id" IN (${sql.join(ids)})`);
  return own ? db.$queryRaw<Enrollment[]>(own) : [];
}

/**
 * Stops a running enrollment for a reason and frees the shopper for a new one. Returns false when it
 * had already ended (only the first ender records it).
 */
export async function stopRunningEnrollment(db: Db, shop: string, enrollmentId: number, reason: StopReason, at: Date): Promise<boolean> {
  const { count } = await db.enrollment.updateMany({
    where: { id: enrollmentId, shop, status: "active" },
    data: { status: "stopped", stopReason: reason, endedAt: at, activeShopperKey: null },
  });
  return count > 0;
}

/**
 * Completes a shop's running enrollments after their last steps, in one statement, frees their
 * shoppers, and answers the ids of those this call ended (one already ended is left as it is). Raw
 * SQL: the last step of every enrollment concludes here.
 */
export async function completeEnrollments(db: RawSql, shop: string, enrollmentIds: number[], at: Date): Promise<number[]> {
  if (enrollmentIds.length === 0) return [];
  const ended = await db.$queryRaw<{ id: number }[]>`
    UPDATE "Enrollment"
    SET "status" = 'completed', "stopReason" = NULL, "endedAt" = ${at}, "activeShopperKey" = NULL, "updatedAt" = ${new Date()}
    WHERE "shop" = ${shop} AND "id" IN (${sql.join(enrollmentIds)}) AND "status" = 'active'
    RETURNING "id"`;
  return ended.map(({ id }) => Number(id));
}

/** Running enrollments that hold any of these checkouts. */
export function activeEnrollmentsForCheckouts(db: Db, shop: string, checkoutIds: number[]) {
  return db.enrollment.findMany({ where: { shop, status: "active", checkouts: { some: { id: { in: checkoutIds } } } }, select: { id: true, checkoutId: true } });
}

/** Marks the enrollment recovered by the shopper's order at `at`; false when an earlier order already had. */
export async function markEnrollmentRecovered(db: Db, shop: string, enrollmentId: number, at: Date): Promise<boolean> {
  const { count } = await db.enrollment.updateMany({ where: { id: enrollmentId, shop, recoveredAt: null }, data: { recoveredAt: at } });
  return count > 0;
}
