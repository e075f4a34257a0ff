import { db } from "~/db/client.server";
import { checkHealth } from "~/ops/health.server";

export const loader = async () => {
  const health = await checkHealth(db);
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
};
