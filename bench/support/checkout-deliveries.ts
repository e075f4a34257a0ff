import { checkoutPayload } from "../../test/factories/payloads";
import { signedWebhookRequest } from "../../test/doubles/shopify-webhook";

export interface PreparedDelivery {
  webhookId: string;
  token: string;
  headers: Record<string, string>;
  body: Buffer;
}

const MINUTE = 60_000;
const STARTED = Date.parse("2026-11-23T12:00:00Z");

/**
 * `count` signed checkouts/update deliveries, built and signed before the clock starts so that the
 * load generator only sends bytes. Each checkout is updated twice (a new row, then a conditional
 * update), and every `redeliverEvery`th delivery repeats an earlier one with its webhook id, as
 * Shopify does when it retries: the app must answer it without applying it again.
 */
export async function checkoutUpdateDeliveries(
  { shop, secret, count, label, redeliverEvery }: { shop: string; secret: string; count: number; label: string; redeliverEvery: number },
): Promise<PreparedDelivery[]> {
  const deliveries: PreparedDelivery[] = [];
  for (let index = 0; index < count; index++) {
    const earlier = deliveries[index - 10];
    if (earlier && index % redeliverEvery === 0) {
      deliveries.push(earlier);
      continue;
    }
    const checkout = Math.floor(index / 2);
    const token = `${label}-${checkout}`;
    const body = checkoutPayload({
      id: 37_000_000_000 + checkout,
      token,
      cart_token: `${label}-cart-${checkout}`,
      email: `${label}-${checkout}@example.com`,
      created_at: new Date(STARTED).toISOString(),
      updated_at: new Date(STARTED + (index % 2) * MINUTE).toISOString(),
    });
    const request = signedWebhookRequest("checkouts/update", body, { shop, secret });
    deliveries.push({
      webhookId: request.headers.get("x-shopify-webhook-id")!,
      token,
      headers: Object.fromEntries(request.headers),
      body: Buffer.from(await request.arrayBuffer()),
    });
  }
  return deliveries;
}
