import { contactHash } from "~/lib/contact-hash";

export interface ShopperContact {
  email: string | null;
  customerId: string | null;
  phone: string | null;
}

/** Who a checkout belongs to, as a hash: the email, else the Shopify customer, else the phone. */
export function shopperKey(shop: string, contact: ShopperContact): string | null {
  if (contact.email) return contactHash(shop, contact.email);
  if (contact.customerId) return contactHash(shop, `customer:${contact.customerId}`);
  if (contact.phone) return contactHash(shop, `phone:${contact.phone}`);
  return null;
}

/** The unique key that allows one running enrollment per shopper. */
export function activeShopperKey(shop: string, key: string): string {
  return `${shop} ${key}`;
}
