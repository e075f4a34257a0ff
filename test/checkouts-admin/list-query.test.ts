import { describe, expect, it } from "vitest";
import { EMPTY_LIST_QUERY, isFiltered, readListQuery, writeListQuery } from "~/checkouts-admin/list-query";

const read = (search: string) => readListQuery(new URLSearchParams(search));

describe("the checkout list's URL", () => {
  it("reads every filter and the page", () => {
    expect(read("status=abandoned&status=recovered&from=2026-11-01&to=2026-11-30&hasEmail=no&min=10.50&max=200&email=Ann&after=1795300412000-42")).toEqual({
      statuses: ["abandoned", "recovered"],
      createdFrom: "2026-11-01",
      createdTo: "2026-11-30",
      hasEmail: false,
      minTotal: "10.50",
      maxTotal: "200",
      emailPrefix: "ann",
      after: "1795300412000-42",
      before: null,
    });
  });

  it("drops what it cannot understand, keeping the rest of a hand-edited or stale link", () => {
    expect(read("status=lost&status=open&from=yesterday&to=2026-13-45&hasEmail=maybe&min=-5&max=ten&email=%20%20&after=42&before=x-1")).toEqual({
      ...EMPTY_LIST_QUERY,
      statuses: ["open"],
    });
  });

  it("writes the query back, keeping the admin's own parameters and leaving out empty filters", () => {
    const current = new URLSearchParams("shop=test-shop.myshopify.com&host=abc&status=open&after=1-1");
    const written = writeListQuery(current, { ...EMPTY_LIST_QUERY, statuses: ["abandoned"], hasEmail: true, emailPrefix: "ann" });

    expect(written.toString()).toBe("shop=test-shop.myshopify.com&host=abc&status=abandoned&hasEmail=yes&email=ann");
    expect(readListQuery(written)).toEqual({ ...EMPTY_LIST_QUERY, statuses: ["abandoned"], hasEmail: true, emailPrefix: "ann" });
  });

  it("counts a page or any filter as narrowing the list, and nothing else", () => {
    expect(isFiltered(EMPTY_LIST_QUERY)).toBe(false);
    expect(isFiltered(read("hasEmail=no"))).toBe(true);
    expect(isFiltered(read("before=1795300412000-42"))).toBe(true);
    expect(isFiltered(read("shop=test-shop.myshopify.com"))).toBe(false);
  });
});
