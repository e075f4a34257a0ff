import { describe, expect, it } from "vitest";
import { seededRandom } from "../../scripts/demo/random";
import { appLinks, reactionsTo } from "../../scripts/demo/shopper-reactions";
import { createShoppers, type Persona } from "../../scripts/demo/shoppers";

const APP = "http://127.0.0.1:4000";
const html = `<a href="${APP}/r/recover-1-9.sig">Back</a><a href="https://shop.example/x">Shop</a><a href="${APP}/u/unsubscribe-1-9.sig">Unsubscribe</a>
  <a href="${APP}/s/survey-1-9.sig?reason=price">Price</a><a href="${APP}/s/survey-1-9.sig?reason=other">Other</a>`;
const arrivedAt = new Date("2026-11-23T16:00:00Z");
const shopperWith = (persona: Persona) => ({ ...createShoppers(1, arrivedAt, seededRandom(1))[0]!, persona });
const kinds = (persona: Persona, number: number) => reactionsTo(shopperWith(persona), { html, arrivedAt, number }, APP, () => 0.99).map((reaction) => reaction.kind);

describe("the demo's shoppers react to emails", () => {
  it("find the app's links in an email", () => {
    expect(appLinks(html, APP)).toEqual({
      recovery: `${APP}/r/recover-1-9.sig`,
      unsubscribe: `${APP}/u/unsubscribe-1-9.sig`,
      survey: [`${APP}/s/survey-1-9.sig?reason=price`, `${APP}/s/survey-1-9.sig?reason=other`],
    });
  });

  it("click and buy at the email their persona waits for, and not before", () => {
    expect(kinds({ kind: "recovers", afterEmail: 2 }, 1)).toEqual(["delivered"]);
    expect(kinds({ kind: "recovers", afterEmail: 2 }, 2)).toEqual(["delivered", "click", "order"]);
  });

  it("buy without clicking, or unsubscribe, after the first email", () => {
    expect(kinds({ kind: "buys_unprompted", afterEmail: 1 }, 1)).toEqual(["delivered", "order"]);
    expect(kinds({ kind: "unsubscribes" }, 1)).toEqual(["delivered", "unsubscribe"]);
  });

  it("sometimes open, and sometimes answer the last call's survey", () => {
    const reactions = reactionsTo(shopperWith({ kind: "ignores" }), { html, arrivedAt, number: 3 }, APP, () => 0.3);
    expect(reactions.map((reaction) => reaction.kind)).toEqual(["delivered", "opened", "survey"]);
  });
});
