import appUninstalled from "../fixtures/app-uninstalled.json";
import checkoutsCreate from "../fixtures/checkouts-create.json";
import customersDataRequest from "../fixtures/customers-data-request.json";
import customersRedact from "../fixtures/customers-redact.json";
import ordersCreate from "../fixtures/orders-create.json";
import shopRedact from "../fixtures/shop-redact.json";

type Payload = Record<string, unknown>;

function fromFixture(fixture: object) {
  return (overrides: Payload = {}): Payload => ({ ...structuredClone(fixture), ...overrides });
}

/** Shopify's documented payloads, with per-test overrides of top-level fields. */
export const checkoutPayload = fromFixture(checkoutsCreate);
export const orderPayload = fromFixture(ordersCreate);
export const appUninstalledPayload = fromFixture(appUninstalled);
export const customersDataRequestPayload = fromFixture(customersDataRequest);
export const customersRedactPayload = fromFixture(customersRedact);
export const shopRedactPayload = fromFixture(shopRedact);

/** An ISO time `minutes` after the fixture checkout's creation, in Shopify's offset format. */
export function minutesAfterCheckoutCreated(minutes: number): string {
  return new Date(Date.parse(checkoutsCreate.created_at) + minutes * 60_000).toISOString().replace("Z", "+00:00");
}
