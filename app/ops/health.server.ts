import type { PrismaClient } from "@prisma/client";
import { logger } from "~/lib/logger.server";

export interface Health {
  status: "ok" | "unavailable";
  database: "ok" | "unreachable";
}

export async function checkHealth(db: PrismaClient): Promise<Health> {
  try {
    await db.$queryRaw`SELECT 1`;
    return { status: "ok", database: "ok" };
  } catch (error) {
    logger.error("Health check: database unreachable", { error });
    return { status: "unavailable", database: "unreachable" };
  }
}
