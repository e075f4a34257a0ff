import { z } from "zod";
import type { Db } from "~/db/client.server";
import { recordActivity } from "~/models/activity.server";
import { recordEngagement, type Engagement } from "~/models/engagement.server";
import { recordMessageEvent } from "~/models/message-event.server";
import { findStepRun } from "~/models/step-run.server";
import { suppressAddress, type SuppressionReason } from "~/models/suppression.server";
import type { ActivityKind, StopReason } from "~/recovery/activity";
import { stopEnrollment } from "~/recovery/stop-enrollment.server";

/** A field we can do without: a missing or odd value is dropped rather than costing the whole event. */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const sendgridEvent = z.object({
  // SendGrid documents sg_event_id as at most 100 characters in one place and "can exceed 100" in another.
  sg_event_id: z.string().min(1).max(1000),
  event: z.string().min(1).max(64),
  timestamp: z.number().nonnegative(),
  email: lenient(z.string().max(320)),
  // Our custom args come back as top-level keys, always as strings.
  shop: lenient(z.string().min(1).max(255)),
  step_run_id: lenient(z.string().regex(/^[1-9]\d{0,14}$/).transform(Number)),
  type: lenient(z.string().max(64)),
  reason: lenient(z.string().max(2000)),
  status: lenient(z.string().max(64)),
  bounce_classification: lenient(z.string().max(64)),
  url: lenient(z.string().max(8192)),
  sg_machine_open: lenient(z.boolean()),
});

type SendgridEvent = z.infer<typeof sendgridEvent>;

export interface EventBatchOutcome {
  applied: number;
  duplicate: number;
  /** Not an event object with an id, a type and a time. */
  malformed: number;
  /** Without our shop and step_run_id custom args: not sent by the sequencer (a test send, an account event). */
  unattributed: number;
  /** Names a step run that is not that shop's, or no longer exists. */
  unknownStepRun: number;
}

/** What one SendGrid event means for the message it reports on. */
interface EventEffect {
  /** The stored event name. */
  event: string;
  /** Never the recipient's words or address: rows outlive the shopper's erasure. */
  reason: string | null;
  url: string | null;
  engagement?: Engagement;
  activity?: ActivityKind;
  suppression?: SuppressionReason;
  /** An opt-out ends the shopper's sequence at once, so the storefront banner goes with the emails. */
  stopsSequence?: StopReason;
}

// Drops of addresses on one of SendGrid's own suppression lists; other drops ("Invalid", "Spam Content",
// quota) say nothing about the address.
const SUPPRESSED_ADDRESS_DROP = /bounced address|unsubscribed address|spam reporting address/i;

/**
 * Applies a batch of Event Webhook events, each exactly once (keyed by sg_event_id), to the step runs
 * they name. Meant to run in one transaction with the whole batch, so a failure leaves nothing behind
 * for SendGrid's retry to trip over.
 */
export async function applySendgridEvents(tx: Db, events: unknown[]): Promise<EventBatchOutcome> {
  const outcome: EventBatchOutcome = { applied: 0, duplicate: 0, malformed: 0, unattributed: 0, unknownStepRun: 0 };
  for (const item of events) outcome[await applyEvent(tx, item)]++;
  return outcome;
}

async function applyEvent(tx: Db, item: unknown): Promise<keyof EventBatchOutcome> {
  const parsed = sendgridEvent.safeParse(item);
  if (!parsed.success) return "malformed";
  const event = parsed.data;
  const { shop, step_run_id: stepRunId } = event;
  if (!shop || !stepRunId) return "unattributed";
  const run = await findStepRun(tx, shop, stepRunId);
  if (!run) return "unknownStepRun";

  const effect = effectOf(event);
  const occurredAt = new Date(event.timestamp * 1000);
  const { event: stored, url, reason } = effect;
  const isNew = await recordMessageEvent(tx, shop, { providerEventId: event.sg_event_id, stepRunId, event: stored, url, reason, occurredAt });
  if (!isNew) return "duplicate";

  if (effect.engagement) await recordEngagement(tx, shop, stepRunId, effect.engagement, occurredAt);
  if (effect.activity) {
    await recordActivity(tx, shop, {
      kind: effect.activity,
      at: occurredAt,
      checkoutId: run.checkoutId,
      enrollmentId: run.enrollmentId,
      stepRunId,
      reason: reason ?? event.event,
    });
  }
  if (effect.suppression && event.email) await suppressAddress(tx, shop, event.email, effect.suppression, occurredAt);
  if (effect.stopsSequence && run.checkoutId) {
    await stopEnrollment(tx, shop, { id: run.enrollmentId, checkoutId: run.checkoutId }, effect.stopsSequence, occurredAt);
  }
  return "applied";
}

function effectOf(event: SendgridEvent): EventEffect {
  const recorded = { event: event.event, reason: null, url: null };
  switch (event.event) {
    case "delivered":
      return { ...recorded, engagement: "delivered", activity: "delivered" };
    case "open":
      // Apple Mail Privacy Protection fetches every message's images on arrival: that proves delivery,
      // not that anyone read it. Kept under its own name so open counts stay human.
      return event.sg_machine_open
        ? { ...recorded, event: "machine_open", engagement: "delivered" }
        : { ...recorded, engagement: "opened", activity: "opened" };
    case "click":
      return { ...recorded, url: withoutQuery(event.url), engagement: "clicked", activity: "clicked" };
    case "bounce":
      // "blocked" is a soft bounce (a reputation or content block): the address itself may be fine.
      return {
        ...recorded,
        reason: [event.type ?? "bounce", event.bounce_classification, event.status].filter(Boolean).join(", "),
        engagement: "bounced",
        activity: "bounced",
        ...(event.type === "bounce" && { suppression: "bounced" as const }),
      };
    case "dropped": {
      const reason = withoutAddresses(event.reason ?? "unknown");
      return { ...recorded, reason, activity: "dropped", ...(SUPPRESSED_ADDRESS_DROP.test(reason) && { suppression: "dropped" as const }) };
    }
    case "spamreport":
      return { ...recorded, activity: "spam_reported", suppression: "spam_report", stopsSequence: "suppressed" };
    case "unsubscribe":
    case "group_unsubscribe":
      return { ...recorded, activity: "unsubscribed", suppression: "unsubscribed", stopsSequence: "unsubscribed" };
    default:
      return recorded;
  }
}

/** Which link was clicked, without the query that may carry tokens or the shopper's details. */
function withoutQuery(url: string | undefined): string | null {
  if (!url || !URL.canParse(url)) return null;
  const { origin, pathname } = new URL(url);
  return origin + pathname;
}

function withoutAddresses(text: string): string {
  return text.replace(/\S+@\S+/g, "[address]").slice(0, 255);
}
