-- CreateTable
CREATE TABLE "StepVariant" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stepId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "subject" TEXT,
    "templateId" INTEGER,
    CONSTRAINT "StepVariant_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "Step" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StepVariant_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template" ("id") ON DELETE NO ACTION ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookDestination" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "method" TEXT NOT NULL DEFAULT 'POST',
    "headers" JSONB NOT NULL,
    "payloadTemplate" TEXT NOT NULL,
    "preset" TEXT,
    "signingSecret" TEXT NOT NULL,
    "events" JSONB NOT NULL,
    "followRedirects" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "pausedUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WebhookDestination_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("domain") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shop" TEXT NOT NULL,
    "destinationId" INTEGER NOT NULL,
    "messageId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "stepRunId" INTEGER,
    "dedupeKey" TEXT,
    "checkoutId" INTEGER,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" DATETIME,
    "deadAt" DATETIME,
    CONSTRAINT "WebhookDelivery_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("domain") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WebhookDelivery_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "WebhookDestination" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "deliveryId" INTEGER NOT NULL,
    "attemptedAt" DATETIME NOT NULL,
    "statusCode" INTEGER,
    "latencyMs" INTEGER NOT NULL,
    "responseBody" TEXT,
    "error" TEXT,
    CONSTRAINT "WebhookAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DiscountCode" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shop" TEXT NOT NULL,
    "stepRunId" INTEGER NOT NULL,
    "enrollmentId" INTEGER NOT NULL,
    "checkoutId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "shopifyDiscountId" TEXT,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "minSubtotal" TEXT,
    "endsAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    CONSTRAINT "DiscountCode_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("domain") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shop" TEXT NOT NULL,
    "checkoutId" INTEGER NOT NULL,
    "stepRunId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "comment" TEXT,
    "answeredAt" DATETIME NOT NULL,
    CONSTRAINT "SurveyAnswer_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("domain") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Shop" (
    "domain" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'installed',
    "name" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" DATETIME,
    "abandonmentMinutes" INTEGER NOT NULL DEFAULT 10,
    "requireMarketingConsent" BOOLEAN NOT NULL DEFAULT true,
    "frequencyCapHours" INTEGER NOT NULL DEFAULT 16,
    "quietHoursStartMinute" INTEGER DEFAULT 1260,
    "quietHoursEndMinute" INTEGER DEFAULT 480,
    "senderName" TEXT,
    "senderEmail" TEXT,
    "replyToEmail" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "attributionDays" INTEGER NOT NULL DEFAULT 5,
    "highValueThresholdMinor" BIGINT,
    "holdoutPercent" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Shop" ("abandonmentMinutes", "attributionDays", "createdAt", "currency", "domain", "frequencyCapHours", "installedAt", "locale", "name", "quietHoursEndMinute", "quietHoursStartMinute", "replyToEmail", "requireMarketingConsent", "senderEmail", "senderName", "status", "timezone", "uninstalledAt", "updatedAt") SELECT "abandonmentMinutes", "attributionDays", "createdAt", "currency", "domain", "frequencyCapHours", "installedAt", "locale", "name", "quietHoursEndMinute", "quietHoursStartMinute", "replyToEmail", "requireMarketingConsent", "senderEmail", "senderName", "status", "timezone", "uninstalledAt", "updatedAt" FROM "Shop";
DROP TABLE "Shop";
ALTER TABLE "new_Shop" RENAME TO "Shop";
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
    CONSTRAINT "Step_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template" ("id") ON DELETE NO ACTION ON UPDATE CASCADE,
    CONSTRAINT "Step_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "WebhookDestination" ("id") ON DELETE NO ACTION ON UPDATE CASCADE
);
INSERT INTO "new_Step" ("channel", "delayMinutes", "enabled", "id", "minCartValueMinor", "position", "sequenceVersionId", "skipIfClicked", "templateId") SELECT "channel", "delayMinutes", "enabled", "id", "minCartValueMinor", "position", "sequenceVersionId", "skipIfClicked", "templateId" FROM "Step";
DROP TABLE "Step";
ALTER TABLE "new_Step" RENAME TO "Step";
CREATE UNIQUE INDEX "Step_sequenceVersionId_position_key" ON "Step"("sequenceVersionId", "position");
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
    CONSTRAINT "Enrollment_sequenceVersionId_fkey" FOREIGN KEY ("sequenceVersionId") REFERENCES "SequenceVersion" ("id") ON DELETE NO ACTION ON UPDATE CASCADE,
    CONSTRAINT "Enrollment_checkoutId_fkey" FOREIGN KEY ("checkoutId") REFERENCES "Checkout" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Enrollment" ("abandonedAt", "activeShopperKey", "cartStartedAt", "checkoutId", "createdAt", "endedAt", "id", "sequenceVersionId", "shop", "shopperKey", "status", "stopReason", "updatedAt") SELECT "abandonedAt", "activeShopperKey", "cartStartedAt", "checkoutId", "createdAt", "endedAt", "id", "sequenceVersionId", "shop", "shopperKey", "status", "stopReason", "updatedAt" FROM "Enrollment";
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
    CONSTRAINT "StepRun_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "StepVariant" ("id") ON DELETE NO ACTION ON UPDATE CASCADE
);
INSERT INTO "new_StepRun" ("attempts", "bouncedAt", "channel", "checkoutId", "createdAt", "deliveredAt", "dueAt", "enrollmentId", "error", "firstClickedAt", "firstOpenedAt", "id", "lastClickedAt", "leaseExpiresAt", "leaseOwner", "locale", "position", "providerMessageId", "reason", "recipientHash", "scheduledAt", "sendStartedAt", "sentAt", "shop", "status", "stepId", "updatedAt") SELECT "attempts", "bouncedAt", "channel", "checkoutId", "createdAt", "deliveredAt", "dueAt", "enrollmentId", "error", "firstClickedAt", "firstOpenedAt", "id", "lastClickedAt", "leaseExpiresAt", "leaseOwner", "locale", "position", "providerMessageId", "reason", "recipientHash", "scheduledAt", "sendStartedAt", "sentAt", "shop", "status", "stepId", "updatedAt" FROM "StepRun";
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

-- CreateIndex
CREATE UNIQUE INDEX "StepVariant_stepId_label_key" ON "StepVariant"("stepId", "label");

-- CreateIndex
CREATE INDEX "WebhookDestination_shop_idx" ON "WebhookDestination"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_messageId_key" ON "WebhookDelivery"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_stepRunId_key" ON "WebhookDelivery"("stepRunId");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_dedupeKey_key" ON "WebhookDelivery"("dedupeKey");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_leaseExpiresAt_idx" ON "WebhookDelivery"("status", "leaseExpiresAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_shop_status_deadAt_idx" ON "WebhookDelivery"("shop", "status", "deadAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_shop_checkoutId_idx" ON "WebhookDelivery"("shop", "checkoutId");

-- CreateIndex
CREATE INDEX "WebhookAttempt_deliveryId_attemptedAt_idx" ON "WebhookAttempt"("deliveryId", "attemptedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DiscountCode_stepRunId_key" ON "DiscountCode"("stepRunId");

-- CreateIndex
CREATE INDEX "DiscountCode_status_endsAt_idx" ON "DiscountCode"("status", "endsAt");

-- CreateIndex
CREATE INDEX "DiscountCode_shop_checkoutId_idx" ON "DiscountCode"("shop", "checkoutId");

-- CreateIndex
CREATE UNIQUE INDEX "DiscountCode_shop_code_key" ON "DiscountCode"("shop", "code");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyAnswer_stepRunId_key" ON "SurveyAnswer"("stepRunId");

-- CreateIndex
CREATE INDEX "SurveyAnswer_shop_answeredAt_idx" ON "SurveyAnswer"("shop", "answeredAt");

-- CreateIndex
CREATE INDEX "SurveyAnswer_shop_checkoutId_idx" ON "SurveyAnswer"("shop", "checkoutId");

-- CreateIndex
CREATE INDEX "Order_shop_attribution_attributedStepRunId_idx" ON "Order"("shop", "attribution", "attributedStepRunId");

