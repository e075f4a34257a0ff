/** One line of a cart, as stored with its checkout and shown in recovery messages. Prices are decimal strings. */
export type CartLine = {
  title: string;
  variantTitle: string | null;
  quantity: number;
  price: string;
  linePrice: string | null;
  variantId: string | null;
  productId: string | null;
  sku: string | null;
  imageUrl: string | null;
};

/** A checkout's stored line items: written only by the webhook mapping, so their shape is ours. */
export function storedCartLines(lineItems: unknown): CartLine[] {
  return Array.isArray(lineItems) ? (lineItems as CartLine[]) : [];
}
