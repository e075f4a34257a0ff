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
