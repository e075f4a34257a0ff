import { beforeEach, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { resetDatabase } from "../support/database";
import { createSentMessage } from "./recovery";
import { createShop } from "./shop";

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

it("builds a complete sent message, and resetDatabase removes it all", async () => {
  const world = await createSentMessage();
  expect(world.stepRun.status).toBe("sent");
  expect(world.enrollment.checkoutId).toBe(world.checkout.id);

  await resetDatabase();
  expect(await db.stepRun.count()).toBe(0);
  expect(await db.template.count()).toBe(0);
});
