import type { Db } from "~/db/client.server";
import { storedCartLines, type CartLine } from "~/checkouts/cart-line";

/** Everything the storefront banner decides on, for one cart. */
export interface BannerState {
  shopDomain: string;
  shopInstalled: boolean;
  bannerText: string | null;
  checkoutStatus: string;
  recoveryUrl: string | null;
  lineItems: CartLine[];
  enrollment: { status: string; holdout: boolean } | null;
  discount: { code: string; endsAt: Date } | null;
}

interface BannerRow {
  shopStatus: string;
  bannerText: string | null;
  checkoutStatus: string;
  recoveryUrl: string | null;
  lineItems: unknown;
  enrollmentStatus: string | null;
  holdout: boolean | number | null;
  code: string | null;
  endsAt: Date | string | null;
}

/**
 * The banner answers on every storefront page view, so its state is one indexed query: the shop's most
 * recent checkout with this cart token (the (shop, cartToken) index), joined by primary key to the shop
 * and the enrollment, and to the checkout's active code through the (shop, checkoutId) index.
 */
export async function bannerStateForCart(db: Db, shop: string, cartToken: string): Promise<BannerState | null> {
  const [row] = await db.$queryRaw<BannerRow[]>`
    SELECT s."status" AS "shopStatus", s."bannerText", c."status" AS "checkoutStatus", c."recoveryUrl", c."lineItems",
           e."status" AS "enrollmentStatus", e."holdout", d."code", d."endsAt"
    FROM "Checkout" c
    JOIN "Shop" s ON s."domain" = c."shop"
    LEFT JOIN "Enrollment" e ON e."id" = c."enrollmentId"
    LEFT JOIN "DiscountCode" d ON d."shop" = c."shop" AND d."checkoutId" = c."id" AND d."status" = 'active'
    WHERE c."shop" = ${shop} AND c."cartToken" = ${cartToken}
    ORDER BY c."shopifyUpdatedAt" DESC, d."endsAt" DESC
    LIMIT 1`;
  if (!row) return null;
  return {
    shopDomain: shop,
    shopInstalled: row.shopStatus === "installed",
    bannerText: row.bannerText,
    checkoutStatus: row.checkoutStatus,
    recoveryUrl: row.recoveryUrl,
    // Raw queries hand JSON and booleans back as the driver stores them (text and 0/1 on SQLite).
    lineItems: storedCartLines(typeof row.lineItems === "string" ? JSON.parse(row.lineItems) : row.lineItems),
    enrollment: row.enrollmentStatus ? { status: row.enrollmentStatus, holdout: Boolean(Number(row.holdout)) } : null,
    discount: row.code && row.endsAt ? { code: row.code, endsAt: new Date(row.endsAt) } : null,
  };
}

/** The checkout a storefront cart belongs to: the shop's most recent one with that cart token. */
export function checkoutForCart(db: Db, shop: string, cartToken: string) {
  return db.checkout.findFirst({
    where: { shop, cartToken },
    orderBy: { shopifyUpdatedAt: "desc" },
    select: { id: true, enrollmentId: true },
  });
}

export async function bannerTouchedSince(db: Db, shop: string, checkoutId: number, kind: "banner_shown" | "banner_clicked", since: Date): Promise<boolean> {
  return (await db.activity.count({ where: { shop, checkoutId, kind, at: { gte: since } } })) > 0;
}
