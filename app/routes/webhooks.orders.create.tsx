import type { ActionFunctionArgs } from "@remix-run/node";
import { ordersCreate } from "~/webhooks/orders.server";
import { receiveWebhookRequest } from "~/webhooks/receive.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhookRequest(request, ordersCreate);
