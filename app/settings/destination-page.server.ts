import type { Db } from "~/db/client.server";
import { recentDeliveriesTo } from "~/models/delivery-log.server";
import { recentCheckouts } from "~/models/recent-checkouts.server";
import { findShop } from "~/models/shop.server";
import { getDestination } from "~/outbound/destinations.server";
import { destinationFormOf, type DestinationForm } from "./destination-form";
import { deliveryLogEntry, type DeliveryLogEntry } from "./delivery-views";
import { heldUntil } from "./destination-summary";

const DELIVERIES_SHOWN = 20;
const CHECKOUTS_OFFERED = 20;

/** A checkout the merchant can send a test delivery for. */
export type TestCheckoutOption = {
  id: number;
  email: string | null;
  name: string | null;
  totalPrice: string;
  currency: string;
  status: string;
  createdAt: string;
};

export type DestinationPage = {
  destination: {
    id: number;
    form: DestinationForm;
    /** The signing secret as "••••1a2b"; the whole of it only through the separate reveal action. */
    signingSecretHint: string;
    pausedUntil: string | null;
    consecutiveFailures: number;
  };
  timezone: string;
  deliveries: DeliveryLogEntry[];
  checkouts: TestCheckoutOption[];
};

/** The edit page of one of the shop's destinations: the form, its recent deliveries, and checkouts to test with. */
export async function loadDestinationPage(db: Db, shop: string, id: number, now: Date): Promise<DestinationPage | null> {
  const [destination, shopRecord, deliveries, checkouts] = await Promise.all([
    getDestination(db, shop, id),
    findShop(db, shop),
    recentDeliveriesTo(db, shop, id, DELIVERIES_SHOWN),
    recentCheckouts(db, shop, CHECKOUTS_OFFERED),
  ]);
  if (!destination || !shopRecord) return null;
  return {
    destination: {
      id: destination.id,
      form: destinationFormOf(destination),
      signingSecretHint: destination.signingSecretHint,
      pausedUntil: heldUntil(destination.pausedUntil, now),
      consecutiveFailures: destination.consecutiveFailures,
    },
    timezone: shopRecord.timezone,
    deliveries: deliveries.map(deliveryLogEntry),
    checkouts: checkouts.map((checkout) => ({
      id: checkout.id,
      email: checkout.email,
      name: [checkout.firstName, checkout.lastName].filter(Boolean).join(" ") || null,
      totalPrice: checkout.totalPrice,
      currency: checkout.currency,
      status: checkout.status,
      createdAt: checkout.shopifyCreatedAt.toISOString(),
    })),
  };
}
