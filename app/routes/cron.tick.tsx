import type { ActionFunctionArgs } from "@remix-run/node";
import { config } from "~/config.server";
import { hasBearerSecret } from "~/lib/bearer.server";
import { tick } from "~/services.server";

// For external schedulers (a platform cron, a Kubernetes CronJob): POST with the CRON_SECRET bearer.
export const action = async ({ request }: ActionFunctionArgs) => {
  if (!config.cronSecret) return new Response("Set CRON_SECRET to enable this endpoint", { status: 404 });
  if (!hasBearerSecret(request, config.cronSecret)) return new Response("Unauthorized", { status: 401 });
  return Response.json(await tick(new Date()));
};
