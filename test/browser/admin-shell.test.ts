import { describe, expect, it } from "vitest";
import { createShop } from "../factories/shop";
import { useAdminServer } from "../support/admin-server";
import { openAdminPage, screenshot } from "../support/browser";
import { resetDatabase } from "../support/database";
import { storeOfflineSession } from "../support/sessions";

const admin = useAdminServer();

describe("the embedded admin in Chromium", () => {
  it("opens with a valid session token, in the admin's language", async () => {
    await resetDatabase();
    await createShop();
    await storeOfflineSession();

    const page = await openAdminPage(admin.browser, admin.origin, "/app", { locale: "ko" });
    await page.waitForLoadState("networkidle");

    expect(await page.locator("ui-nav-menu").textContent()).toContain("결제 내역");
    await screenshot(page, "shell-ko");
    await page.close();
  });
});
