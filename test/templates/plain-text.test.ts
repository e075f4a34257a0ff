import { describe, expect, it } from "vitest";
import { htmlToPlainText } from "~/templates/plain-text";

describe("htmlToPlainText", () => {
  it("shows each link's URL beside its text", () => {
    expect(htmlToPlainText(`<p><a href="https://shop.test/recover?key=1&amp;x=2">Return to my cart</a></p>`)).toBe(
      "Return to my cart [https://shop.test/recover?key=1&x=2]",
    );
  });

  it("does not repeat a URL that is already the link's text", () => {
    expect(htmlToPlainText(`<a href="https://shop.test">https://shop.test</a>`)).toBe("https://shop.test");
  });

  it("leaves images out", () => {
    expect(htmlToPlainText(`<p><img src="https://cdn.test/shirt.jpg" alt="Shirt">Linen Shirt</p>`)).toBe("Linen Shirt");
  });

  it("reads layout table cells as separate blocks", () => {
    const text = htmlToPlainText(`<table><tr><td>Linen Shirt</td><td>$68.00</td></tr><tr><td>Total</td><td>$121.50</td></tr></table>`);
    expect(text.split("\n").filter(Boolean)).toEqual(["Linen Shirt", "$68.00", "Total", "$121.50"]);
  });

  it("keeps headings as written instead of shouting them", () => {
    expect(htmlToPlainText("<h1>You left something behind</h1>")).toBe("You left something behind");
  });
});
