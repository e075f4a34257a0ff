import type { ActionFunctionArgs } from "@remix-run/node";
import { ordersCreate } from "~/webhooks/orders.server";
import { receiveWebhook } from "~/webhooks/receive.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, ordersCreate);
