import type { ActionFunctionArgs } from "@remix-run/node";
import { checkoutsUpdate } from "~/webhooks/checkouts.server";
import { receiveWebhook } from "~/webhooks/receive.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, checkoutsUpdate);
