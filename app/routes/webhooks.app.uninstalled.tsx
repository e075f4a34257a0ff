import type { ActionFunctionArgs } from "@remix-run/node";
import { appUninstalled } from "~/webhooks/app-lifecycle.server";
import { receiveWebhookRequest } from "~/webhooks/receive.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhookRequest(request, appUninstalled);
