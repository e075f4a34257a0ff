-- AlterTable
ALTER TABLE "Order" ADD COLUMN "attributedStepRunId" INTEGER;
ALTER TABLE "Order" ADD COLUMN "attribution" TEXT;

-- CreateTable
CREATE TABLE "Sequence" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Sequence_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("domain") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SequenceVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sequenceId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SequenceVersion_sequenceId_fkey" FOREIGN KEY ("sequenceId") REFERENCES "Sequence" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Step" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sequenceVersionId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "delayMinutes" INTEGER NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'email',
    "templateId" INTEGER,
    "minCartValueMinor" BIGINT,
    "skipIfClicked" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "Step_sequenceVersionId_fkey" FOREIGN KEY ("sequenceVersionId") REFERENCES "SequenceVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Step_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template" ("id") ON DELETE NO ACTION ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Template" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Template_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("domain") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TemplateContent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "templateId" INTEGER NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "preheader" TEXT NOT NULL DEFAULT '',
    "html" TEXT NOT NULL,
    "text" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TemplateContent_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Enrollment" (
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
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Enrollment_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("domain") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Enrollment_sequenceVersionId_fkey" FOREIGN KEY ("sequenceVersionId") REFERENCES "SequenceVersion" ("id") ON DELETE NO ACTION ON UPDATE CASCADE,
    CONSTRAINT "Enrollment_checkoutId_fkey" FOREIGN KEY ("checkoutId") REFERENCES "Checkout" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StepRun" (
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
    CONSTRAINT "StepRun_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "Step" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shop" TEXT NOT NULL,
    "checkoutId" INTEGER,
    "enrollmentId" INTEGER,
    "stepRunId" INTEGER,
    "kind" TEXT NOT NULL,
    "reason" TEXT,
    "detail" JSONB,
    "at" DATETIME NOT NULL,
    CONSTRAINT "Activity_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("domain") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MessageEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shop" TEXT NOT NULL,
    "providerEventId" TEXT NOT NULL,
    "stepRunId" INTEGER,
    "event" TEXT NOT NULL,
    "url" TEXT,
    "reason" TEXT,
    "occurredAt" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MessageEvent_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("domain") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Suppression" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shop" TEXT NOT NULL,
    "contactHash" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Suppression_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("domain") ON DELETE CASCADE ON UPDATE CASCADE
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Shop" ("abandonmentMinutes", "createdAt", "currency", "domain", "frequencyCapHours", "installedAt", "name", "quietHoursEndMinute", "quietHoursStartMinute", "replyToEmail", "requireMarketingConsent", "senderEmail", "senderName", "status", "timezone", "uninstalledAt", "updatedAt") SELECT "abandonmentMinutes", "createdAt", "currency", "domain", "frequencyCapHours", "installedAt", "name", "quietHoursEndMinute", "quietHoursStartMinute", "replyToEmail", "requireMarketingConsent", "senderEmail", "senderName", "status", "timezone", "uninstalledAt", "updatedAt" FROM "Shop";
DROP TABLE "Shop";
ALTER TABLE "new_Shop" RENAME TO "Shop";
CREATE TABLE "new_Checkout" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shop" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "cartToken" TEXT,
    "shopifyId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "email" TEXT,
    "phone" TEXT,
    "firstName" TEXT,
    "lastName" TEXT,
    "customerId" TEXT,
    "locale" TEXT,
    "countryCode" TEXT,
    "acceptsEmailMarketing" BOOLEAN NOT NULL DEFAULT false,
    "emailConsentState" TEXT,
    "acceptsSmsMarketing" BOOLEAN NOT NULL DEFAULT false,
    "currency" TEXT NOT NULL,
    "subtotalPrice" TEXT NOT NULL,
    "totalPrice" TEXT NOT NULL,
    "totalTax" TEXT,
    "totalDiscounts" TEXT,
    "totalPriceMinor" BIGINT NOT NULL,
    "lineItems" JSONB NOT NULL,
    "recoveryUrl" TEXT,
    "shopifyCreatedAt" DATETIME NOT NULL,
    "shopifyUpdatedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    "abandonedAt" DATETIME,
    "abandonCheckAt" DATETIME,
    "enrollmentId" INTEGER,
    "redactedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Checkout_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("domain") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Checkout_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Checkout" ("abandonedAt", "acceptsEmailMarketing", "acceptsSmsMarketing", "cartToken", "completedAt", "countryCode", "createdAt", "currency", "customerId", "email", "emailConsentState", "firstName", "id", "lastName", "lineItems", "locale", "phone", "recoveryUrl", "redactedAt", "shop", "shopifyCreatedAt", "shopifyId", "shopifyUpdatedAt", "status", "subtotalPrice", "token", "totalDiscounts", "totalPrice", "totalPriceMinor", "totalTax", "updatedAt") SELECT "abandonedAt", "acceptsEmailMarketing", "acceptsSmsMarketing", "cartToken", "completedAt", "countryCode", "createdAt", "currency", "customerId", "email", "emailConsentState", "firstName", "id", "lastName", "lineItems", "locale", "phone", "recoveryUrl", "redactedAt", "shop", "shopifyCreatedAt", "shopifyId", "shopifyUpdatedAt", "status", "subtotalPrice", "token", "totalDiscounts", "totalPrice", "totalPriceMinor", "totalTax", "updatedAt" FROM "Checkout";
DROP TABLE "Checkout";
ALTER TABLE "new_Checkout" RENAME TO "Checkout";
CREATE INDEX "Checkout_shop_cartToken_idx" ON "Checkout"("shop", "cartToken");
CREATE INDEX "Checkout_shop_email_shopifyCreatedAt_idx" ON "Checkout"("shop", "email", "shopifyCreatedAt");
CREATE INDEX "Checkout_shop_phone_shopifyCreatedAt_idx" ON "Checkout"("shop", "phone", "shopifyCreatedAt");
CREATE INDEX "Checkout_shop_customerId_idx" ON "Checkout"("shop", "customerId");
CREATE INDEX "Checkout_shop_shopifyCreatedAt_idx" ON "Checkout"("shop", "shopifyCreatedAt");
CREATE INDEX "Checkout_status_shopifyUpdatedAt_idx" ON "Checkout"("status", "shopifyUpdatedAt");
CREATE INDEX "Checkout_abandonCheckAt_idx" ON "Checkout"("abandonCheckAt");
CREATE INDEX "Checkout_enrollmentId_idx" ON "Checkout"("enrollmentId");
CREATE UNIQUE INDEX "Checkout_shop_token_key" ON "Checkout"("shop", "token");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Sequence_shop_active_idx" ON "Sequence"("shop", "active");

-- CreateIndex
CREATE UNIQUE INDEX "SequenceVersion_sequenceId_number_key" ON "SequenceVersion"("sequenceId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Step_sequenceVersionId_position_key" ON "Step"("sequenceVersionId", "position");

-- CreateIndex
CREATE INDEX "Template_shop_idx" ON "Template"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "TemplateContent_templateId_locale_key" ON "TemplateContent"("templateId", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "Enrollment_activeShopperKey_key" ON "Enrollment"("activeShopperKey");

-- CreateIndex
CREATE INDEX "Enrollment_shop_status_idx" ON "Enrollment"("shop", "status");

-- CreateIndex
CREATE INDEX "Enrollment_shop_shopperKey_idx" ON "Enrollment"("shop", "shopperKey");

-- CreateIndex
CREATE INDEX "Enrollment_checkoutId_idx" ON "Enrollment"("checkoutId");

-- CreateIndex
CREATE INDEX "StepRun_status_dueAt_idx" ON "StepRun"("status", "dueAt");

-- CreateIndex
CREATE INDEX "StepRun_status_leaseExpiresAt_idx" ON "StepRun"("status", "leaseExpiresAt");

-- CreateIndex
CREATE INDEX "StepRun_shop_recipientHash_sentAt_idx" ON "StepRun"("shop", "recipientHash", "sentAt");

-- CreateIndex
CREATE INDEX "StepRun_shop_providerMessageId_idx" ON "StepRun"("shop", "providerMessageId");

-- CreateIndex
CREATE UNIQUE INDEX "StepRun_enrollmentId_stepId_key" ON "StepRun"("enrollmentId", "stepId");

-- CreateIndex
CREATE INDEX "Activity_shop_checkoutId_at_idx" ON "Activity"("shop", "checkoutId", "at");

-- CreateIndex
CREATE INDEX "Activity_enrollmentId_at_idx" ON "Activity"("enrollmentId", "at");

-- CreateIndex
CREATE INDEX "Activity_stepRunId_idx" ON "Activity"("stepRunId");

-- CreateIndex
CREATE UNIQUE INDEX "MessageEvent_providerEventId_key" ON "MessageEvent"("providerEventId");

-- CreateIndex
CREATE INDEX "MessageEvent_stepRunId_event_idx" ON "MessageEvent"("stepRunId", "event");

-- CreateIndex
CREATE UNIQUE INDEX "Suppression_shop_contactHash_key" ON "Suppression"("shop", "contactHash");

