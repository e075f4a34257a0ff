import { sql, type Db } from "~/db/client.server";
import { toMinorUnits } from "~/lib/money";
import type { OrderLink } from "./checkout.server";
import { identityFilter, type CustomerIdentity } from "./customer-identity";

export interface OrderRecord {
  shopifyId: string;
  name: string | null;
  checkoutToken: string | null;
  cartToken: string | null;
  customerId: string | null;
  email: string | null;
  phone: string | null;
  currency: string;
  totalPrice: string;
  discountCodes: string[];
  landingSite: string | null;
  shopifyCreatedAt: Date;
}

export async function orderExists(db: Db, shop: string, shopifyId: string): Promise<boolean> {
  const order = await db.order.findUnique({ where: { shop_shopifyId: { shop, shopifyId } }, select: { id: true } });
  return order !== null;
}

/** Stores an order, linked to the checkout it came from when one was found. */
export async function createOrder(
  db: Db,
  shop: string,
  order: OrderRecord,
  checkout: { id: number; linkedBy: OrderLink } | null,
): Promise<number> {
  const created = await db.order.create({
    data: {
      shop,
      ...order,
      totalPriceMinor: toMinorUnits(order.totalPrice, order.currency),
      checkoutId: checkout?.id ?? null,
      linkedBy: checkout?.linkedBy ?? null,
    },
    select: { id: true },
  });
  return created.id;
}

/** Links orders that arrived before their checkout, by checkout token and then cart token. */
export async function linkWaitingOrders(
  db: Db,
  shop: string,
  checkout: { id: number; token: string; cartToken: string | null },
): Promise<number> {
  const byToken = await db.order.updateMany({
    where: { shop, checkoutId: null, checkoutToken: checkout.token },
    data: { checkoutId: checkout.id, linkedBy: "checkout_token" },
  });
  if (byToken.count > 0 || !checkout.cartToken) return byToken.count;
  const byCart = await db.order.updateMany({
    where: { shop, checkoutId: null, checkoutToken: null, cartToken: checkout.cartToken },
    data: { checkoutId: checkout.id, linkedBy: "cart_token" },
  });
  return byCart.count;
}

/** Erases the customer's personal data from the shop's orders: those matching them and those Shopify names. */
export async function eraseCustomerFromOrders(
  db: Db,
  shop: string,
  customer: CustomerIdentity,
  shopifyOrderIds: string[],
  now = new Date(),
): Promise<number> {
  const matches = [...(identityFilter(customer) ?? []), ...(shopifyOrderIds.length ? [{ shopifyId: { in: shopifyOrderIds } }] : [])];
  if (!matches.length) return 0;
  const { count } = await db.order.updateMany({
    where: { shop, OR: matches },
    data: { email: null, phone: null, customerId: null, landingSite: null, redactedAt: now },
  });
  return count;
}

export interface PurchaseLookup {
  /** Orders from before the shopper's cart started do not count. */
  since: Date;
  enrollmentId: number;
  checkoutToken: string;
  cartToken: string | null;
  customerId: string | null;
  email: string | null;
  phone: string | null;
}

/**
 * The send-time truth check: has the shopper ordered since their cart started, by any of the ways we
 * know them? Runs before every send, so each way is its own EXISTS on its own index (the checkout
 * token, cart token, customer id, email, phone, or an order linked to one of the enrollment's carts):
 * one OR across them would have the database read every order of the shop since the cart started. An
 * unknown part is bound as NULL, which matches nothing.
 */
export async function hasOrderSince(db: Db, shop: string, who: PurchaseLookup): Promise<boolean> {
  const [purchased] = await purchasedSince(db, [{ shop, ...who }]);
  return purchased!;
}

/**
 * The same check for a batch of shoppers, of any shops, in one statement: each lookup's EXISTS tests
 * as above, under a SELECT that answers the lookup's index when they find an order.
 */
export async function purchasedSince(db: Db, lookups: Array<PurchaseLookup & { shop: string }>): Promise<boolean[]> {
  if (lookups.length === 0) return [];
  const checks = lookups.map((who, index) => {
    const { shop, since, enrollmentId, checkoutToken } = who;
    const [cartToken, customerId, email, phone] = [who.cartToken, who.customerId, who.email, who.phone].map((part) => part || null);
    return sql.sql`
      SELECT ${sql.raw(String(index))} AS "lookup" WHERE
        EXISTS (SELECT 1 FROM "Order" WHERE "shop" = ${shop} AND "checkoutToken" = ${checkoutToken} AND "shopifyCreatedAt" >= ${since})
        OR EXISTS (SELECT 1 FROM "Order" WHERE "shop" = ${shop} AND "cartToken" = ${cartToken} AND "shopifyCreatedAt" >= ${since})
        OR EXISTS (SELECT 1 FROM "Order" WHERE "shop" = ${shop} AND "customerId" = ${customerId} AND "shopifyCreatedAt" >= ${since})
        OR EXISTS (SELECT 1 FROM "Order" WHERE "shop" = ${shop} AND "email" = ${email} AND "shopifyCreatedAt" >= ${since})
        OR EXISTS (SELECT 1 FROM "Order" WHERE "shop" = ${shop} AND "phone" = ${phone} AND "shopifyCreatedAt" >= ${since})
        OR EXISTS (
          SELECT 1 FROM "Order" WHERE "shop" = ${shop} AND "shopifyCreatedAt" >= ${since}
            AND "checkoutId" IN (SELECT "id" FROM "Checkout" WHERE "shop" = ${shop} AND "enrollmentId" = ${enrollmentId})
        )`;
  });
  const found = await db.$queryRaw<{ lookup: number | bigint }[]>(sql.join(checks, " UNION ALL "));
  const purchased = new Set(found.map((row) => Number(row.lookup)));
  return lookups.map((_, index) => purchased.has(index));
}

export async function recordAttribution(
  db: Db,
  shop: string,
  orderId: number,
  attribution: { kind: "clicked" | "after_email"; stepRunId: number },
): Promise<void> {
  await db.order.updateMany({ where: { id: orderId, shop }, data: { attribution: attribution.kind, attributedStepRunId: attribution.stepRunId } });
}
