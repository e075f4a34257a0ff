import type { ActionFunctionArgs } from "@remix-run/node";
import { customersDataRequest } from "~/webhooks/compliance.server";
import { receiveWebhook } from "~/webhooks/receive.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, customersDataRequest);
