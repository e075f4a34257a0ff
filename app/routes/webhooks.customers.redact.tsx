import type { ActionFunctionArgs } from "@remix-run/node";
import { customersRedact } from "~/webhooks/compliance.server";
import { receiveWebhookRequest } from "~/webhooks/receive.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhookRequest(request, customersRedact);
