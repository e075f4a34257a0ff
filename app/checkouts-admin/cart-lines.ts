import { storedCartLines } from "~/checkouts/cart-line";
import { fromMinorUnits, toMinorUnits } from "~/lib/money";

export interface CartLineView {
  title: string;
  variantTitle: string | null;
  sku: string | null;
  quantity: number;
  /** Decimal strings in the checkout's currency. */
  price: string;
  lineTotal: string;
}

/** The cart's lines as the detail page shows them; a line Shopify sent without its total gets price × quantity, exactly. */
export function cartLineViews(lineItems: unknown, currency: string): CartLineView[] {
  return storedCartLines(lineItems).map((line) => ({
    title: line.title,
    variantTitle: line.variantTitle,
    sku: line.sku,
    quantity: line.quantity,
    price: line.price,
    lineTotal: line.linePrice ?? fromMinorUnits(toMinorUnits(line.price, currency) * BigInt(line.quantity), currency),
  }));
}
