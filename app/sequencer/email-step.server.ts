import { storedCartLines } from "~/checkouts/cart-line";
import { contactHash } from "~/lib/contact-hash";
import { logger } from "~/lib/logger.server";
import { messageLinks } from "~/links/message-links.server";
import { recordActivity } from "~/models/activity.server";
import { markSendStarted, reschedule, type Claim } from "~/models/step-run.server";
import { buildTemplateContext, chooseLocale } from "~/templates/context";
import { renderEmail } from "~/templates/render";
import { TemplateError } from "~/templates/template-error";
import { concludeRun } from "./conclude-run.server";
import { retryDelayMs, retryGivesUp } from "./retry-policy";
import type { Clock, SequencerServices } from "./sequencer-services";
import type { StepContext } from "./step-context.server";

export type EmailStepOutcome = "sent" | "retrying" | "failed" | "lost";

/**
 * Renders the step's template for the newest cart and sends it. The run is marked as sending before
 * the provider is called, so a crash in between can be told apart from one before it; after the
 * call, the provider's answer decides between sent, a later retry, and failure.
 */
export async function sendEmailStep(services: SequencerServices, claim: Claim, context: StepContext, clock: Clock): Promise<EmailStepOutcome> {
  const { db } = services;
  const { run, enrollment, step, shop, checkout } = context;
  const email = checkout.email!;
  const contents = step.template?.contents ?? [];
  const locale = chooseLocale(
    contents.map((content) => content.locale),
    checkout.locale,
    shop.locale,
  );
  const source = contents.find((content) => content.locale === locale)!;
  const fail = async (reason: string, error?: string) => {
    await concludeRun(db, claim, { position: run.position, checkoutId: checkout.id }, enrollment, { status: "failed", reason, error }, clock());
    return "failed" as const;
  };

  const fromEmail = shop.senderEmail ?? services.defaultSender.email;
  if (!fromEmail) return fail("no_sender_address", "Set a sender address in Settings or EMAIL_FROM_ADDRESS");

  const links = messageLinks(run.id, clock());
  let rendered;
  try {
    const cart = { ...checkout, lineItems: storedCartLines(checkout.lineItems) };
    rendered = await renderEmail(source, buildTemplateContext({ shop, checkout: cart, links, stepNumber: run.position }));
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return fail("template_error", `${error.field}, line ${error.line}: ${error.message}`);
  }

  const attempt = { checkoutId: checkout.id, recipientHash: contactHash(shop.domain, email), locale };
  if (!(await markSendStarted(db, claim, attempt, clock()))) return "lost";
  const result = await services.email.send({
    to: { email, ...(checkout.firstName && { name: [checkout.firstName, checkout.lastName].filter(Boolean).join(" ") }) },
    from: { email: fromEmail, name: shop.senderName ?? services.defaultSender.name ?? shop.name ?? shop.domain },
    ...(shop.replyToEmail && { replyTo: { email: shop.replyToEmail } }),
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    unsubscribeUrl: links.unsubscribeUrl,
    categories: ["comeback", "abandoned-checkout", `step-${run.position}`],
    customArgs: { shop: shop.domain, enrollment_id: String(enrollment.id), step_run_id: String(run.id), step: String(run.position) },
  });

  const now = clock();
  if (result.status === "sent") {
    const sent = { status: "sent" as const, providerMessageId: result.messageId, sentAt: now };
    return (await concludeRun(db, claim, { position: run.position, checkoutId: checkout.id }, enrollment, sent, now)) ? "sent" : "lost";
  }
  if (result.status === "rejected") return fail("provider_rejected", result.error);

  const retryAt = new Date(now.getTime() + retryDelayMs(run.attempts + 1, result.retryAfterMs, services.random));
  if (retryGivesUp(run.scheduledAt, retryAt)) return fail("provider_unavailable", result.error);
  logger.warn("Email provider failed; retrying later", { shop: shop.domain, stepRunId: run.id, error: result.error, retryAt });
  await reschedule(db, claim, retryAt, result.error);
  await recordActivity(db, shop.domain, {
    kind: "step_retrying",
    reason: "provider_unavailable",
    stepRunId: run.id,
    enrollmentId: enrollment.id,
    checkoutId: checkout.id,
    at: now,
    detail: { step: run.position, error: result.error, retryAt: retryAt.toISOString() },
  });
  return "retrying";
}
