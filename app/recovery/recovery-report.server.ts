import type { Db } from "~/db/client.server";
import { attributedOrderFigures, checkoutFigures, emailFigures, type Period } from "~/models/recovery-figures.server";

export interface RecoveryReport {
  currency: string;
  checkouts: number;
  abandoned: number;
  enrolled: number;
  holdout: number;
  emailed: number;
  delivered: number;
  opened: number;
  clicked: number;
  /** Orders placed within the attribution window after a recovery-link click. */
  recovered: { orders: number; revenueMinor: bigint };
  /** Orders after an email that was not clicked: reported apart, never added to recovered revenue. */
  boughtAfterEmail: { orders: number; revenueMinor: bigint };
}

/** The shop's recovery figures for a period. */
export async function recoveryReport(db: Db, shop: { domain: string; currency: string }, period: Period): Promise<RecoveryReport> {
  const [checkouts, emails, orders] = await Promise.all([
    checkoutFigures(db, shop.domain, period),
    emailFigures(db, shop.domain, period),
    attributedOrderFigures(db, shop.domain, shop.currency, period),
  ]);
  return { currency: shop.currency, ...checkouts, ...emails, ...orders };
}
