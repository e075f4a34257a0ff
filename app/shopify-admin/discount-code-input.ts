import type { DiscountCodeRequest } from "./shopify-admin";

/**
 * The `DiscountCodeBasicInput` for a recovery code: one use in total and once per customer, limited to
 * the shopper's customer account when the checkout has one, on the whole order, combining with nothing.
 */
export function discountCodeBasicInput(request: DiscountCodeRequest) {
  return {
    title: request.title,
    code: request.code,
    startsAt: request.startsAt.toISOString(),
    endsAt: request.endsAt.toISOString(),
    usageLimit: 1,
    appliesOncePerCustomer: true,
    context: request.customerId ? { customers: { add: [customerGid(request.customerId)] } } : { all: "ALL" },
    customerGets: {
      value:
        request.kind === "percentage"
          ? { percentage: fractionOfPercent(request.value) }
          : { discountAmount: { amount: request.value, appliesOnEachItem: false } },
      items: { all: true },
    },
    ...(request.minSubtotal && { minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: request.minSubtotal } } }),
    combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: false },
  };
}

// Webhooks carry the numeric id; the Admin API wants the global one.
function customerGid(customerId: string): string {
  return customerId.startsWith("gid://") ? customerId : `gid://shopify/Customer/${customerId}`;
}

// Shopify takes a 0–1 fraction. Moving the decimal point in the text ("15e-2") parses to the double
// nearest 0.15, where dividing by 100 could land one step off.
function fractionOfPercent(percent: string): number {
  return Number(`${percent}e-2`);
}
