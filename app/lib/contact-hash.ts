import { createHash } from "node:crypto";

/**
 * A stable, shop-scoped stand-in for an email address, customer id or phone number, for the tables
 * that only need to match a shopper (enrollments, the frequency cap, suppressions) and so never hold
 * the contact itself.
 */
export function contactHash(shop: string, contact: string): string {
  return createHash("sha256").update(`${shop}\n${contact.trim().toLowerCase()}`).digest("hex");
}
