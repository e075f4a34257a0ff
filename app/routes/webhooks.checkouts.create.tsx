import type { ActionFunctionArgs } from "@remix-run/node";
import { checkoutsCreate } from "~/webhooks/checkouts.server";
import { receiveWebhook } from "~/webhooks/receive.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, checkoutsCreate);
