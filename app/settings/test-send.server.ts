import { sendTestDelivery, type TestDeliveryRequest } from "~/outbound/send-test-delivery.server";

/** Enough of the endpoint's answer to read an error message, as the page shows it. */
export const SHOWN_RESPONSE_BYTES = 1024;

export type TestSendReport =
  | {
      status: "delivered" | "failed";
      statusCode: number | null;
      latencyMs: number;
      error: string | null;
      responseBody: string | null;
      responseTruncated: boolean;
    }
  | { status: "template_error"; line: number | null; error: string };

/** One test delivery to the shop's destination for one of its checkouts; null when either is not the shop's. */
export async function testSendToDestination(request: TestDeliveryRequest): Promise<TestSendReport | null> {
  const outcome = await sendTestDelivery(request);
  if (outcome.status === "not_found") return null;
  if (outcome.status === "template_error") return outcome;
  const { status, statusCode, latencyMs, error, responseBody } = outcome;
  return { status, statusCode, latencyMs, error, ...firstBytes(responseBody) };
}

function firstBytes(body: string | null): { responseBody: string | null; responseTruncated: boolean } {
  if (body === null) return { responseBody: null, responseTruncated: false };
  const bytes = Buffer.from(body);
  if (bytes.length <= SHOWN_RESPONSE_BYTES) return { responseBody: body, responseTruncated: false };
  // A cut through a multi-byte character leaves a replacement character rather than invalid text.
  return { responseBody: bytes.subarray(0, SHOWN_RESPONSE_BYTES).toString("utf8"), responseTruncated: true };
}
