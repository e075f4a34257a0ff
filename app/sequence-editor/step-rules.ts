import { DEFAULT_EXPIRY_HOURS, discountOffer } from "~/discounts/discount-offer";
import { translate } from "~/i18n/messages";
import type { UiLocale } from "~/i18n/ui-locale";
import type { FieldErrors } from "~/lib/field-errors.server";
import { isDecimalString, toMinorUnits } from "~/lib/money";
import type { AbTestDefinition, StepDefinition, VariantDefinition } from "~/models/sequence.server";
import { renderLiquid } from "~/templates/liquid-sandbox";
import { buildSampleContext } from "~/templates/sample-context";
import { TemplateError } from "~/templates/template-error";
import { MINUTES_PER_UNIT } from "./delay-units";
import { sequenceRuleMessages } from "./sequence-rule-messages";
import { MAX_VARIANTS, MIN_VARIANTS, type StepForm } from "./step-form";

export const MAX_STEPS = 10;
// A reminder a month after the cart no longer speaks to it; the bound also keeps minutes far inside the Int column.
export const MAX_DELAY_DAYS = 30;
const MAX_EXPIRY_HOURS = 30 * 24;
const MAX_WEIGHT = 100;
const MAX_MIN_SAMPLE = 100_000;
const MAX_LABEL_LENGTH = 20;
const WHOLE_NUMBER = /^-?\d+$/;
const INVALID = Symbol("invalid");

/** What a step may point at: the shop's own templates and destinations, and its currency for amounts. */
export interface StepChoices {
  currency: string;
  templateIds: ReadonlySet<number>;
  destinationIds: ReadonlySet<number>;
}

export type CheckedSteps = { steps: StepDefinition[] } | { fieldErrors: FieldErrors };

type RuleMessage = keyof (typeof sequenceRuleMessages)["en"];

/**
 * Checks the edited steps and turns them into step definitions, or says what is wrong under each field:
 * keys are "steps.<index>.<field>" with 0-based indexes, e.g. "steps.1.delayMinutes" for the second step.
 */
export async function checkSteps(steps: StepForm[], choices: StepChoices, locale: UiLocale): Promise<CheckedSteps> {
  const fieldErrors: FieldErrors = {};
  // The first problem of a field is the one worth fixing first; later ones usually follow from it.
  const report = (key: string, message: RuleMessage, params?: Record<string, string | number>): null => {
    fieldErrors[key] ??= translate(sequenceRuleMessages[locale][message], params);
    return null;
  };
  const rules = stepRules(choices, report);

  if (steps.length === 0) report("steps", "noSteps");
  if (steps.length > MAX_STEPS) report("steps", "tooManySteps", { max: MAX_STEPS });
  const definitions: StepDefinition[] = [];
  let previousDelay: number | null = null;
  for (const [index, step] of steps.entries()) {
    const field = (name: string) => `steps.${index}.${name}`;
    const delayMinutes = rules.delay(step, previousDelay, index, field("delayMinutes"));
    if (delayMinutes !== null) previousDelay = delayMinutes;
    if (step.skipIfClicked && index === 0) report(field("skipIfClicked"), "firstStepSkipIfClicked");
    const isEmail = step.channel === "email";
    definitions.push({
      delayMinutes: delayMinutes ?? 0,
      channel: step.channel,
      templateId: isEmail ? rules.pick(step.templateId, choices.templateIds, field("templateId"), "templateRequired", "templateUnknown") : null,
      destinationId: isEmail ? null : rules.pick(step.destinationId, choices.destinationIds, field("destinationId"), "destinationRequired", "destinationUnknown"),
      minCartValueMinor: rules.minimum(step.minCartValue, field("minCartValue")),
      skipIfClicked: step.skipIfClicked,
      enabled: step.enabled,
      discount: rules.discount(step, field),
      abTest: await rules.abTest(step, field),
    });
  }
  return Object.keys(fieldErrors).length > 0 ? { fieldErrors } : { steps: definitions };
}

function stepRules({ currency, templateIds }: StepChoices, report: (key: string, message: RuleMessage, params?: Record<string, string | number>) => null) {
  const wholeNumber = (text: string, key: string, min: number, max: number): number | null => {
    const value = Number(text.trim());
    return WHOLE_NUMBER.test(text.trim()) && value >= min && value <= max ? value : report(key, "wholeNumberRange", { min, max });
  };

  /** An id among the allowed ones; an id of another shop's record reads as unknown, like any other. */
  const pick = (text: string, allowed: ReadonlySet<number>, key: string, missing: RuleMessage, unknown: RuleMessage): number | null => {
    if (!text.trim()) return report(key, missing);
    const id = Number(text);
    return allowed.has(id) ? id : report(key, unknown);
  };

  /** An optional amount in the shop's currency, in minor units; zero means none. */
  const amount = (text: string, key: string): bigint | null | typeof INVALID => {
    const value = text.trim();
    if (!value) return null;
    if (!isDecimalString(value) || value.startsWith("-")) {
      report(key, "amountInvalid");
      return INVALID;
    }
    const minor = toMinorUnits(value, currency);
    return minor === 0n ? null : minor;
  };

  const minimum = (text: string, key: string): bigint | null => {
    const minor = amount(text, key);
    return minor === INVALID ? null : minor;
  };

  const delay = (step: StepForm, previous: number | null, index: number, key: string): number | null => {
    if (!WHOLE_NUMBER.test(step.delayAmount.trim())) return report(key, "wholeNumber");
    const minutes = Number(step.delayAmount.trim()) * MINUTES_PER_UNIT[step.delayUnit];
    if (minutes < 0) return report(key, "delayNegative");
    if (minutes > MAX_DELAY_DAYS * MINUTES_PER_UNIT.days) return report(key, "delayTooLong", { days: MAX_DELAY_DAYS });
    // Steps are scheduled one after another, so a shorter delay would not send sooner, only at once.
    if (previous !== null && minutes < previous) return report(key, "delayBeforePrevious", { step: index });
    return minutes;
  };

  const discount = (step: StepForm, field: (name: string) => string): StepDefinition["discount"] => {
    if (step.discountKind === "none") return null;
    const value = step.discountValue.trim();
    const percentage = step.discountKind === "percentage";
    const valueOk = isDecimalString(value) && (percentage ? Number(value) > 0 && Number(value) <= 100 : toMinorUnits(value, currency) > 0n);
    if (!valueOk) report(field("discountValue"), percentage ? "percentageRange" : "amountPositive");
    const minSubtotalOk = amount(step.discountMinSubtotal, field("discountMinSubtotal")) !== INVALID;
    const expiryHours = step.discountExpiryHours.trim() ? wholeNumber(step.discountExpiryHours, field("discountExpiryHours"), 1, MAX_EXPIRY_HOURS) : DEFAULT_EXPIRY_HOURS;
    if (!valueOk || !minSubtotalOk || expiryHours === null) return null;
    // The sequencer reads the stored offer through discountOffer: what it refuses cannot be saved.
    const offer = discountOffer(
      { discountKind: step.discountKind, discountValue: value, discountMinSubtotal: step.discountMinSubtotal.trim() || null, discountExpiryHours: expiryHours },
      { shop: currency, checkout: currency },
    );
    return "error" in offer ? report(field("discountValue"), "discountInvalid", { reason: offer.error }) : offer;
  };

  const subject = async (text: string, key: string): Promise<string | null> => {
    if (!text.trim()) return null;
    try {
      const rendered = await renderLiquid("subject", text, buildSampleContext());
      return rendered.trim() ? text : report(key, "subjectEmpty");
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      return report(key, "liquidError", { line: error.line, message: error.message });
    }
  };

  const abTest = async (step: StepForm, field: (name: string) => string): Promise<AbTestDefinition | null> => {
    if (step.variants.length === 0) return null;
    if (step.channel !== "email") return report(field("variants"), "variantsEmailOnly");
    if (step.variants.length < MIN_VARIANTS || step.variants.length > MAX_VARIANTS) {
      report(field("variants"), "variantCount", { min: MIN_VARIANTS, max: MAX_VARIANTS });
    }
    const variants: VariantDefinition[] = [];
    for (const [index, variant] of step.variants.entries()) {
      const key = (name: string) => field(`variants.${index}.${name}`);
      const label = variant.label.trim();
      if (!label || label.length > MAX_LABEL_LENGTH) report(key("label"), "labelRequired", { max: MAX_LABEL_LENGTH });
      else if (variants.some((earlier) => earlier.label === label)) report(key("label"), "labelDuplicate");
      variants.push({
        label,
        weight: wholeNumber(variant.weight, key("weight"), 1, MAX_WEIGHT) ?? 1,
        subject: await subject(variant.subject, key("subject")),
        templateId: variant.templateId.trim() ? pick(variant.templateId, templateIds, key("templateId"), "templateRequired", "templateUnknown") : null,
      });
    }
    const metric = step.autoWinnerMetric === "none" ? null : step.autoWinnerMetric;
    return {
      variants,
      autoWinnerMetric: metric,
      autoWinnerMinSample: metric && step.autoWinnerMinSample.trim() ? wholeNumber(step.autoWinnerMinSample, field("autoWinnerMinSample"), 1, MAX_MIN_SAMPLE) : null,
      winnerLabel: variants.some((variant) => variant.label === step.winnerLabel) ? step.winnerLabel : null,
    };
  };

  return { delay, pick, minimum, discount, abTest };
}
