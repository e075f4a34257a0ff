import { deleteSessions } from "~/models/session.server";
import { abandonShopDeliveries } from "~/models/webhook-delivery.server";
import { markShopUninstalled } from "~/models/shop.server";
import { appUninstalledPayload } from "./payloads/compliance";
import { oneAtATime, type WebhookHandler } from "./webhook-handler";

/** May arrive more than once, and after the sessions are already gone. */
export const appUninstalled: WebhookHandler<{ myshopify_domain: string | null }> = {
  topic: "APP_UNINSTALLED",
  payload: appUninstalledPayload,
  payloadShop: (shop) => shop.myshopify_domain,
  apply: oneAtATime(async (tx, { shop }) => {
    const sessions = await deleteSessions(tx, shop);
    const uninstalled = await markShopUninstalled(tx, shop);
    await abandonShopDeliveries(tx, shop, "shop_uninstalled", new Date());
    return `${uninstalled ? "marked uninstalled" : "shop was not installed"}, ${sessions} sessions deleted`;
  }),
};
