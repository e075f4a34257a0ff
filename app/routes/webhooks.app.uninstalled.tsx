import type { ActionFunctionArgs } from "@remix-run/node";
import { appUninstalled } from "~/webhooks/app-lifecycle.server";
import { receiveWebhook } from "~/webhooks/receive.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, appUninstalled);
