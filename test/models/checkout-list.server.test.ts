import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { db } from "~/db/client.server";
import { toMinorUnits } from "~/lib/money";
import { listCheckoutsPage, type CheckoutListFilter, type ListedCheckout } from "~/models/checkout-list.server";
import { createCheckout } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { plansOfStatements } from "../support/query-plan";

const OTHER_SHOP = "other-shop.myshopify.com";
const NO_FILTER: CheckoutListFilter = { statuses: [], createdFrom: null, createdBefore: null, hasEmail: null, total: null, emailPrefix: null };
const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 10, day, hour));

const list = (filter: Partial<CheckoutListFilter> = {}, page: Parameters<typeof listCheckoutsPage>[3] = { size: 50 }, shop = TEST_SHOP) =>
  listCheckoutsPage(db, shop, { ...NO_FILTER, ...filter }, page);
const emails = (checkouts: ListedCheckout[]) => checkouts.map((checkout) => checkout.email);
const position = (checkout: ListedCheckout | undefined) => ({ createdAt: checkout!.shopifyCreatedAt, id: checkout!.id });

beforeEach(async () => {
  await resetDatabase();
  await createShop();
  await createShop({ domain: OTHER_SHOP });
});

describe("the checkout list", () => {
  it("shows the shop's checkouts newest first by creation, ties by id, and never another shop's", async () => {
    await createCheckout({ email: "first@example.com", shopifyCreatedAt: at(1) });
    await createCheckout({ email: "third@example.com", shopifyCreatedAt: at(3) });
    await createCheckout({ email: "second-a@example.com", shopifyCreatedAt: at(2) });
    await createCheckout({ email: "second-b@example.com", shopifyCreatedAt: at(2) });
    await createCheckout({ shop: OTHER_SHOP, email: "theirs@example.com", shopifyCreatedAt: at(4) });

    expect(emails((await list()).checkouts)).toEqual(["third@example.com", "second-b@example.com", "second-a@example.com", "first@example.com"]);
    expect(emails((await list({}, { size: 50 }, OTHER_SHOP)).checkouts)).toEqual(["theirs@example.com"]);
  });

  it("pages forwards and back by keyset, without skipping or repeating a row", async () => {
    for (const [index, day] of [5, 4, 4, 3, 2].entries()) await createCheckout({ email: `c${index}@example.com`, shopifyCreatedAt: at(day) });

    const first = await list({}, { size: 2 });
    expect(first).toMatchObject({ hasNext: true, hasPrevious: false });
    const second = await list({}, { size: 2, after: position(first.checkouts.at(-1)) });
    expect(second).toMatchObject({ hasNext: true, hasPrevious: true });
    const third = await list({}, { size: 2, after: position(second.checkouts.at(-1)) });
    expect(third).toMatchObject({ hasNext: false, hasPrevious: true });
    expect([...first.checkouts, ...second.checkouts, ...third.checkouts].map((checkout) => checkout.email)).toEqual(emails((await list()).checkouts));

    const backToSecond = await list({}, { size: 2, before: position(third.checkouts[0]) });
    expect(backToSecond).toEqual(second);
    const backToFirst = await list({}, { size: 2, before: position(backToSecond.checkouts[0]) });
    expect(backToFirst).toEqual(first);
  });

  it("filters by status, creation time and whether there is an email address", async () => {
    await createCheckout({ email: "open@example.com", status: "open", shopifyCreatedAt: at(10) });
    await createCheckout({ email: "abandoned@example.com", status: "abandoned", shopifyCreatedAt: at(12) });
    await createCheckout({ email: "recovered@example.com", status: "recovered", shopifyCreatedAt: at(14) });
    await createCheckout({ email: null, status: "abandoned", shopifyCreatedAt: at(16) });

    expect(emails((await list({ statuses: ["abandoned", "recovered"] })).checkouts)).toEqual([null, "recovered@example.com", "abandoned@example.com"]);
    expect(emails((await list({ createdFrom: at(12), createdBefore: at(14) })).checkouts)).toEqual(["abandoned@example.com"]);
    expect(emails((await list({ hasEmail: false })).checkouts)).toEqual([null]);
    expect(emails((await list({ hasEmail: true, statuses: ["abandoned"] })).checkouts)).toEqual(["abandoned@example.com"]);
  });

  it("filters by cart value in minor units, comparing only carts in the shop's currency", async () => {
    const cart = (totalPrice: string, currency = "USD") => createCheckout({ email: `${totalPrice}-${currency}@example.com`, totalPrice, currency, totalPriceMinor: toMinorUnits(totalPrice, currency) });
    await cart("49.99");
    await cart("50.00");
    await cart("120.00");
    await cart("80.00", "EUR");

    const between = await list({ total: { currency: "USD", min: 5000n, max: 12000n } });
    expect(emails(between.checkouts)).toEqual(["120.00-USD@example.com", "50.00-USD@example.com"]);
    expect(emails((await list({ total: { currency: "USD", min: null, max: 4999n } })).checkouts)).toEqual(["49.99-USD@example.com"]);
  });

  it("searches by the start of the address, taking the search literally", async () => {
    for (const email of ["ann@example.com", "anna.lee@example.com", "joann@example.com", "a_n@example.com", "bob@example.com"]) await createCheckout({ email });
    await createCheckout({ shop: OTHER_SHOP, email: "ann@other.example" });

    expect(emails((await list({ emailPrefix: "ann" })).checkouts).sort()).toEqual(["ann@example.com", "anna.lee@example.com"]);
    expect(emails((await list({ emailPrefix: "a_n" })).checkouts)).toEqual(["a_n@example.com"]);
    expect(emails((await list({ emailPrefix: "%" })).checkouts)).toEqual([]);
  });
});

describe.runIf(inject("database") === "sqlite")("the list's queries, as SQLite plans them", () => {
  async function planOf(filter: Partial<CheckoutListFilter>, page: Parameters<typeof listCheckoutsPage>[3]): Promise<string> {
    const [select] = await plansOfStatements((client) => listCheckoutsPage(client, TEST_SHOP, { ...NO_FILTER, ...filter }, page));
    return select!;
  }

  it("read a deep page through the (shop, created) index, in its order, without sorting", async () => {
    const plan = await planOf({}, { size: 25, after: { createdAt: at(3), id: 40 } });
    expect(plan).toContain("Checkout_shop_shopifyCreatedAt_idx");
    expect(plan).not.toContain("TEMP B-TREE");
  });

  it("search emails through the (shop, email) index", async () => {
    expect(await planOf({ emailPrefix: "ann" }, { size: 25 })).toContain("Checkout_shop_email_shopifyCreatedAt_idx (shop=? AND email>? AND email<?)");
  });
});
