import { pick } from "./random";

/** How a simulated shopper behaves; the demo's report is checked against these plans. */
export type Persona =
  | { kind: "quick_buyer" } // pays within minutes, so is never abandoned
  | { kind: "unreachable" } // never gives a contact, so cannot be abandoned
  | { kind: "recovers"; afterEmail: 1 | 2 | 3 } // clicks that email's recovery link, then orders
  | { kind: "buys_unprompted"; afterEmail: 1 } // orders after that email without clicking it
  | { kind: "unsubscribes" }
  | { kind: "no_consent" } // never ticked the marketing box: no email, buys on their own a day later
  | { kind: "ignores" };

export interface CartLineSpec {
  title: string;
  variantTitle: string | null;
  price: string;
  quantity: number;
  variantId: number;
  productId: number;
  sku: string;
}

export interface Shopper {
  index: number;
  token: string;
  cartToken: string;
  customerId: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string;
  country: string;
  locale: string;
  smsConsent: boolean;
  lines: CartLineSpec[];
  startedAt: Date;
  persona: Persona;
  /** Shopify sends this shopper's webhooks twice (a redelivery). */
  redelivered: boolean;
  /** An older update arrives after a newer one. */
  outOfOrder: boolean;
}

const CATALOG: Omit<CartLineSpec, "quantity">[] = [
  { title: "Merino crew sweater", variantTitle: "Charcoal / M", price: "118.00", variantId: 41000000001, productId: 8000000001, sku: "MCS-CH-M" },
  { title: "Waxed canvas tote", variantTitle: null, price: "64.00", variantId: 41000000002, productId: 8000000002, sku: "WCT-OLV" },
  { title: "Trail running shoes", variantTitle: "Slate / 42", price: "149.95", variantId: 41000000003, productId: 8000000003, sku: "TRS-SL-42" },
  { title: "Ceramic pour-over set", variantTitle: "Sand", price: "48.50", variantId: 41000000004, productId: 8000000004, sku: "CPO-SND" },
  { title: "Linen duvet cover", variantTitle: "Queen / Oat", price: "189.00", variantId: 41000000005, productId: 8000000005, sku: "LDC-Q-OAT" },
  { title: "Leather card wallet", variantTitle: "Tan", price: "39.00", variantId: 41000000006, productId: 8000000006, sku: "LCW-TAN" },
  { title: "Down parka", variantTitle: "Black / L", price: "420.00", variantId: 41000000007, productId: 8000000007, sku: "DPK-BL-L" },
  { title: "Wool beanie", variantTitle: "Rust", price: "29.00", variantId: 41000000008, productId: 8000000008, sku: "WBN-RST" },
];

const FIRST_NAMES = ["Ann", "Ben", "Chloe", "Dev", "Ema", "Finn", "Grace", "Hiro", "Isla", "Jun", "Kai", "Lena", "Mina", "Noah", "Olga", "Priya"];
const KOREAN_NAMES = [
  ["지민", "김"],
  ["서연", "이"],
  ["도윤", "박"],
  ["하은", "최"],
] as const;
const LAST_NAMES = ["Lee", "Novak", "Garcia", "Okafor", "Smith", "Tanaka", "Rossi", "Muller", "Silva", "Brown"];
const MARKETS = [
  { country: "US", locale: "en-US", phonePrefix: "+1502555" },
  { country: "CA", locale: "en-CA", phonePrefix: "+1416555" },
  { country: "GB", locale: "en-GB", phonePrefix: "+447700" },
  { country: "KR", locale: "ko-KR", phonePrefix: "+8210" },
] as const;

/** The share of each persona, in the order they are drawn. */
const PERSONAS: [number, Persona][] = [
  [0.15, { kind: "quick_buyer" }],
  [0.05, { kind: "unreachable" }],
  [0.14, { kind: "recovers", afterEmail: 1 }],
  [0.08, { kind: "recovers", afterEmail: 2 }],
  [0.05, { kind: "recovers", afterEmail: 3 }],
  [0.06, { kind: "buys_unprompted", afterEmail: 1 }],
  [0.04, { kind: "unsubscribes" }],
  [0.06, { kind: "no_consent" }],
  [0.37, { kind: "ignores" }],
];

function personaFor(random: () => number): Persona {
  let roll = random();
  for (const [share, persona] of PERSONAS) {
    if (roll < share) return persona;
    roll -= share;
  }
  return { kind: "ignores" };
}

/** Shoppers arriving through the shop's opening hours of the first simulated day (09:00–21:00 in New York). */
export function createShoppers(count: number, dayStart: Date, random: () => number): Shopper[] {
  return Array.from({ length: count }, (_, index) => {
    const market = random() < 0.2 ? MARKETS[3] : pick(random, MARKETS.slice(0, 3));
    const [firstName, lastName] = market.country === "KR" ? pick(random, KOREAN_NAMES) : [pick(random, FIRST_NAMES), pick(random, LAST_NAMES)];
    const persona = personaFor(random);
    const lineCount = 1 + Math.floor(random() * 3);
    const lines = Array.from({ length: lineCount }, () => ({ ...pick(random, CATALOG), quantity: 1 + Math.floor(random() * 2) })).filter(
      (line, position, all) => all.findIndex((other) => other.variantId === line.variantId) === position,
    );
    const hex = (index + 1).toString(16).padStart(8, "0");
    return {
      index,
      token: `demo${hex}${"c".repeat(24)}`,
      cartToken: `demo-cart-${hex}`,
      customerId: 7_600_000_000_000 + index,
      firstName,
      lastName,
      email: persona.kind === "unreachable" ? null : `shopper${index + 1}@example.com`,
      phone: `${market.phonePrefix}${String(1000 + index).padStart(4, "0")}`,
      country: market.country,
      locale: market.locale,
      smsConsent: random() < 0.4,
      lines,
      startedAt: new Date(dayStart.getTime() + Math.floor(random() * 12 * 60) * 60_000),
      persona,
      redelivered: random() < 0.1,
      outOfOrder: random() < 0.05,
    };
  });
}
