import type { ActionFunctionArgs } from "@remix-run/node";
import { shopRedact } from "~/webhooks/compliance.server";
import { receiveWebhookRequest } from "~/webhooks/receive.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhookRequest(request, shopRedact);
