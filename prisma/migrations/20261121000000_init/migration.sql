-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" DATETIME,
    "accessToken" TEXT NOT NULL,
    "userId" BIGINT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "accountOwner" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT,
    "collaborator" BOOLEAN DEFAULT false,
    "emailVerified" BOOLEAN DEFAULT false,
    "refreshToken" TEXT,
    "refreshTokenExpires" DATETIME
);

-- CreateTable
CREATE TABLE "Shop" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Checkout" (
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
    "redactedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Checkout_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("domain") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Order" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shop" TEXT NOT NULL,
    "shopifyId" TEXT NOT NULL,
    "name" TEXT,
    "checkoutToken" TEXT,
    "cartToken" TEXT,
    "customerId" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "currency" TEXT NOT NULL,
    "totalPrice" TEXT NOT NULL,
    "totalPriceMinor" BIGINT NOT NULL,
    "discountCodes" JSONB NOT NULL,
    "landingSite" TEXT,
    "shopifyCreatedAt" DATETIME NOT NULL,
    "checkoutId" INTEGER,
    "linkedBy" TEXT,
    "redactedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Order_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("domain") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Order_checkoutId_fkey" FOREIGN KEY ("checkoutId") REFERENCES "Checkout" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookReceipt" (
    "shop" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "webhookId")
);

-- CreateTable
CREATE TABLE "DataRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shop" TEXT NOT NULL,
    "shopifyRequestId" TEXT,
    "customerId" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "orderIds" JSONB NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" DATETIME,
    CONSTRAINT "DataRequest_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("domain") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Session_shop_idx" ON "Session"("shop");

-- CreateIndex
CREATE INDEX "Checkout_shop_cartToken_idx" ON "Checkout"("shop", "cartToken");

-- CreateIndex
CREATE INDEX "Checkout_shop_email_shopifyCreatedAt_idx" ON "Checkout"("shop", "email", "shopifyCreatedAt");

-- CreateIndex
CREATE INDEX "Checkout_shop_phone_shopifyCreatedAt_idx" ON "Checkout"("shop", "phone", "shopifyCreatedAt");

-- CreateIndex
CREATE INDEX "Checkout_shop_customerId_idx" ON "Checkout"("shop", "customerId");

-- CreateIndex
CREATE INDEX "Checkout_shop_shopifyCreatedAt_idx" ON "Checkout"("shop", "shopifyCreatedAt");

-- CreateIndex
CREATE INDEX "Checkout_status_shopifyUpdatedAt_idx" ON "Checkout"("status", "shopifyUpdatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Checkout_shop_token_key" ON "Checkout"("shop", "token");

-- CreateIndex
CREATE INDEX "Order_shop_checkoutToken_idx" ON "Order"("shop", "checkoutToken");

-- CreateIndex
CREATE INDEX "Order_shop_cartToken_idx" ON "Order"("shop", "cartToken");

-- CreateIndex
CREATE INDEX "Order_shop_email_shopifyCreatedAt_idx" ON "Order"("shop", "email", "shopifyCreatedAt");

-- CreateIndex
CREATE INDEX "Order_shop_phone_shopifyCreatedAt_idx" ON "Order"("shop", "phone", "shopifyCreatedAt");

-- CreateIndex
CREATE INDEX "Order_shop_customerId_shopifyCreatedAt_idx" ON "Order"("shop", "customerId", "shopifyCreatedAt");

-- CreateIndex
CREATE INDEX "Order_checkoutId_idx" ON "Order"("checkoutId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_shop_shopifyId_key" ON "Order"("shop", "shopifyId");

-- CreateIndex
CREATE INDEX "WebhookReceipt_receivedAt_idx" ON "WebhookReceipt"("receivedAt");

-- CreateIndex
CREATE INDEX "DataRequest_shop_receivedAt_idx" ON "DataRequest"("shop", "receivedAt");

