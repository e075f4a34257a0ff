import { beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.CRON_SECRET = "tick-secret-for-tests";
});

const { action } = await import("~/routes/cron.tick");
const { resetDatabase } = await import("../support/database");

const tickRequest = (headers: Record<string, string> = {}) => ({
  request: new Request("https://my-test-app.myshopify.io/cron/tick", { method: "POST", headers }),
  params: {},
  context: {},
});

beforeEach(() => resetDatabase());

describe("POST /cron/tick", () => {
  it("runs a sequencer tick for a caller holding CRON_SECRET and reports what it did", async () => {
    const response = await action(tickRequest({ Authorization: "Bearer tick-secret-for-tests" }));

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ abandoned: 0, reconciled: 0, sent: 0 });
  });

  it("refuses a missing or wrong secret", async () => {
    const attempts: Record<string, string>[] = [{}, { Authorization: "Bearer wrong" }, { Authorization: "tick-secret-for-tests" }];
    for (const headers of attempts) {
      expect((await action(tickRequest(headers))).status).toBe(401);
    }
  });
});
