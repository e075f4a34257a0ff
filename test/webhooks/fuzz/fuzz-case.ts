import { signedWebhookRequest, type DeliveryOptions, type Topic } from "../../doubles/shopify-webhook";
import { checkoutPayload, customersDataRequestPayload, orderPayload } from "../../factories/payloads";
import { mutateBody } from "./body-mutations";
import { seededDice, type Dice } from "./dice";
import { mutateHeaders } from "./header-mutations";
import { abbreviated, type Mutation, type Verdict } from "./mutation";

/** The topics that store what they receive. Uninstall and redaction would empty the shop mid-run. */
export const FUZZED_TOPICS = ["checkouts/create", "checkouts/update", "orders/create", "customers/data_request"] as const satisfies readonly Topic[];
export type FuzzedTopic = (typeof FUZZED_TOPICS)[number];

/** The fields the payload schemas read and validate (app/webhooks/payloads); everything else is dropped unread. */
const VALIDATED_CHECKOUT_PATHS = [
  ...["token", "id", "cart_token", "email", "phone", "sms_marketing_phone", "buyer_accepts_marketing", "buyer_accepts_sms_marketing", "customer_locale"],
  ...["currency", "presentment_currency", "subtotal_price", "total_price", "total_tax", "total_discounts", "abandoned_checkout_url"],
  ...["line_items", "line_items.0", "line_items.0.title", "line_items.0.quantity", "line_items.0.price", "line_items.0.line_price", "line_items.0.variant_id"],
  ...["billing_address", "shipping_address", "shipping_address.country_code", "customer", "customer.id", "customer.email", "customer.email_marketing_consent"],
  ...["created_at", "updated_at", "completed_at"],
];
const VALIDATED_PATHS: Record<FuzzedTopic, readonly string[]> = {
  "checkouts/create": VALIDATED_CHECKOUT_PATHS,
  "checkouts/update": VALIDATED_CHECKOUT_PATHS,
  "orders/create": [
    ...["id", "name", "checkout_token", "cart_token", "email", "contact_email", "phone", "customer", "customer.id", "customer.email"],
    ...["created_at", "currency", "total_price", "discount_codes", "discount_codes.0", "discount_codes.0.code", "landing_site"],
  ],
  "customers/data_request": ["shop_domain", "customer", "customer.id", "customer.email", "customer.phone", "orders_requested", "orders_requested.0", "data_request", "data_request.id"],
};

export interface FuzzCase {
  /** Seed, number and damage: enough to find and replay the case. */
  label: string;
  topic: FuzzedTopic;
  request: Request;
  /** The body as the app decodes it (UTF-8), to work out what an accepted case stores. */
  bodyText: string;
  verdict: Verdict;
  kinds: string[];
}

const fuzzWebhookId = (seed: number, number: number) => `fuzz-${seed}-${number}`;
const checkoutToken = (number: number) => `fuzz-checkout-${number}`;

/** Case `number` of the run seeded `seed`: a valid delivery, then maybe a damaged body, damaged headers, or both. */
export function fuzzCase(seed: number, number: number): FuzzCase {
  const dice = seededDice(seed * 100_003 + number);
  const topic = dice.pick(FUZZED_TOPICS);
  const payload = validPayload(topic, number, dice);
  let body: string | Uint8Array = JSON.stringify(payload);
  let options: DeliveryOptions = { webhookId: fuzzWebhookId(seed, number) };
  const mutations: Mutation[] = [];

  const damage = dice.weighted([
    [1.5, { body: false, headers: false }],
    [74.5, { body: true, headers: false }],
    [15, { body: false, headers: true }],
    [9, { body: true, headers: true }],
  ] as const);
  if (damage.body) {
    const mutated = mutateBody(dice, payload, VALIDATED_PATHS[topic]);
    body = mutated.body;
    mutations.push(mutated);
  }
  if (damage.headers) {
    const mutated = mutateHeaders(dice, { webhookId: fuzzWebhookId(seed, number), earlierWebhookId: fuzzWebhookId(seed, dice.below(number + 1)) });
    options = { ...options, ...mutated.options };
    mutations.push(mutated);
  }

  const damageDescription = mutations.map((mutation) => `${mutation.kind} (${abbreviated(mutation.description)})`).join(" + ");
  return {
    label: `seed ${seed}, case ${number}, ${topic}: ${damageDescription || "undamaged"}`,
    topic,
    request: signedWebhookRequest(topic, body, options),
    bodyText: typeof body === "string" ? body : new TextDecoder().decode(body),
    verdict: verdictOf(mutations),
    kinds: mutations.map((mutation) => mutation.kind),
  };
}

function verdictOf(mutations: Mutation[]): Verdict {
  if (mutations.length === 0) return "accepted";
  return mutations.some((mutation) => mutation.verdict === "rejected") ? "rejected" : null;
}

/** Shopify's documented payload with ids of its own, so whatever a case stores can be traced back to it. */
function validPayload(topic: FuzzedTopic, number: number, dice: Dice): Record<string, unknown> {
  switch (topic) {
    case "checkouts/create":
    case "checkouts/update":
      return checkoutPayload({ token: checkoutToken(number), cart_token: `fuzz-cart-${number}`, email: `shopper-${number}@example.com` });
    case "orders/create": {
      const shopper = dice.below(number + 1);
      return orderPayload({ id: 800_000_000 + number, checkout_token: checkoutToken(shopper), cart_token: null, email: `shopper-${shopper}@example.com` });
    }
    case "customers/data_request":
      return customersDataRequestPayload({ data_request: { id: 900_000 + number } });
  }
}
