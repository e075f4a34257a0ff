import { storedCartLines } from "~/checkouts/cart-line";
import { chooseStepVariant } from "~/experiments/choose-variant.server";
import { seededRandom } from "~/experiments/seeded-random";
import { messageLinks } from "~/links/message-links.server";
import type { Claim } from "~/models/step-run.server";
import { templateContents } from "~/models/template.server";
import { buildTemplateContext, chooseLocale } from "~/templates/context";
import { renderEmail } from "~/templates/render";
import { TemplateError } from "~/templates/template-error";
import type { SendRecords } from "./send-records.server";
import type { Clock, SequencerServices } from "./sequencer-services";
import type { StepContext } from "./step-context.server";
import { offerStepDiscount } from "./step-discount.server";
import { stepOutcomes, type SendOutcome } from "./step-outcomes.server";

/**
 * Renders the step's template (or its A/B variant's) for the newest cart, creates the step's discount
 * code if it offers one, and sends. The run is marked as sending before the provider is called, so a
 * crash in between can be told apart from one before it; after the call, the provider's answer decides
 * between sent, a later retry, waiting for SendGrid's events, and failure.
 */
export async function sendEmailStep(services: SequencerServices, claim: Claim, context: StepContext, clock: Clock, records: SendRecords): Promise<SendOutcome> {
  const { db } = services;
  const { run, enrollment, step, shop, checkout } = context;
  const outcomes = stepOutcomes(services, claim, context, clock);
  const { where, fail, retryLater, awaitConfirmation } = outcomes;

  const fromEmail = shop.senderEmail ?? services.defaultSender.email;
  if (!fromEmail) return fail("no_sender_address", "Set a sender address in Settings or EMAIL_FROM_ADDRESS");

  // Seeded by the run, so the A/B decision is reproducible and needs nothing from the retry jitter.
  const variant = await chooseStepVariant(db, shop.domain, step, enrollment.id, seededRandom(run.id));
  const contents = variant?.templateId ? await templateContents(db, shop.domain, variant.templateId) : (step.template?.contents ?? []);
  const locale = chooseLocale(
    contents.map((content) => content.locale),
    checkout.locale,
    shop.locale,
  );
  const chosen = contents.find((content) => content.locale === locale)!;
  const source = variant?.subject ? { ...chosen, subject: variant.subject } : chosen;

  const offer = await offerStepDiscount(services, context, clock, outcomes);
  if ("ended" in offer) return offer.ended;

  const links = messageLinks(run.id, clock());
  let rendered;
  try {
    const cart = { ...checkout, lineItems: storedCartLines(checkout.lineItems) };
    rendered = await renderEmail(source, buildTemplateContext({ shop, checkout: cart, links, stepNumber: run.position, discount: offer.discount }));
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return fail("template_error", `${error.field}, line ${error.line}: ${error.message}`);
  }

  const email = checkout.email!;
  const attempt = { checkoutId: checkout.id, recipientHash: context.recipientHash, locale, variantId: variant?.id ?? null };
  if (!(await records.markStarted(claim, attempt, clock()))) return "lost";
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

  if (result.status === "rejected") return fail("provider_rejected", result.error);
  if (result.status === "retryable") return retryLater("provider_unavailable", result.error, result.retryAfterMs);
  // Sending again now could email twice: reconciliation waits for SendGrid's events instead.
  if (result.status === "unconfirmed") return awaitConfirmation(result.error);
  const now = clock();
  const sent = { status: "sent" as const, providerMessageId: result.messageId, sentAt: now };
  return (await records.concludeSent({ claim, run: where, enrollment, conclusion: sent, now })) ? "sent" : "lost";
}
