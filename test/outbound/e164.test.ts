import { describe, expect, it } from "vitest";
import { toE164 } from "~/outbound/e164";

describe("toE164", () => {
  it.each([
    ["(415) 555-0123", "US", "+14155550123"],
    ["1-415-555-0123", "US", "+14155550123"],
    ["415.555.0123", "CA", "+14155550123"],
    ["07700 900123", "GB", "+447700900123"],
    ["0151 12345678", "DE", "+4915112345678"],
    ["06 12 34 56 78", "FR", "+33612345678"],
    ["06 1234 5678", "IT", "+390612345678"],
    ["612 345 678", "ES", "+34612345678"],
    ["0412 345 678", "AU", "+61412345678"],
    ["010-1234-5678", "KR", "+821012345678"],
    ["090-1234-5678", "jp", "+819012345678"],
  ])("completes the national number %s of %s", (phone, country, expected) => {
    expect(toE164(phone, country)).toBe(expected);
  });

  it.each([
    ["+44 7700 900123", "US"],
    ["+447700900123", null],
    ["0044 7700 900123", "ZZ"],
  ])("keeps the international number %s whatever the country", (phone, country) => {
    expect(toE164(phone, country)).toBe("+447700900123");
  });

  it("accepts only international numbers for countries it does not know", () => {
    expect(toE164("0812 3456 7890", "ID")).toBeNull();
    expect(toE164("+62 812 3456 7890", "ID")).toBe("+6281234567890");
    expect(toE164("4155550123", null)).toBeNull();
  });

  it.each([
    [null, "US"],
    ["", "US"],
    ["   ", "US"],
    ["555-0123", "US"],
    ["+1234567", "US"],
    ["+1234567890123456", "US"],
    ["call me", "US"],
    ["415 555 0123 ext 4", "US"],
  ])("gives no number for %j", (phone, country) => {
    expect(toE164(phone, country)).toBeNull();
  });
});
