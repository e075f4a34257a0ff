import type { PrismaClient } from "@prisma/client";
import type { PreparedDelivery } from "./checkout-deliveries";
import type { PhaseResult } from "./load-generator";

/** What one server was sent and acknowledged, to compare with what its database holds afterwards. */
export class IngestLedger {
  readonly #tokens = new Map<string, string>();
  readonly #acknowledged = new Set<string>();
  #failed = 0;

  constructor(readonly shop: string) {}

  prepared(deliveries: PreparedDelivery[]): PreparedDelivery[] {
    for (const delivery of deliveries) this.#tokens.set(delivery.webhookId, delivery.token);
    return deliveries;
  }

  answered(results: PhaseResult[]): void {
    for (const result of results) {
      for (const id of result.acknowledged) this.#acknowledged.add(id);
      this.#failed += result.failed;
    }
  }

  /**
   * Lost: acknowledged with 200 but not stored (a receipt per delivery). Duplicated: applied more than
   * once (a timeline entry per applied delivery, so more entries than receipts). Checkouts are counted
   * where the server stores them (the baseline stores receipts only).
   */
  async reconcile(db: PrismaClient, { storesCheckouts }: { storesCheckouts: boolean }) {
    const receipts = await db.webhookReceipt.count({ where: { shop: this.shop } });
    const applied = storesCheckouts ? await db.activity.count({ where: { shop: this.shop, kind: "webhook_received" } }) : receipts;
    const checkouts = storesCheckouts ? await db.checkout.count({ where: { shop: this.shop } }) : null;
    const tokens = new Set([...this.#acknowledged].map((id) => this.#tokens.get(id)));
    return {
      failed: this.#failed,
      lost: Math.max(0, this.#acknowledged.size - receipts),
      duplicated: Math.max(0, applied - receipts),
      missingCheckouts: checkouts === null ? 0 : Math.max(0, tokens.size - checkouts),
      acknowledged: this.#acknowledged.size,
    };
  }
}
