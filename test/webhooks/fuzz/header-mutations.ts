import type { DeliveryOptions } from "../../doubles/shopify-webhook";
import type { Dice } from "./dice";
import type { Mutation } from "./mutation";

export interface HeaderMutation extends Mutation {
  options: DeliveryOptions;
}

interface Delivery {
  webhookId: string;
  /** The webhook id of this or an earlier case, as Shopify's redeliveries carry. */
  earlierWebhookId: string;
}

type Variant = { description: string; verdict: Mutation["verdict"]; options: (dice: Dice, delivery: Delivery) => DeliveryOptions };

const removed = (header: string, verdict: Mutation["verdict"] = "rejected"): Variant => ({
  description: `${header} removed`,
  verdict,
  options: () => ({ headers: { [header]: null } }),
});
const set = (header: string, value: string, verdict: Mutation["verdict"]): Variant => ({
  description: `${header}: ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`,
  verdict,
  options: () => ({ headers: { [header]: value } }),
});

const randomBase64 = (dice: Dice) => Buffer.from(Array.from({ length: 32 }, () => dice.below(256))).toString("base64");
// Random, so a database cannot compress them into a fit.
const randomLetters = (dice: Dice, length: number) => Array.from({ length }, () => String.fromCharCode(97 + dice.below(26))).join("");

/**
 * Headers a broken or hostile sender could send. Shopify signs only the body, so every header is
 * attacker-controlled; the signature itself can be missing, forged or mangled. Headers the app
 * ignores weigh least: accepted deliveries are the slow ones, and these need the fewest tries.
 */
const HEADER_VARIANTS: ReadonlyArray<readonly [weight: number, kind: string, variants: readonly Variant[]]> = [
  [2, "unsigned", [{ description: "no signature", verdict: "rejected", options: () => ({ unsigned: true }) }]],
  [2, "forged signature", [{ description: "signed with another secret", verdict: "rejected", options: () => ({ secret: "not-the-app-secret" }) }]],
  [
    2,
    "garbled signature",
    [
      { description: "a random signature", verdict: "rejected", options: (dice) => ({ headers: { "X-Shopify-Hmac-Sha256": randomBase64(dice) } }) },
      { description: "a random Shopify-Hmac-Sha256 (the Events header)", verdict: "rejected", options: (dice) => ({ headers: { "Shopify-Hmac-Sha256": randomBase64(dice) } }) },
      ...["", "   ", "A".repeat(10_000), "not base64!", "ÿþ\u00ad", "sha256=0123abcd"].map((value) => set("X-Shopify-Hmac-Sha256", value, "rejected")),
    ],
  ],
  [
    2,
    "garbled topic",
    [
      removed("X-Shopify-Topic"),
      set("X-Shopify-Topic", "shop/redact", "rejected"),
      set("X-Shopify-Topic", "ÿ/ÿ", "rejected"),
      set("X-Shopify-Topic", "x".repeat(5_000), "rejected"),
    ],
  ],
  [
    2,
    "garbled shop",
    [
      removed("X-Shopify-Shop-Domain"),
      ...["", "evil.example.com", "test-shop.myshopify.com.evil.com", "test shop.myshopify.com", "ÿþ.myshopify.com", "../test-shop.myshopify.com"].map((value) =>
        set("X-Shopify-Shop-Domain", value, "rejected"),
      ),
      // Well-formed domains of shops Comeback does not hold: acknowledged, nothing stored for them.
      ...["other-shop.myshopify.com", "TEST-SHOP.MYSHOPIFY.COM", "test-shop.myshopify.com/", "admin.shopify.com/store/test-shop"].map((value) =>
        set("X-Shopify-Shop-Domain", value, null),
      ),
      { description: "a 3,000-character shop domain", verdict: null, options: (dice) => ({ headers: { "X-Shopify-Shop-Domain": `${randomLetters(dice, 3_000)}.myshopify.com` } }) },
    ],
  ],
  [
    0.5,
    "garbled webhook id",
    [
      removed("X-Shopify-Webhook-Id"),
      set("X-Shopify-Webhook-Id", "", "rejected"),
      { description: "a redelivered webhook id", verdict: null, options: (_, delivery) => ({ webhookId: delivery.earlierWebhookId }) },
      { description: "a 20,000-character webhook id", verdict: null, options: (dice, delivery) => ({ webhookId: `${delivery.webhookId}-${randomLetters(dice, 20_000)}` }) },
      { description: "a webhook id of Latin-1 bytes", verdict: null, options: (_, delivery) => ({ webhookId: `${delivery.webhookId}-ÿþ\u00a0` }) },
      { description: "a webhook id with SQL", verdict: null, options: (_, delivery) => ({ webhookId: `${delivery.webhookId}'; DROP TABLE "WebhookReceipt"; --` }) },
    ],
  ],
  [0.5, "garbled API version", [removed("X-Shopify-API-Version"), set("X-Shopify-API-Version", "ÿ", null), set("X-Shopify-API-Version", "1999-01", null)]],
  [
    0.5,
    "odd content type",
    [removed("Content-Type", null), set("Content-Type", "text/plain", null), set("Content-Type", "application/x-www-form-urlencoded", null), set("Content-Type", "application/json; charset=utf-16", null)],
  ],
  [2, "wrong method", ["PUT", "PATCH", "DELETE"].map((method): Variant => ({ description: method, verdict: "rejected", options: () => ({ method }) }))],
];

export function mutateHeaders(dice: Dice, delivery: Delivery): HeaderMutation {
  const [kind, variants] = dice.weighted(HEADER_VARIANTS.map(([weight, ...kindAndVariants]) => [weight, kindAndVariants] as const));
  const { description, verdict, options } = dice.pick(variants);
  return { kind, description, verdict, options: options(dice, delivery) };
}
