import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { db } from "~/db/client.server";
import { parseWebhookJson } from "~/webhooks/parse-json";
import type { FuzzedTopic } from "./fuzz-case";

/** One delivered case, as much of it as the expectations need. */
export interface Answered {
  topic: FuzzedTopic;
  /** The headers as the app read them. */
  shop: string | null;
  webhookId: string | null;
  status: number;
  /** Kept for accepted cases only. */
  bodyText: string | null;
}

/** What the database holds of the fuzzed deliveries, as sorted lists so duplicates show. */
export interface StoredState {
  receipts: string[];
  checkoutTokens: string[];
  orderIds: string[];
  dataRequestIds: string[];
  /** The webhook id of every checkout timeline entry a delivery wrote. */
  checkoutTimeline: string[];
}

const receiptKey = (shop: string | null, webhookId: string | null) => `${shop} ${webhookId}`;
const sorted = (values: Iterable<string>) => [...values].sort();

/**
 * What the accepted cases must have stored and nothing else: the first acceptance of each webhook id
 * writes its receipt and its effect, later ones (redeliveries) change nothing; for a shop Comeback does
 * not hold, the receipt alone.
 */
export function expectedState(answered: Answered[]): StoredState {
  const receipts = new Set<string>();
  const checkoutTokens = new Set<string>();
  const orderIds = new Set<string>();
  const dataRequestIds: string[] = [];
  const checkoutTimeline: string[] = [];
  for (const { topic, shop, webhookId, status, bodyText } of answered) {
    const key = receiptKey(shop, webhookId);
    if (status !== 200 || receipts.has(key)) continue;
    receipts.add(key);
    if (shop !== TEST_SHOP) continue;
    const payload = parseWebhookJson(bodyText!) as { token: string; id: unknown; data_request?: { id: unknown } | null };
    if (topic === "orders/create") {
      orderIds.add(String(payload.id));
    } else if (topic === "customers/data_request") {
      dataRequestIds.push(String(payload.data_request?.id ?? null));
    } else {
      checkoutTokens.add(payload.token);
      checkoutTimeline.push(webhookId!);
    }
  }
  return {
    receipts: sorted(receipts),
    checkoutTokens: sorted(checkoutTokens),
    orderIds: sorted(orderIds),
    dataRequestIds: sorted(dataRequestIds),
    checkoutTimeline: sorted(checkoutTimeline),
  };
}

export async function storedState(): Promise<StoredState> {
  const [receipts, checkouts, orders, dataRequests, timeline] = await Promise.all([
    db.webhookReceipt.findMany({ select: { shop: true, webhookId: true } }),
    db.checkout.findMany({ select: { token: true } }),
    db.order.findMany({ select: { shopifyId: true } }),
    db.dataRequest.findMany({ select: { shopifyRequestId: true } }),
    db.activity.findMany({ where: { kind: "webhook_received" }, select: { detail: true } }),
  ]);
  return {
    receipts: sorted(receipts.map((receipt) => receiptKey(receipt.shop, receipt.webhookId))),
    checkoutTokens: sorted(checkouts.map((checkout) => checkout.token)),
    orderIds: sorted(orders.map((order) => order.shopifyId)),
    dataRequestIds: sorted(dataRequests.map((request) => String(request.shopifyRequestId))),
    checkoutTimeline: sorted(
      timeline.flatMap(({ detail }) => {
        const { topic, webhookId } = detail as { topic?: string; webhookId?: string };
        return topic?.startsWith("CHECKOUTS_") && webhookId ? [webhookId] : [];
      }),
    ),
  };
}
