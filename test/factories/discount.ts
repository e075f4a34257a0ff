import type { Prisma } from "@prisma/client";
import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { db } from "~/db/client.server";
import { discountCodeName } from "~/discounts/discount-code-name.server";
import { createSentMessage } from "./recovery";

type SentMessage = Awaited<ReturnType<typeof createSentMessage>>;

let shoppers = 0;

/** A sent message whose step run offered a 15 % code, stored as ensureStepDiscount stores one; each to a shopper of its own. */
export async function createOfferedDiscount(overrides: Partial<Prisma.DiscountCodeUncheckedCreateInput> = {}, message?: SentMessage) {
  const { checkout, enrollment, stepRun } = message ?? (await createSentMessage({ checkout: { email: `shopper-${++shoppers}@example.com` } }));
  return db.discountCode.create({
    data: {
      shop: TEST_SHOP,
      stepRunId: stepRun.id,
      enrollmentId: enrollment.id,
      checkoutId: checkout.id,
      code: discountCodeName(TEST_SHOP, stepRun.id),
      shopifyDiscountId: `gid://shopify/DiscountCodeNode/${stepRun.id}`,
      kind: "percentage",
      value: "15",
      endsAt: new Date(Date.now() + 48 * 3_600_000),
      ...overrides,
    },
  });
}

/** A shopper's abandoned cart, emailed and offered this code: what the storefront banner looks up. */
export async function createCartWithOffer(code: string) {
  const message = await createSentMessage();
  await createOfferedDiscount({ code }, message);
  return message.checkout.cartToken!;
}
