import { describe, expect, it } from "vitest";
import { commonMessages } from "~/i18n/common-messages";
import { translate } from "~/i18n/messages";
import { uiLocaleFrom } from "~/i18n/ui-locale";

describe("admin translations", () => {
  it("follow the Shopify admin's locale, then the browser's, else English", () => {
    expect(uiLocaleFrom(new Request("https://app.example/app?locale=ko-KR"))).toBe("ko");
    expect(uiLocaleFrom(new Request("https://app.example/app?locale=en"))).toBe("en");
    expect(uiLocaleFrom(new Request("https://app.example/app", { headers: { "Accept-Language": "ko,en;q=0.8" } }))).toBe("ko");
    expect(uiLocaleFrom(new Request("https://app.example/app?locale=fr"))).toBe("en");
  });

  it("fill placeholders and leave unknown ones visible", () => {
    expect(translate("{count} checkouts in {days} days", { count: 3, days: 7 })).toBe("3 checkouts in 7 days");
    expect(translate("Hello {name}")).toBe("Hello {name}");
  });

  it("have every English string in Korean", () => {
    expect(Object.keys(commonMessages.ko).sort()).toEqual(Object.keys(commonMessages.en).sort());
  });
});
