-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN "recoveredAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DailyStat" (
    "shop" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "variantId" INTEGER NOT NULL DEFAULT 0,
    "abandoned" INTEGER NOT NULL DEFAULT 0,
    "abandonedValueMinor" BIGINT NOT NULL DEFAULT 0,
    "enrolled" INTEGER NOT NULL DEFAULT 0,
    "heldOut" INTEGER NOT NULL DEFAULT 0,
    "enrolledRecovered" INTEGER NOT NULL DEFAULT 0,
    "heldOutRecovered" INTEGER NOT NULL DEFAULT 0,
    "emailed" INTEGER NOT NULL DEFAULT 0,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "opened" INTEGER NOT NULL DEFAULT 0,
    "clicked" INTEGER NOT NULL DEFAULT 0,
    "recoveredOrders" INTEGER NOT NULL DEFAULT 0,
    "recoveredRevenueMinor" BIGINT NOT NULL DEFAULT 0,
    "afterEmailOrders" INTEGER NOT NULL DEFAULT 0,
    "afterEmailRevenueMinor" BIGINT NOT NULL DEFAULT 0,
    "bannerShown" INTEGER NOT NULL DEFAULT 0,
    "bannerClicked" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("shop", "day", "position", "variantId"),
    CONSTRAINT "DailyStat_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("domain") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DailyStat" ("abandoned", "abandonedValueMinor", "afterEmailOrders", "afterEmailRevenueMinor", "bannerClicked", "bannerShown", "clicked", "day", "delivered", "emailed", "enrolled", "heldOut", "opened", "position", "recoveredOrders", "recoveredRevenueMinor", "shop", "variantId") SELECT "abandoned", "abandonedValueMinor", "afterEmailOrders", "afterEmailRevenueMinor", "bannerClicked", "bannerShown", "clicked", "day", "delivered", "emailed", "enrolled", "heldOut", "opened", "position", "recoveredOrders", "recoveredRevenueMinor", "shop", "variantId" FROM "DailyStat";
DROP TABLE "DailyStat";
ALTER TABLE "new_DailyStat" RENAME TO "DailyStat";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

