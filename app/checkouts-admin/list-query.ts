import { z } from "zod";
import { CHECKOUT_STATUSES, type CheckoutStatus } from "~/checkouts/checkout-status";
import { isDecimalString } from "~/lib/money";
import { readCursor } from "./list-cursor";

/** The checkout list's filters and page, as the URL carries them, so a filtered page can be shared and the back button restores it. */
export interface CheckoutListQuery {
  statuses: CheckoutStatus[];
  /** Days in the shop's timezone, both included. */
  createdFrom: string | null;
  createdTo: string | null;
  hasEmail: boolean | null;
  /** Decimal amounts in the shop's currency. */
  minTotal: string | null;
  maxTotal: string | null;
  /** The start of an email address, lower-cased as addresses are stored. */
  emailPrefix: string | null;
  /** Cursor tokens: the page after (older than) or before (newer than) a row. */
  after: string | null;
  before: string | null;
}

const KEYS = { status: "status", from: "from", to: "to", hasEmail: "hasEmail", min: "min", max: "max", email: "email", after: "after", before: "before" } as const;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

// A shared link that went stale or was typed by hand loses the odd field, never the whole page.
const lenient = <T extends z.ZodType>(schema: T) => schema.nullable().catch(null);
const day = lenient(z.string().regex(ISO_DAY).refine((value) => !Number.isNaN(Date.parse(value))));
const amount = lenient(z.string().trim().refine((value) => isDecimalString(value) && !value.startsWith("-")));
const cursor = lenient(z.string().refine((value) => readCursor(value) !== null));

const fields = z.object({
  createdFrom: day,
  createdTo: day,
  hasEmail: lenient(z.enum(["yes", "no"]).transform((value) => value === "yes")),
  minTotal: amount,
  maxTotal: amount,
  emailPrefix: lenient(
    z
      .string()
      .trim()
      .toLowerCase()
      .max(320)
      .transform((value) => value || null),
  ),
  after: cursor,
  before: cursor,
});

export function readListQuery(params: URLSearchParams): CheckoutListQuery {
  const statuses = params.getAll(KEYS.status).filter((status): status is CheckoutStatus => (CHECKOUT_STATUSES as readonly string[]).includes(status));
  const parsed = fields.parse({
    createdFrom: params.get(KEYS.from),
    createdTo: params.get(KEYS.to),
    hasEmail: params.get(KEYS.hasEmail),
    minTotal: params.get(KEYS.min),
    maxTotal: params.get(KEYS.max),
    emailPrefix: params.get(KEYS.email),
    after: params.get(KEYS.after),
    before: params.get(KEYS.before),
  });
  return { statuses: [...new Set(statuses)], ...parsed };
}

/**
 * The URL's search with the list's own parameters replaced by `query`; anything else it holds
 * (the admin's shop, host and locale) stays.
 */
export function writeListQuery(current: URLSearchParams, query: CheckoutListQuery): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const key of Object.values(KEYS)) next.delete(key);
  for (const status of query.statuses) next.append(KEYS.status, status);
  const single: [string, string | null][] = [
    [KEYS.from, query.createdFrom],
    [KEYS.to, query.createdTo],
    [KEYS.hasEmail, query.hasEmail === null ? null : query.hasEmail ? "yes" : "no"],
    [KEYS.min, query.minTotal],
    [KEYS.max, query.maxTotal],
    [KEYS.email, query.emailPrefix],
    [KEYS.after, query.after],
    [KEYS.before, query.before],
  ];
  for (const [key, value] of single) if (value) next.set(key, value);
  return next;
}

/** True when the merchant narrowed the list, so an empty page means "no match" rather than "nothing yet". */
export function isFiltered(query: CheckoutListQuery): boolean {
  return (
    query.statuses.length > 0 ||
    [query.createdFrom, query.createdTo, query.minTotal, query.maxTotal, query.emailPrefix, query.after, query.before].some(Boolean) ||
    query.hasEmail !== null
  );
}

export const EMPTY_LIST_QUERY: CheckoutListQuery = {
  statuses: [],
  createdFrom: null,
  createdTo: null,
  hasEmail: null,
  minTotal: null,
  maxTotal: null,
  emailPrefix: null,
  after: null,
  before: null,
};
