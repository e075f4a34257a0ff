import type { Session } from "@shopify/shopify-api";
import {
  MissingSessionStorageError,
  MissingSessionTableError,
  PrismaSessionStorage,
  type PrismaSessionStorageInterface,
} from "@shopify/shopify-app-session-storage-prisma";
import type { PrismaClient } from "@prisma/client";

const notReady = (error: unknown) => error instanceof MissingSessionStorageError || error instanceof MissingSessionTableError;

/**
 * Shopify's Prisma session storage, made to survive its database being away. The library checks for
 * its table once, when created, and answers "not ready" for good if the database was unreachable then
 * (the app started, or first served, while PostgreSQL restarted): here a failed check is made again on
 * the next use, and fails fast meanwhile.
 */
export class ResilientSessionStorage implements PrismaSessionStorageInterface {
  readonly #storage: PrismaSessionStorage<PrismaClient>;

  constructor(db: PrismaClient) {
    this.#storage = new PrismaSessionStorage(db, { connectionRetries: 1, connectionRetryIntervalMs: 100 });
  }

  storeSession(session: Session) {
    return this.#whenReady(() => this.#storage.storeSession(session));
  }

  loadSession(id: string) {
    return this.#whenReady(() => this.#storage.loadSession(id));
  }

  deleteSession(id: string) {
    return this.#whenReady(() => this.#storage.deleteSession(id));
  }

  deleteSessions(ids: string[]) {
    return this.#whenReady(() => this.#storage.deleteSessions(ids));
  }

  findSessionsByShop(shop: string) {
    return this.#whenReady(() => this.#storage.findSessionsByShop(shop));
  }

  isReady() {
    return this.#storage.isReady();
  }

  async #whenReady<T>(use: () => Promise<T>): Promise<T> {
    try {
      return await use();
    } catch (error) {
      if (!notReady(error) || !(await this.#storage.isReady())) throw error;
      return use();
    }
  }
}
