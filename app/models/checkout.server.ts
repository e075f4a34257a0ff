import type { Checkout } from "@prisma/client";
import { column, sql, type Db } from "~/db/client.server";
import type { RawSql } from "~/db/direct-transaction.server";
import type { CartLine } from "~/checkouts/cart-line";
import { UNPURCHASED_STATUSES, statusAfterPurchase, type CheckoutStatus } from "~/checkouts/checkout-status";
import { toMinorUnits } from "~/lib/money";
import { abandonmentCheckTime } from "~/recovery/abandonment";
import { identityFilter, type CustomerIdentity } from "./customer-identity";
import { eachShopsOwn } from "./by-shop.server";

/** A checkout as one Shopify delivery describes it. */
export interface CheckoutSnapshot {
  token: string;
  cartToken: string | null;
  shopifyId: string | null;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  customerId: string | null;
  locale: string | null;
  countryCode: string | null;
  acceptsEmailMarketing: boolean;
  emailConsentState: string | null;
  acceptsSmsMarketing: boolean;
  currency: string;
  subtotalPrice: string;
  totalPrice: string;
  totalTax: string | null;
  totalDiscounts: string | null;
  lineItems: CartLine[];
  recoveryUrl: string | null;
  shopifyCreatedAt: Date;
  shopifyUpdatedAt: Date;
  completedAt: Date | null;
}

export interface SavedSnapshot {
  id: number;
  /** False when the stored checkout is newer than the snapshot, which then changed nothing. */
  applied: boolean;
}

export interface SnapshotToSave {
  shop: string;
  snapshot: CheckoutSnapshot;
  settings: { abandonmentMinutes: number };
}

/**
 * Stores each snapshot unless Shopify already told us something newer: deliveries arrive out of
 * order, and an older one must never overwrite newer data. Each statement inserts or updates,
 * conditional on the stored `updated_at`, so two deliveries racing on PostgreSQL cannot undo each
 * other either. An open checkout's abandonment check moves with every update; a completion time, once
 * known, stays. Answers in the order given.
 *
 * One multi-row statement per round: a checkout's second snapshot in the list goes in the second
 * round, and so on, so that no statement touches a row twice (PostgreSQL refuses that) and a later
 * snapshot is weighed against the earlier one. Raw SQL because every checkout webhook runs it: Prisma
 * compiles a model write of this many fields, cart lines included, in more time than the rest of the
 * delivery takes.
 */
export async function saveCheckoutSnapshots(db: RawSql, snapshots: SnapshotToSave[], now = new Date()): Promise<SavedSnapshot[]> {
  const saved: SavedSnapshot[] = [];
  for (const round of rounds(snapshots, ({ shop, snapshot }) => JSON.stringify([shop, snapshot.token]))) {
    const ids = await upsertNewer(db, round.map(({ item }) => item), now);
    for (const { item, index } of round) {
      const id = ids.get(JSON.stringify([item.shop, item.snapshot.token]));
      saved[index] = id === undefined ? { id: await storedCheckoutId(db, item), applied: false } : { id, applied: true };
    }
  }
  return saved;
}

/** Splits items into rounds in which every key appears once, keeping each item's position. */
function rounds<Item>(items: Item[], key: (item: Item) => string): Array<Array<{ item: Item; index: number }>> {
  const seen = new Map<string, number>();
  const result: Array<Array<{ item: Item; index: number }>> = [];
  items.forEach((item, index) => {
    const round = seen.get(key(item)) ?? 0;
    seen.set(key(item), round + 1);
    (result[round] ??= []).push({ item, index });
  });
  return result;
}

/** Ids of the checkouts the statement wrote, by [shop, token]; one that was newer than its snapshot is missing. */
async function upsertNewer(db: RawSql, snapshots: SnapshotToSave[], now: Date): Promise<Map<string, number>> {
  const rows = snapshots.map(({ shop, snapshot, settings }) => checkoutRow(shop, snapshot, settings.abandonmentMinutes, now));
  const columns = Object.keys(rows[0]!);
  const described = columns.filter((name) => !NOT_DESCRIBED.has(name));
  const written = await db.$queryRaw<Array<{ id: number | bigint; shop: string; token: string }>>`
    INSERT INTO "Checkout" (${sql.join(columns.map(column))})
    VALUES ${sql.join(rows.map((row) => sql.sql`(${sql.join(Object.values(row))})`))}
    ON CONFLICT ("shop", "token") DO UPDATE SET
      ${sql.join(described.map((name) => sql.sql`${column(name)} = excluded.${column(name)}`))},
      "completedAt" = COALESCE(excluded."completedAt", "Checkout"."completedAt"),
      "abandonCheckAt" = CASE WHEN "Checkout"."status" = 'open' THEN excluded."abandonCheckAt" ELSE "Checkout"."abandonCheckAt" END,
      "updatedAt" = excluded."updatedAt"
    WHERE "Checkout"."shopifyUpdatedAt" <= excluded."shopifyUpdatedAt"
    RETURNING "id", "shop", "token"`;
  return new Map(written.map(({ id, shop, token }) => [JSON.stringify([shop, token]), Number(id)]));
}

/** Columns a newer snapshot does not simply overwrite. */
const NOT_DESCRIBED = new Set(["shop", "status", "completedAt", "abandonCheckAt", "createdAt", "updatedAt"]);

function checkoutRow(shop: string, snapshot: CheckoutSnapshot, abandonmentMinutes: number, now: Date) {
  const { completedAt, lineItems, ...fields } = snapshot;
  const status: CheckoutStatus = completedAt ? "completed" : "open";
  return {
    shop,
    status,
    ...fields,
    totalPriceMinor: toMinorUnits(snapshot.totalPrice, snapshot.currency),
    lineItems: JSON.stringify(lineItems),
    completedAt,
    abandonCheckAt: abandonmentCheckTime(snapshot, abandonmentMinutes),
    createdAt: now,
    updatedAt: now,
  };
}

/** The stored checkout that was newer than a snapshot. Gone meanwhile (shop/redact), the delivery fails and Shopify retries it. */
async function storedCheckoutId(db: RawSql, { shop, snapshot }: SnapshotToSave): Promise<number> {
  const [stored] = await db.$queryRaw<Array<{ id: number | bigint }>>`SELECT "id" FROM "Checkout" WHERE "shop" = ${shop} AND "token" = ${snapshot.token}`;
  if (!stored) throw new Error(`A checkout of ${shop} newer than its snapshot was deleted while the snapshot was stored`);
  return Number(stored.id);
}

/** Open checkouts whose abandonment check is due, oldest first. */
export function dueAbandonmentChecks(db: Db, now: Date, limit: number) {
  return db.checkout.findMany({
    where: { abandonCheckAt: { lte: now } },
    orderBy: { abandonCheckAt: "asc" },
    take: limit,
    select: { id: true, shop: true, abandonCheckAt: true },
  });
}

/**
 * Marks the checkout abandoned as of its check time, if it is still open and still due (Shopify may
 * have heard from it since). Only one caller can win; a checkout that is no longer open just loses its check.
 */
export async function claimAbandonment(db: Db, shop: string, checkoutId: number, checkAt: Date): Promise<boolean> {
  const { count } = await db.checkout.updateMany({
    where: { id: checkoutId, shop, status: "open", abandonCheckAt: checkAt },
    data: { status: "abandoned", abandonedAt: checkAt, abandonCheckAt: null },
  });
  if (count === 0) {
    await db.checkout.updateMany({ where: { id: checkoutId, shop, status: { not: "open" }, abandonCheckAt: checkAt }, data: { abandonCheckAt: null } });
  }
  return count > 0;
}

export async function attachCheckoutToEnrollment(db: Db, shop: string, checkoutId: number, enrollmentId: number): Promise<void> {
  await db.checkout.updateMany({ where: { id: checkoutId, shop }, data: { enrollmentId } });
}

export async function checkoutIdsOfEnrollment(db: Db, shop: string, enrollmentId: number): Promise<number[]> {
  const checkouts = await db.checkout.findMany({ where: { shop, enrollmentId }, select: { id: true } });
  return checkouts.map((checkout) => checkout.id);
}

export function findCheckout(db: Db, shop: string, checkoutId: number) {
  return db.checkout.findFirst({ where: { id: checkoutId, shop } });
}

/**
 * Checkouts of several shops in one read, each found only under its own shop. Raw SQL, as are the
 * sequencer's other batch reads: Prisma compiled each slower than the database ran it.
 */
export async function findCheckouts(db: Db, checkouts: Iterable<readonly [shop: string, id: number]>): Promise<Checkout[]> {
  const own = eachShopsOwn(checkouts, (shop, ids) => sql.sql`SELECT * FROM "Checkout" WHERE "shop" = ${shop} AND "id" IN (${sql.join(ids)})`);
  return own ? db.$queryRaw<Checkout[]>(own) : [];
}

/**
 * Moves a checkout that a purchase ended to its final status, and returns that status; null when the
 * checkout had already ended (final statuses stay as they are).
 */
export async function markCheckoutPurchased(db: Db, shop: string, checkoutId: number, completedAt: Date): Promise<CheckoutStatus | null> {
  for (const status of UNPURCHASED_STATUSES) {
    const { count } = await db.checkout.updateMany({
      where: { id: checkoutId, shop, status },
      data: { status: statusAfterPurchase(status), completedAt, abandonCheckAt: null },
    });
    if (count > 0) return statusAfterPurchase(status);
  }
  return null;
}

export interface OrderReference {
  checkoutToken: string | null;
  cartToken: string | null;
  email: string | null;
  phone: string | null;
  shopifyCreatedAt: Date;
}

export type OrderLink = "checkout_token" | "cart_token" | "email" | "phone";

const CONTACT_MATCH_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Finds the checkout an order came from: by checkout token, then cart token, then the shopper's most
 * recent unpurchased checkout with the same email or phone started in the 7 days before the order.
 */
export async function findCheckoutForOrder(
  db: Db,
  shop: string,
  order: OrderReference,
): Promise<{ id: number; linkedBy: OrderLink } | null> {
  if (order.checkoutToken) {
    const checkout = await db.checkout.findUnique({
      where: { shop_token: { shop, token: order.checkoutToken } },
      select: { id: true },
    });
    if (checkout) return { id: checkout.id, linkedBy: "checkout_token" };
  }
  if (order.cartToken) {
    const checkout = await db.checkout.findFirst({
      where: { shop, cartToken: order.cartToken },
      orderBy: { shopifyUpdatedAt: "desc" },
      select: { id: true },
    });
    if (checkout) return { id: checkout.id, linkedBy: "cart_token" };
  }
  const window = {
    gte: new Date(order.shopifyCreatedAt.getTime() - CONTACT_MATCH_WINDOW_MS),
    lte: order.shopifyCreatedAt,
  };
  for (const linkedBy of ["email", "phone"] as const) {
    const contact = order[linkedBy];
    if (!contact) continue;
    const checkout = await db.checkout.findFirst({
      where: { shop, [linkedBy]: contact, status: { in: [...UNPURCHASED_STATUSES] }, shopifyCreatedAt: window },
      orderBy: { shopifyUpdatedAt: "desc" },
      select: { id: true },
    });
    if (checkout) return { id: checkout.id, linkedBy };
  }
  return null;
}

export async function checkoutIdsOfCustomer(db: Db, shop: string, customer: CustomerIdentity): Promise<number[]> {
  const matches = identityFilter(customer);
  if (!matches) return [];
  const checkouts = await db.checkout.findMany({ where: { shop, OR: matches }, select: { id: true } });
  return checkouts.map((checkout) => checkout.id);
}

/** Erases the customer's personal data from the shop's checkouts, keeping the anonymous cart for statistics. */
export async function eraseCustomerFromCheckouts(
  db: Db,
  shop: string,
  customer: CustomerIdentity,
  now = new Date(),
): Promise<number> {
  const matches = identityFilter(customer);
  if (!matches) return 0;
  const { count } = await db.checkout.updateMany({
    where: { shop, OR: matches },
    data: {
      email: null,
      phone: null,
      firstName: null,
      lastName: null,
      customerId: null,
      countryCode: null,
      recoveryUrl: null,
      redactedAt: now,
    },
  });
  return count;
}

export async function countCheckoutsByStatus(db: Db, shop: string): Promise<Record<CheckoutStatus, number>> {
  const groups = await db.checkout.groupBy({ by: ["status"], where: { shop }, _count: { _all: true } });
  const counts: Record<CheckoutStatus, number> = { open: 0, abandoned: 0, recovered: 0, completed: 0 };
  for (const group of groups) {
    if (group.status in counts) counts[group.status as CheckoutStatus] = group._count._all;
  }
  return counts;
}
