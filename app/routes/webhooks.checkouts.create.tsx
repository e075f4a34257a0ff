import type { ActionFunctionArgs } from "@remix-run/node";
import { checkoutsCreate } from "~/webhooks/checkouts.server";
import { receiveWebhookRequest } from "~/webhooks/receive.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhookRequest(request, checkoutsCreate);
