import { describe, expect, it } from "vitest";
import { currencyExponent, formatMoney, fromMinorUnits, isDecimalString, toMinorUnits } from "~/lib/money";

describe("money", () => {
  it("knows each currency's precision", () => {
    expect([currencyExponent("USD"), currencyExponent("JPY"), currencyExponent("KWD")]).toEqual([2, 0, 3]);
  });

  it("converts decimal strings to exact minor units", () => {
    expect(toMinorUnits("95.39", "USD")).toBe(9539n);
    expect(toMinorUnits("0.1", "USD")).toBe(10n);
    expect(toMinorUnits("1000", "JPY")).toBe(1000n);
    expect(toMinorUnits("1000.00", "JPY")).toBe(1000n);
    expect(toMinorUnits("1.234", "KWD")).toBe(1234n);
    expect(toMinorUnits("-5.50", "USD")).toBe(-550n);
  });

  it("keeps amounts beyond 32 bits, as a $2,000 cart in Uzbek som needs", () => {
    expect(toMinorUnits("25400000.00", "UZS")).toBe(2_540_000_000n);
  });

  it("rounds digits beyond the currency's precision half away from zero", () => {
    expect(toMinorUnits("19.995", "USD")).toBe(2000n);
    expect(toMinorUnits("19.994", "USD")).toBe(1999n);
    expect(toMinorUnits("-19.995", "USD")).toBe(-2000n);
  });

  it("refuses anything that is not a decimal string", () => {
    for (const bad of ["", "1e3", "12,50", " 1.00", "1.", ".5", "NaN"]) {
      expect(isDecimalString(bad)).toBe(false);
      expect(() => toMinorUnits(bad, "USD")).toThrow(RangeError);
    }
  });

  it("converts minor units back to decimal strings", () => {
    expect(fromMinorUnits(9539n, "USD")).toBe("95.39");
    expect(fromMinorUnits(5n, "USD")).toBe("0.05");
    expect(fromMinorUnits(-550n, "USD")).toBe("-5.50");
    expect(fromMinorUnits(1000n, "JPY")).toBe("1000");
  });

  it("formats in the shop's currency and the reader's locale without going through a float", () => {
    expect(formatMoney("95.39", "USD", "en-US")).toBe("$95.39");
    expect(formatMoney(123456n, "EUR", "de-DE")).toBe("1.234,56\u00a0€");
    expect(formatMoney("1000", "JPY", "ja-JP")).toBe("￥1,000");
    expect(formatMoney("9007199254740993.01", "USD", "en-US")).toBe("$9,007,199,254,740,993.01");
  });
});
