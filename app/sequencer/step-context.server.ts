import type { Checkout, Enrollment, Shop, StepRun } from "@prisma/client";
import type { Db } from "~/db/client.server";
import type { CheckoutStatus } from "~/checkouts/checkout-status";
import { contactHash } from "~/lib/contact-hash";
import { shopKey } from "~/models/by-shop.server";
import { findCheckouts } from "~/models/checkout.server";
import { findEnrollments } from "~/models/enrollment.server";
import { purchasedSince } from "~/models/order.server";
import { findShops } from "~/models/shop.server";
import { emailsSentTo, findStepRuns, sentRunsOfEnrollments, type Claim } from "~/models/step-run.server";
import { suppressionsOf } from "~/models/suppression.server";
import type { StopReason } from "~/recovery/activity";
import { toE164 } from "~/outbound/e164";
import { destinationRequirements } from "~/outbound/presets";
import { hasEmailMarketingConsent } from "~/recovery/consent";
import type { StepSituation } from "./decide-step";
import { endOfQuietHours } from "./quiet-hours";
import type { StepReader, StepWithTemplate } from "./tick-step-reader.server";

const HOUR = 60 * 60 * 1000;

/** A claimed run with everything its send reads: its rows, its step, and the send-time check's situation. */
export interface StepContext {
  run: StepRun;
  enrollment: Enrollment;
  step: StepWithTemplate;
  shop: Shop;
  checkout: Checkout;
  /** The hash of the checkout's address, the frequency cap's key; null without an address. */
  recipientHash: string | null;
  situation: StepSituation;
}

type FoundRun = Omit<StepContext, "situation">;

/** Reads everything the send-time check needs for one claimed step run: loadStepContexts for one. */
export async function loadStepContext(db: Db, claim: Claim, now: Date, readStep: StepReader): Promise<StepContext | null> {
  const [context] = await loadStepContexts(db, [claim], now, readStep);
  return context!;
}

/**
 * Reads everything the send-time check needs for a batch of claimed step runs, of any shops, fresh
 * from the database: a few queries for the whole batch rather than a dozen for each run. The steps
 * themselves (what to send) come through `readStep`, which a tick may let reuse a recent read; a
 * claim that comes with its run, as a batch claim does, spares reading it again. A run
 * whose data is gone (shop/redact while it waited) has no context.
 */
export async function loadStepContexts(db: Db, claims: Array<Claim & { run?: StepRun }>, now: Date, readStep: StepReader): Promise<Array<StepContext | null>> {
  if (claims.length === 0) return [];
  const unread = claims.filter((claim) => !claim.run);
  const read = unread.length ? await findStepRuns(db, unread.map(({ shop, id }) => [shop, id] as const)) : [];
  const runs = rowsByShop([...claims.flatMap((claim) => claim.run ?? []), ...read]);
  const claimed = claims.flatMap((claim) => runs.get(shopKey(claim.shop, claim.id)) ?? []);
  const enrollments = rowsByShop(await findEnrollments(db, claimed.map((run) => [run.shop, run.enrollmentId] as const)));
  const checkouts = rowsByShop(await findCheckouts(db, [...enrollments.values()].map((enrollment) => [enrollment.shop, enrollment.checkoutId] as const)));
  const shops = new Map((await findShops(db, claims.map((claim) => claim.shop))).map((shop) => [shop.domain, shop]));
  const steps = await Promise.all(claimed.map((run) => readStep(run.shop, run.stepId)));

  const found = claimed.flatMap((run, index): FoundRun[] => {
    const enrollment = enrollments.get(shopKey(run.shop, run.enrollmentId));
    const checkout = enrollment && checkouts.get(shopKey(run.shop, enrollment.checkoutId));
    const shop = shops.get(run.shop);
    const step = steps[index];
    return enrollment && checkout && shop && step ? [{ run, enrollment, step, shop, checkout, recipientHash: checkout.email ? contactHash(shop.domain, checkout.email) : null }] : [];
  });
  const facts = await sendTimeFacts(db, found, now);
  const contexts = new Map(found.map((context, index) => [shopKey(context.run.shop, context.run.id), withSituation(context, facts[index]!, now)]));
  return claims.map((claim) => contexts.get(shopKey(claim.shop, claim.id)) ?? null);
}

interface SendTimeFacts {
  purchased: boolean;
  suppression: StepSituation["suppression"];
  previousClicked: boolean;
  lastSentAt: Date | null;
}

/**
 * What the send-time check reads besides the run's own rows, for the whole batch at once: purchases,
 * suppressions, earlier messages' clicks, and the last email to each address within its shop's
 * frequency cap. A batch that holds two runs for one address counts the earlier one as sent now, as
 * it will be by the time the later one would go.
 */
async function sendTimeFacts(db: Db, found: FoundRun[], now: Date): Promise<SendTimeFacts[]> {
  const emailed = found.filter((context) => context.recipientHash !== null);
  const capSince = (context: FoundRun) => new Date(now.getTime() - context.shop.frequencyCapHours * HOUR);
  const [purchased, suppressions, sentRuns, sentEmails] = await Promise.all([
    purchasedSince(
      db,
      found.map(({ enrollment, checkout }) => ({
        shop: enrollment.shop,
        since: enrollment.cartStartedAt,
        enrollmentId: enrollment.id,
        checkoutToken: checkout.token,
        cartToken: checkout.cartToken,
        customerId: checkout.customerId,
        email: checkout.email,
        phone: checkout.phone,
      })),
    ),
    suppressionsOf(db, emailed.map((context) => [context.shop.domain, context.recipientHash!] as const)),
    sentRunsOfEnrollments(db, found.filter((context) => context.step.skipIfClicked).map(({ enrollment }) => [enrollment.shop, enrollment.id] as const)),
    emailsSentTo(db, emailed.map((context) => ({ shop: context.shop.domain, recipientHash: context.recipientHash!, since: capSince(context) }))),
  ]);
  const suppressed = new Map(suppressions.map((row) => [shopKey(row.shop, row.contactHash), row.reason]));
  const lastSent = new Map<string, Date>();
  for (const email of sentEmails) {
    const key = shopKey(email.shop, email.recipientHash);
    if (email.sentAt > (lastSent.get(key) ?? new Date(0))) lastSent.set(key, email.sentAt);
  }
  return found.map((context, index) => {
    const recipient = context.recipientHash && shopKey(context.shop.domain, context.recipientHash);
    const previous = sentRuns
      .filter((sent) => sent.shop === context.enrollment.shop && sent.enrollmentId === context.enrollment.id && sent.position < context.run.position)
      .sort((a, b) => b.position - a.position)[0];
    const lastSentAt = recipient ? (lastSent.get(recipient) ?? null) : null;
    if (recipient && context.step.channel === "email" && context.shop.frequencyCapHours > 0) lastSent.set(recipient, now);
    return {
      purchased: purchased[index]!,
      suppression: recipient ? (suppressed.get(recipient) ?? null) : null,
      previousClicked: Boolean(previous?.firstClickedAt),
      lastSentAt,
    };
  });
}

function withSituation(context: FoundRun, facts: SendTimeFacts, now: Date): StepContext {
  const { step, shop, checkout } = context;
  const situation: StepSituation = {
    shopInstalled: shop.status === "installed",
    enrollmentEnded: context.enrollment.status === "active" ? null : { reason: context.enrollment.stopReason as StopReason | null },
    purchased: facts.purchased,
    checkoutStatus: checkout.status as CheckoutStatus,
    holdout: context.enrollment.holdout,
    channel: step.channel,
    email: checkout.email,
    destination: step.destination?.enabled ? destinationNeeds(step.destination) : null,
    phone: toE164(checkout.phone, checkout.countryCode),
    smsConsented: checkout.acceptsSmsMarketing,
    suppression: facts.suppression,
    consentRequired: shop.requireMarketingConsent,
    consented: hasEmailMarketingConsent(checkout),
    templateAvailable: (step.template?.contents.length ?? 0) > 0,
    // Without exchange rates a minimum in the shop's currency can only judge carts in that currency.
    cartBelowMinimum: step.minCartValueMinor !== null && checkout.currency === shop.currency && checkout.totalPriceMinor < step.minCartValueMinor,
    previousClicked: facts.previousClicked,
    quietUntil: endOfQuietHours(now, { timezone: shop.timezone, startMinute: shop.quietHoursStartMinute, endMinute: shop.quietHoursEndMinute }),
    cappedUntil: facts.lastSentAt ? new Date(facts.lastSentAt.getTime() + shop.frequencyCapHours * HOUR) : null,
  };
  return { ...context, situation };
}

/** Rows of several shops, by shop and id. */
function rowsByShop<Row extends { shop: string; id: number }>(rows: Row[]): Map<string, Row> {
  return new Map(rows.map((row) => [shopKey(row.shop, row.id), row]));
}

function destinationNeeds(destination: { preset: string | null }) {
  const needs = destinationRequirements(destination);
  return { needsPhone: needs.phone, needsSmsConsent: needs.smsConsent };
}
