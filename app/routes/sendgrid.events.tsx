import type { ActionFunctionArgs } from "@remix-run/node";
import { config } from "~/config.server";
import { receiveSendgridEvents } from "~/email/sendgrid-events.server";

export const action = ({ request }: ActionFunctionArgs) => receiveSendgridEvents(request, config.sendgrid.eventWebhookPublicKey);
