import type { Prisma } from "@prisma/client";
import type { CheckoutStatus } from "~/checkouts/checkout-status";
import type { Db } from "~/db/client.server";

export interface CheckoutListFilter {
  statuses: CheckoutStatus[];
  /** Created at or after. */
  createdFrom: Date | null;
  /** Created strictly before. */
  createdBefore: Date | null;
  hasEmail: boolean | null;
  /** Totals in minor units; only carts in `currency` can be compared, having no exchange rates. */
  total: { currency: string; min: bigint | null; max: bigint | null } | null;
  /** Lower-cased, as addresses are stored. */
  emailPrefix: string | null;
}

interface ListPosition {
  createdAt: Date;
  id: number;
}

/** Rows older than `after`, or newer than `before`; neither is the first page. */
export interface PageRequest {
  size: number;
  after?: ListPosition | null;
  before?: ListPosition | null;
}

// Beyond every code point, so [prefix, prefix + HIGHEST) holds exactly the strings starting with prefix.
const HIGHEST = "\u{10FFFF}";

const LISTED = {
  id: true,
  status: true,
  email: true,
  firstName: true,
  lastName: true,
  currency: true,
  totalPrice: true,
  shopifyCreatedAt: true,
  redactedAt: true,
} satisfies Prisma.CheckoutSelect;

export type ListedCheckout = Prisma.CheckoutGetPayload<{ select: typeof LISTED }>;

/**
 * One page of the shop's checkouts, newest first, by keyset on (creation time, id): the
 * (shop, shopifyCreatedAt) index holds the id too, so a page costs the same however deep it is.
 * The email search is a range, not LIKE, so that it can use the (shop, email, …) index.
 */
export async function listCheckoutsPage(db: Db, shop: string, filter: CheckoutListFilter, page: PageRequest) {
  const backwards = Boolean(page.before);
  const direction = backwards ? "asc" : "desc";
  const rows = await db.checkout.findMany({
    where: { shop, AND: [...filterConditions(filter), ...keysetConditions(page)] },
    orderBy: [{ shopifyCreatedAt: direction }, { id: direction }],
    take: page.size + 1,
    select: LISTED,
  });
  const more = rows.length > page.size;
  const checkouts = rows.slice(0, page.size);
  // A page reached backwards has the page it came from after it; one reached forwards, before it.
  if (backwards) return { checkouts: checkouts.reverse(), hasNext: true, hasPrevious: more };
  return { checkouts, hasNext: more, hasPrevious: Boolean(page.after) };
}

function filterConditions({ statuses, createdFrom, createdBefore, hasEmail, total, emailPrefix }: CheckoutListFilter): Prisma.CheckoutWhereInput[] {
  const conditions: Prisma.CheckoutWhereInput[] = [];
  if (statuses.length) conditions.push({ status: { in: statuses } });
  if (createdFrom) conditions.push({ shopifyCreatedAt: { gte: createdFrom } });
  if (createdBefore) conditions.push({ shopifyCreatedAt: { lt: createdBefore } });
  if (hasEmail !== null) conditions.push({ email: hasEmail ? { not: null } : null });
  if (emailPrefix) conditions.push({ email: { gte: emailPrefix, lt: emailPrefix + HIGHEST } });
  if (total) {
    conditions.push({ currency: total.currency });
    if (total.min !== null) conditions.push({ totalPriceMinor: { gte: total.min } });
    if (total.max !== null) conditions.push({ totalPriceMinor: { lte: total.max } });
  }
  return conditions;
}

/** The plain bound on the creation time lets the index start at the cursor; the OR breaks ties by id. */
function keysetConditions({ after, before }: PageRequest): Prisma.CheckoutWhereInput[] {
  if (after) {
    return [
      { shopifyCreatedAt: { lte: after.createdAt } },
      { OR: [{ shopifyCreatedAt: { lt: after.createdAt } }, { shopifyCreatedAt: after.createdAt, id: { lt: after.id } }] },
    ];
  }
  if (before) {
    return [
      { shopifyCreatedAt: { gte: before.createdAt } },
      { OR: [{ shopifyCreatedAt: { gt: before.createdAt } }, { shopifyCreatedAt: before.createdAt, id: { gt: before.id } }] },
    ];
  }
  return [];
}
