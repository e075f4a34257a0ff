import { describe, expect, it } from "vitest";
import { statusAfterPurchase } from "~/checkouts/checkout-status";

describe("statusAfterPurchase", () => {
  it("recovers an abandoned checkout and completes an open one", () => {
    expect(statusAfterPurchase("abandoned")).toBe("recovered");
    expect(statusAfterPurchase("open")).toBe("completed");
  });

  it("never changes a final status", () => {
    expect(statusAfterPurchase("recovered")).toBe("recovered");
    expect(statusAfterPurchase("completed")).toBe("completed");
  });
});
