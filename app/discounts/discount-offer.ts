import type { Step } from "@prisma/client";
import { fromMinorUnits, isDecimalString, toMinorUnits } from "~/lib/money";

export type DiscountKind = "percentage" | "fixed_amount";

export type StepDiscountSettings = Pick<Step, "discountKind" | "discountValue" | "discountMinSubtotal" | "discountExpiryHours">;

/** A step's discount, checked: amounts in the shop's currency with its precision ("10" USD → "10.00"). */
export interface DiscountOffer {
  kind: DiscountKind;
  value: string;
  minSubtotal: string | null;
  expiryHours: number;
}

/** How long a code lasts when the step does not say. */
export const DEFAULT_EXPIRY_HOURS = 72;

/**
 * Reads the step's offer, or says why it cannot be made. A fixed amount is only offered on checkouts
 * in the shop's currency: Shopify would convert it at its own rate for any other, and the email would
 * promise an amount the checkout does not give.
 */
export function discountOffer(step: StepDiscountSettings, currencies: { shop: string; checkout: string }): DiscountOffer | { error: string } {
  const { discountKind: kind, discountValue: value } = step;
  if (kind !== "percentage" && kind !== "fixed_amount") return { error: `Unknown discount kind "${kind}"` };
  if (!value || !isDecimalString(value)) return { error: `Discount value "${value}" is not a decimal number` };
  const expiryHours = step.discountExpiryHours ?? DEFAULT_EXPIRY_HOURS;
  if (!Number.isInteger(expiryHours) || expiryHours < 1) return { error: `A discount must last at least an hour, not ${expiryHours}` };
  const minSubtotal = amountOrNull(step.discountMinSubtotal, currencies.shop);
  if (minSubtotal === undefined) return { error: `Minimum subtotal "${step.discountMinSubtotal}" is not an amount` };

  if (kind === "percentage") {
    // A percentage, not money: comparing it as a number is exact enough.
    const percent = Number(value);
    return percent > 0 && percent <= 100 ? { kind, value, minSubtotal, expiryHours } : { error: `A percentage must be above 0 and at most 100, not ${value}` };
  }
  if (currencies.checkout !== currencies.shop) {
    return { error: `A fixed amount in ${currencies.shop} cannot be offered on a checkout in ${currencies.checkout}` };
  }
  const amount = amountOrNull(value, currencies.shop);
  return amount ? { kind, value: amount, minSubtotal, expiryHours } : { error: `A fixed amount must be above 0, not ${value}` };
}

/** A positive amount in the currency's precision; null for none or zero; undefined when it is not an amount. */
function amountOrNull(amount: string | null, currency: string): string | null | undefined {
  if (!amount) return null;
  if (!isDecimalString(amount)) return undefined;
  const minor = toMinorUnits(amount, currency);
  if (minor < 0n) return undefined;
  return minor === 0n ? null : fromMinorUnits(minor, currency);
}
