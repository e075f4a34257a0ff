import os from "node:os";
import { describe, expect, it } from "vitest";
import { createDbClient } from "~/db/client.server";
import { checkHealth } from "~/ops/health.server";
import { loader } from "~/routes/healthz";

describe("GET /healthz", () => {
  it("answers 200 when the database answers", async () => {
    const response = await loader();

    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("reports the database unreachable instead of throwing", async () => {
    const broken = createDbClient(`file:${os.tmpdir()}`);
    expect(await checkHealth(broken)).toEqual({ status: "unavailable", database: "unreachable" });
  });
});
