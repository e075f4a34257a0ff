import { db } from "~/db/client.server";
import { logger } from "~/lib/logger.server";
import { applySendgridEvents } from "./sendgrid-event-effects.server";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySendgridSignature } from "./sendgrid-signature.server";

/**
 * The one path SendGrid's Event Webhook takes: verify the signature over the raw body, then apply the
 * whole batch in one transaction. SendGrid retries anything but a 2xx for 24 hours and delivers
 * duplicates anyway, so each event is stored once by its sg_event_id in the same transaction as its
 * effect, and 200 is only answered once that transaction has committed.
 *
 * The signed timestamp is not checked for freshness: SendGrid documents no replay window, and a
 * replayed post only repeats events that are already stored.
 */
export async function receiveSendgridEvents(request: Request, publicKey: string | null): Promise<Response> {
  if (!publicKey) return reject(401, "SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY is not set, so no event post can be verified");
  const signature = request.headers.get(SIGNATURE_HEADER);
  const timestamp = request.headers.get(TIMESTAMP_HEADER);
  if (!signature || !timestamp) return reject(401, "Missing signature or timestamp header");

  const rawBody = Buffer.from(await request.arrayBuffer());
  if (!verifySendgridSignature({ publicKey, rawBody, signature, timestamp })) {
    return reject(401, "Signature does not match the configured verification key", { timestamp, bytes: rawBody.length });
  }

  let batch: unknown;
  try {
    batch = JSON.parse(rawBody.toString("utf8"));
  } catch {
    return reject(400, "Body is not valid JSON", { bytes: rawBody.length });
  }
  if (!Array.isArray(batch)) return reject(400, "Body is not a JSON array of events", { bytes: rawBody.length });

  try {
    const outcome = await db.$transaction((tx) => applySendgridEvents(tx, batch));
    logger.info("SendGrid events applied", { events: batch.length, ...outcome });
  } catch (error) {
    logger.error("SendGrid events not stored; SendGrid will retry them", { events: batch.length, error });
    return new Response("Not stored, please retry", { status: 500 });
  }
  return new Response(null, { status: 200 });
}

function reject(status: number, message: string, fields: Record<string, unknown> = {}): Response {
  logger.warn(`Rejected SendGrid event post: ${message}`, fields);
  return new Response(message, { status });
}
