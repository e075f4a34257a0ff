import type { Db } from "~/db/client.server";
import { identityFilter, type CustomerIdentity } from "./customer-identity";

export interface DataRequestRecord extends CustomerIdentity {
  shopifyRequestId: string | null;
  orderIds: string[];
}

export function recordDataRequest(db: Db, shop: string, request: DataRequestRecord, now = new Date()) {
  return db.dataRequest.create({ data: { shop, ...request, receivedAt: now } });
}

export function listDataRequests(db: Db, shop: string) {
  return db.dataRequest.findMany({ where: { shop }, orderBy: { receivedAt: "desc" } });
}

/** After a customer is redacted, their earlier data requests keep only Shopify's request id and dates. */
export async function eraseCustomerFromDataRequests(db: Db, shop: string, customer: CustomerIdentity): Promise<number> {
  const matches = identityFilter(customer);
  if (!matches) return 0;
  const { count } = await db.dataRequest.updateMany({
    where: { shop, OR: matches },
    data: { customerId: null, email: null, phone: null },
  });
  return count;
}
