import { PrismaClient, type Prisma } from "@prisma/client";
import { createDriverAdapter } from "./driver-adapter.server";

/** The client or an interactive transaction: model functions accept either. */
export type Db = PrismaClient | Prisma.TransactionClient;

export function createDbClient(url?: string): PrismaClient {
  return new PrismaClient({
    adapter: createDriverAdapter(url),
    // Transactions queue behind each other on SQLite's single connection; give them room to wait.
    transactionOptions: { maxWait: 10_000, timeout: 10_000 },
  });
}

declare global {
  // Vite's dev server re-imports modules on change; keep one connection across reloads.
  var comebackDb: PrismaClient | undefined;
}

export const db: PrismaClient = globalThis.comebackDb ?? createDbClient();
if (process.env.NODE_ENV === "development") globalThis.comebackDb = db;
