import type { Prisma } from "@prisma/client";
import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { db } from "~/db/client.server";
import { contactHash } from "~/lib/contact-hash";
import { toMinorUnits } from "~/lib/money";

let sequence = 0;
const next = () => ++sequence;

/** A stored checkout with valid defaults: Ann's two-item cart, opted in to email. */
export function createCheckout(overrides: Partial<Prisma.CheckoutUncheckedCreateInput> = {}) {
  return db.checkout.create({ data: checkoutData(overrides) });
}

/** The fields of a checkout with createCheckout's defaults and a fresh token, for bulk inserts too. */
export function checkoutData(overrides: Partial<Prisma.CheckoutUncheckedCreateInput> = {}): Prisma.CheckoutUncheckedCreateInput {
  const n = next();
  const totalPrice = (overrides.totalPrice as string | undefined) ?? "137.77";
  return {
    shop: TEST_SHOP,
    token: `checkout-token-${n}`,
    cartToken: `cart-token-${n}`,
    email: "ann@example.com",
    firstName: "Ann",
    lastName: "Lee",
    customerId: "7677484597543",
    locale: "en-US",
    acceptsEmailMarketing: true,
    currency: "USD",
    subtotalPrice: "129.97",
    totalPrice,
    totalPriceMinor: toMinorUnits(totalPrice, "USD"),
    lineItems: [
      { title: "Aviator sunglasses", variantTitle: "Gold", quantity: 1, price: "89.99", linePrice: "89.99", variantId: "45902754185506", productId: "8448447512866", sku: "AVI-GLD", imageUrl: null },
      { title: "Canvas tote", variantTitle: null, quantity: 2, price: "19.99", linePrice: "39.98", variantId: "45902754218274", productId: "8448447545634", sku: "TOTE-NAT", imageUrl: null },
    ],
    recoveryUrl: `https://${TEST_SHOP}/80371122466/checkouts/ac/cart-token-${n}/recover?key=k${n}`,
    shopifyCreatedAt: new Date("2026-11-20T15:00:00Z"),
    shopifyUpdatedAt: new Date("2026-11-20T15:05:00Z"),
    ...overrides,
  };
}

/** An email template with English content. */
export function createTemplate(overrides: { name?: string; subject?: string; html?: string; text?: string | null } = {}) {
  return db.template.create({
    data: {
      shop: TEST_SHOP,
      name: overrides.name ?? "Reminder",
      contents: {
        create: {
          locale: "en",
          subject: overrides.subject ?? "{{ customer.first_name }}, your cart is waiting",
          preheader: "",
          html: overrides.html ?? '<p>Hi {{ customer.first_name }}</p><a href="{{ recovery_url }}">Back to cart</a><a href="{{ unsubscribe_url }}">Unsubscribe</a>',
          text: overrides.text ?? null,
        },
      },
    },
  });
}

export interface StepSpec {
  delayMinutes: number;
  templateId?: number | null;
  destinationId?: number | null;
  channel?: string;
  minCartValueMinor?: bigint | null;
  skipIfClicked?: boolean;
  enabled?: boolean;
}

/** A sequence with one version holding the given steps, in order. */
export async function createSequence(steps: StepSpec[], shop = TEST_SHOP) {
  return db.sequence.create({
    data: {
      shop,
      name: "Abandoned checkout recovery",
      versions: {
        create: {
          number: 1,
          steps: { create: steps.map((step, index) => ({ position: index + 1, channel: "email", ...step })) },
        },
      },
    },
    include: { versions: { include: { steps: { orderBy: { position: "asc" } } } } },
  });
}

/** An active enrollment of the checkout's shopper in the sequence version, as abandonment makes it. */
export function enrollmentData(
  checkout: { id: number; email: string | null; token: string; abandonedAt: Date | null; shopifyCreatedAt: Date },
  sequenceVersionId: number,
): Prisma.EnrollmentUncheckedCreateInput {
  const shopperKey = contactHash(TEST_SHOP, checkout.email ?? checkout.token);
  return {
    shop: TEST_SHOP,
    sequenceVersionId,
    checkoutId: checkout.id,
    shopperKey,
    activeShopperKey: `${TEST_SHOP} ${shopperKey}`,
    abandonedAt: checkout.abandonedAt ?? new Date("2026-11-20T15:15:00Z"),
    cartStartedAt: checkout.shopifyCreatedAt,
  };
}

/**
 * A checkout enrolled in a one-step sequence with its send record ready: the smallest world in which
 * a message exists. Overrides reach the checkout and the step run.
 */
export async function createSentMessage(
  overrides: {
    checkout?: Partial<Prisma.CheckoutUncheckedCreateInput>;
    stepRun?: Partial<Prisma.StepRunUncheckedCreateInput>;
  } = {},
) {
  const template = await createTemplate();
  const created = await createSequence([{ delayMinutes: 60, templateId: template.id }]);
  const version = created.versions[0]!;
  const step = version.steps[0]!;
  const checkout = await createCheckout({ status: "abandoned", abandonedAt: new Date("2026-11-20T15:15:00Z"), ...overrides.checkout });
  const enrollment = await db.enrollment.create({ data: enrollmentData(checkout, version.id) });
  await db.checkout.update({ where: { id: checkout.id }, data: { enrollmentId: enrollment.id } });
  const dueAt = new Date("2026-11-20T16:15:00Z");
  const stepRun = await db.stepRun.create({
    data: {
      shop: TEST_SHOP,
      enrollmentId: enrollment.id,
      stepId: step.id,
      position: 1,
      channel: "email",
      status: "sent",
      dueAt,
      scheduledAt: dueAt,
      attempts: 1,
      checkoutId: checkout.id,
      recipientHash: checkout.email ? contactHash(TEST_SHOP, checkout.email) : null,
      locale: "en",
      providerMessageId: "LRzXl_NHStOGhQ4kofSm_A",
      sentAt: dueAt,
      ...overrides.stepRun,
    },
  });
  return { template, sequence: created, version, step, checkout, enrollment, stepRun };
}
