import type { Db } from "~/db/client.server";
import { countDeliveriesByStatus } from "~/models/webhook-delivery.server";
import { listDestinations } from "~/outbound/destinations.server";
import { summarizeDestination, type DestinationSummary } from "./destination-summary";
import { readShopSettings, type ShopSettingsView } from "./shop-settings.server";

export type SettingsPage = ShopSettingsView & { destinations: DestinationSummary[]; deadLetterCount: number };

/** Everything /app/settings shows: the shop's settings, its webhook destinations and how many deliveries died. */
export async function loadSettingsPage(db: Db, shop: string, now: Date): Promise<SettingsPage | null> {
  const [settings, destinations, deliveries] = await Promise.all([readShopSettings(db, shop), listDestinations(db, shop), countDeliveriesByStatus(db, shop)]);
  if (!settings) return null;
  return { ...settings, destinations: destinations.map((destination) => summarizeDestination(destination, now)), deadLetterCount: deliveries.dead ?? 0 };
}
