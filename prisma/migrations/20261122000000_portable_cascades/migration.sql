-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Step" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sequenceVersionId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "delayMinutes" INTEGER NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'email',
    "templateId" INTEGER,
    "destinationId" INTEGER,
    "minCartValueMinor" BIGINT,
    "skipIfClicked" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "discountKind" TEXT,
    "discountValue" TEXT,
    "discountMinSubtotal" TEXT,
    "discountExpiryHours" INTEGER,
    "autoWinnerMetric" TEXT,
    "autoWinnerMinSample" INTEGER,
    "winnerVariantId" INTEGER,
    CONSTRAINT "Step_sequenceVersionId_fkey" FOREIGN KEY ("sequenceVersionId") REFERENCES "SequenceVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Step_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Step_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "WebhookDestination" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Step" ("autoWinnerMetric", "autoWinnerMinSample", "channel", "delayMinutes", "destinationId", "discountExpiryHours", "discountKind", "discountMinSubtotal", "discountValue", "enabled", "id", "minCartValueMinor", "position", "sequenceVersionId", "skipIfClicked", "templateId", "winnerVariantId") SELECT "autoWinnerMetric", "autoWinnerMinSample", "channel", "delayMinutes", "destinationId", "discountExpiryHours", "discountKind", "discountMinSubtotal", "discountValue", "enabled", "id", "minCartValueMinor", "position", "sequenceVersionId", "skipIfClicked", "templateId", "winnerVariantId" FROM "Step";
DROP TABLE "Step";
ALTER TABLE "new_Step" RENAME TO "Step";
CREATE UNIQUE INDEX "Step_sequenceVersionId_position_key" ON "Step"("sequenceVersionId", "position");
CREATE TABLE "new_StepVariant" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stepId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "subject" TEXT,
    "templateId" INTEGER,
    CONSTRAINT "StepVariant_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "Step" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StepVariant_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_StepVariant" ("id", "label", "stepId", "subject", "templateId", "weight") SELECT "id", "label", "stepId", "subject", "templateId", "weight" FROM "StepVariant";
DROP TABLE "StepVariant";
ALTER TABLE "new_StepVariant" RENAME TO "StepVariant";
CREATE UNIQUE INDEX "StepVariant_stepId_label_key" ON "StepVariant"("stepId", "label");
CREATE TABLE "new_Enrollment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shop" TEXT NOT NULL,
    "sequenceVersionId" INTEGER NOT NULL,
    "checkoutId" INTEGER NOT NULL,
    "shopperKey" TEXT NOT NULL,
    "activeShopperKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "stopReason" TEXT,
    "abandonedAt" DATETIME NOT NULL,
    "cartStartedAt" DATETIME NOT NULL,
    "holdout" BOOLEAN NOT NULL DEFAULT false,
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Enrollment_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("domain") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Enrollment_sequenceVersionId_fkey" FOREIGN KEY ("sequenceVersionId") REFERENCES "SequenceVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Enrollment_checkoutId_fkey" FOREIGN KEY ("checkoutId") REFERENCES "Checkout" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Enrollment" ("abandonedAt", "activeShopperKey", "cartStartedAt", "checkoutId", "createdAt", "endedAt", "holdout", "id", "sequenceVersionId", "shop", "shopperKey", "status", "stopReason", "updatedAt") SELECT "abandonedAt", "activeShopperKey", "cartStartedAt", "checkoutId", "createdAt", "endedAt", "holdout", "id", "sequenceVersionId", "shop", "shopperKey", "status", "stopReason", "updatedAt" FROM "Enrollment";
DROP TABLE "Enrollment";
ALTER TABLE "new_Enrollment" RENAME TO "Enrollment";
CREATE UNIQUE INDEX "Enrollment_activeShopperKey_key" ON "Enrollment"("activeShopperKey");
CREATE INDEX "Enrollment_shop_status_idx" ON "Enrollment"("shop", "status");
CREATE INDEX "Enrollment_shop_shopperKey_idx" ON "Enrollment"("shop", "shopperKey");
CREATE INDEX "Enrollment_shop_abandonedAt_idx" ON "Enrollment"("shop", "abandonedAt");
CREATE INDEX "Enrollment_checkoutId_idx" ON "Enrollment"("checkoutId");
CREATE TABLE "new_StepRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shop" TEXT NOT NULL,
    "enrollmentId" INTEGER NOT NULL,
    "stepId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "dueAt" DATETIME NOT NULL,
    "scheduledAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "sendStartedAt" DATETIME,
    "checkoutId" INTEGER,
    "recipientHash" TEXT,
    "locale" TEXT,
    "variantId" INTEGER,
    "providerMessageId" TEXT,
    "reason" TEXT,
    "error" TEXT,
    "sentAt" DATETIME,
    "deliveredAt" DATETIME,
    "firstOpenedAt" DATETIME,
    "firstClickedAt" DATETIME,
    "lastClickedAt" DATETIME,
    "bouncedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StepRun_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("domain") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StepRun_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StepRun_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "Step" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StepRun_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "StepVariant" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_StepRun" ("attempts", "bouncedAt", "channel", "checkoutId", "createdAt", "deliveredAt", "dueAt", "enrollmentId", "error", "firstClickedAt", "firstOpenedAt", "id", "lastClickedAt", "leaseExpiresAt", "leaseOwner", "locale", "position", "providerMessageId", "reason", "recipientHash", "scheduledAt", "sendStartedAt", "sentAt", "shop", "status", "stepId", "updatedAt", "variantId") SELECT "attempts", "bouncedAt", "channel", "checkoutId", "createdAt", "deliveredAt", "dueAt", "enrollmentId", "error", "firstClickedAt", "firstOpenedAt", "id", "lastClickedAt", "leaseExpiresAt", "leaseOwner", "locale", "position", "providerMessageId", "reason", "recipientHash", "scheduledAt", "sendStartedAt", "sentAt", "shop", "status", "stepId", "updatedAt", "variantId" FROM "StepRun";
DROP TABLE "StepRun";
ALTER TABLE "new_StepRun" RENAME TO "StepRun";
CREATE INDEX "StepRun_stepId_status_idx" ON "StepRun"("stepId", "status");
CREATE INDEX "StepRun_status_dueAt_idx" ON "StepRun"("status", "dueAt");
CREATE INDEX "StepRun_status_leaseExpiresAt_idx" ON "StepRun"("status", "leaseExpiresAt");
CREATE INDEX "StepRun_shop_recipientHash_sentAt_idx" ON "StepRun"("shop", "recipientHash", "sentAt");
CREATE INDEX "StepRun_shop_providerMessageId_idx" ON "StepRun"("shop", "providerMessageId");
CREATE UNIQUE INDEX "StepRun_enrollmentId_stepId_key" ON "StepRun"("enrollmentId", "stepId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

