import type { BulkConnection } from "./bulk-connection";
import { BulkTable } from "./bulk-table";
import { DAILY_STAT_FIGURES } from "./daily-tally";

// The columns the seeders write, per table; the rest keep their database defaults.

export const checkoutTable = (connection: BulkConnection) =>
  new BulkTable(connection, "Checkout", [
    "id", "shop", "token", "cartToken", "shopifyId", "status", "email", "firstName", "lastName", "locale", "acceptsEmailMarketing",
    "currency", "subtotalPrice", "totalPrice", "totalPriceMinor", "lineItems", "recoveryUrl", "shopifyCreatedAt", "shopifyUpdatedAt",
    "completedAt", "abandonedAt", "abandonCheckAt", "enrollmentId", "createdAt", "updatedAt",
  ] as const);

export const enrollmentTable = (connection: BulkConnection) =>
  new BulkTable(connection, "Enrollment", [
    "id", "shop", "sequenceVersionId", "checkoutId", "shopperKey", "activeShopperKey", "status", "stopReason", "abandonedAt",
    "cartStartedAt", "holdout", "recoveredAt", "endedAt", "createdAt", "updatedAt",
  ] as const);

export const stepRunTable = (connection: BulkConnection) =>
  new BulkTable(connection, "StepRun", [
    "id", "shop", "enrollmentId", "stepId", "position", "channel", "status", "dueAt", "scheduledAt", "attempts", "sendStartedAt",
    "checkoutId", "recipientHash", "locale", "providerMessageId", "reason", "sentAt", "deliveredAt", "firstOpenedAt", "firstClickedAt",
    "createdAt", "updatedAt",
  ] as const);

export const orderTable = (connection: BulkConnection) =>
  new BulkTable(connection, "Order", [
    "id", "shop", "shopifyId", "name", "checkoutToken", "cartToken", "email", "currency", "totalPrice", "totalPriceMinor",
    "discountCodes", "shopifyCreatedAt", "checkoutId", "linkedBy", "attribution", "attributedStepRunId", "createdAt",
  ] as const);

export const dailyStatTable = (connection: BulkConnection) =>
  new BulkTable(connection, "DailyStat", ["shop", "day", "position", "variantId", ...DAILY_STAT_FIGURES] as const);

export type OrderTable = ReturnType<typeof orderTable>;

/** Columns of a step run that has not been attempted yet. */
export const UNSENT_STEP_RUN = {
  sendStartedAt: null, checkoutId: null, recipientHash: null, locale: null, providerMessageId: null, reason: null,
  sentAt: null, deliveredAt: null, firstOpenedAt: null, firstClickedAt: null,
};

/** A sample cart's line items as the app stores them. */
export const LINE_ITEMS = [
  [{ title: "Aviator sunglasses", variantTitle: "Gold", quantity: 1, price: "89.99", linePrice: "89.99", variantId: "45902754185506", productId: "8448447512866", sku: "AVI-GLD", imageUrl: null }],
  [
    { title: "Canvas tote", variantTitle: null, quantity: 2, price: "19.99", linePrice: "39.98", variantId: "45902754218274", productId: "8448447545634", sku: "TOTE-NAT", imageUrl: null },
    { title: "Linen shirt", variantTitle: "M / Sand", quantity: 1, price: "54.00", linePrice: "54.00", variantId: "45902754251042", productId: "8448447578402", sku: "LIN-M-SND", imageUrl: null },
  ],
].map((lines) => JSON.stringify(lines));

export const money = (minor: number) => (minor / 100).toFixed(2);
