import type { PrismaClient } from "@prisma/client";
import { activeSequenceVersion } from "~/models/sequence.server";
import { installShop, updateShopSettings, type ShopSettings } from "~/models/shop.server";
import { ensureDefaultSequence } from "~/recovery/default-sequence.server";
import type { SeededSequence } from "./seed-history";

export const BENCH_SHOP = "bench-outfitters.myshopify.com";

/**
 * The benchmarks' shop, installed as afterAuth leaves a new one (the default three-email sequence),
 * in UTC so that rollup days are UTC days, with the given settings. Returns its active sequence.
 */
export async function installBenchShop(db: PrismaClient, settings: ShopSettings = {}): Promise<SeededSequence> {
  await installShop(db, BENCH_SHOP, { name: "Bench Outfitters", timezone: "UTC", currency: "USD" });
  await ensureDefaultSequence(db, BENCH_SHOP);
  await updateShopSettings(db, BENCH_SHOP, { senderEmail: "hello@bench-outfitters.example", senderName: "Bench Outfitters", ...settings });
  const version = (await activeSequenceVersion(db, BENCH_SHOP))!;
  return { versionId: version.id, steps: version.steps.map(({ id, position, delayMinutes }) => ({ id, position, delayMinutes })) };
}
