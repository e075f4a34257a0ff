import { describe, expect, it } from "vitest";
import { deliveryMessages } from "~/settings/delivery-messages";
import { destinationMessages } from "~/settings/destination-messages";
import { shopSettingsMessages } from "~/settings/shop-settings-messages";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe.each([
  ["shop settings", shopSettingsMessages],
  ["destinations", destinationMessages],
  ["deliveries", deliveryMessages],
] as const)("the %s strings", (_, messages) => {
  it("have every English string in Korean, with the same placeholders", () => {
    expect(Object.keys(messages.ko).sort()).toEqual(Object.keys(messages.en).sort());
    for (const [key, english] of Object.entries(messages.en)) {
      expect([key, placeholders(messages.ko[key as keyof typeof messages.ko])]).toEqual([key, placeholders(english)]);
    }
  });
});
