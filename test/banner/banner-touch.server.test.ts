import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { recordBannerTouch } from "~/banner/banner-touch.server";
import { db } from "~/db/client.server";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

// 23:50 on the 20th in New York, the test shop's timezone, is already the 21st in UTC.
const EVENING = new Date("2026-11-21T04:50:00Z");
const minutesAfter = (minutes: number) => new Date(EVENING.getTime() + minutes * 60_000);

let cartToken: string;
let checkoutId: number;

beforeEach(async () => {
  await resetDatabase();
  await createShop();
  const { checkout } = await createSentMessage();
  cartToken = checkout.cartToken!;
  checkoutId = checkout.id;
});

const touch = (kind: "impression" | "click", at: Date, token = cartToken) => recordBannerTouch(db, TEST_SHOP, token, kind, at);
const timeline = async () => (await db.activity.findMany({ where: { kind: { startsWith: "banner_" } }, orderBy: { id: "asc" } })).map((entry) => [entry.kind, entry.at, entry.checkoutId]);
const dailyFigures = async () =>
  (await db.dailyStat.findMany({ orderBy: { day: "asc" } })).map(({ day, position, bannerShown, bannerClicked }) => ({ day, position, bannerShown, bannerClicked }));

describe("recordBannerTouch", () => {
  it("puts a shown and a clicked banner on the checkout's timeline and in the shop's figures for its local day", async () => {
    expect(await touch("impression", EVENING)).toBe(true);
    expect(await touch("click", minutesAfter(1))).toBe(true);

    expect(await timeline()).toEqual([
      ["banner_shown", EVENING, checkoutId],
      ["banner_clicked", minutesAfter(1), checkoutId],
    ]);
    expect(await dailyFigures()).toEqual([{ day: "2026-11-20", position: 0, bannerShown: 1, bannerClicked: 1 }]);
  });

  it("counts visits, not page views: once per 30 minutes for each kind of touch", async () => {
    await touch("impression", EVENING);
    expect(await touch("impression", minutesAfter(29))).toBe(false);
    expect(await touch("impression", minutesAfter(31))).toBe(true);

    expect(await timeline()).toHaveLength(2);
    expect(await dailyFigures()).toEqual([
      { day: "2026-11-20", position: 0, bannerShown: 1, bannerClicked: 0 },
      { day: "2026-11-21", position: 0, bannerShown: 1, bannerClicked: 0 },
    ]);
  });

  it("records nothing for a cart Comeback does not know", async () => {
    expect(await touch("click", EVENING, "unknown-cart")).toBe(false);

    expect(await timeline()).toEqual([]);
    expect(await dailyFigures()).toEqual([]);
  });
});
