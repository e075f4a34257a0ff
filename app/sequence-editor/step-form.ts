import { delayInUnits, MINUTES_PER_UNIT, type DelayUnit } from "./delay-units";

// What the sequence editor holds and submits: every input as the merchant typed it, so a wrong value
// comes back with its error instead of being lost in a conversion. Type aliases, not interfaces, so
// they are JSON values to Remix's submit.

export const CHANNELS = ["email", "webhook"] as const;
export type Channel = (typeof CHANNELS)[number];

export const DISCOUNT_KINDS = ["none", "percentage", "fixed_amount"] as const;
export type DiscountKindChoice = (typeof DISCOUNT_KINDS)[number];

export const WINNER_METRICS = ["none", "click", "recovery"] as const;
export type WinnerMetricChoice = (typeof WINNER_METRICS)[number];

export const VARIANT_LABELS = ["A", "B", "C", "D"] as const;
export const MIN_VARIANTS = 2;
export const MAX_VARIANTS = VARIANT_LABELS.length;

export type VariantForm = {
  label: string;
  weight: string;
  /** Liquid; empty keeps the template's own subject. */
  subject: string;
  /** Empty keeps the step's template. */
  templateId: string;
};

export type StepForm = {
  delayAmount: string;
  delayUnit: DelayUnit;
  channel: Channel;
  templateId: string;
  destinationId: string;
  /** In the shop's currency; empty for no minimum. */
  minCartValue: string;
  skipIfClicked: boolean;
  enabled: boolean;
  discountKind: DiscountKindChoice;
  discountValue: string;
  discountMinSubtotal: string;
  discountExpiryHours: string;
  variants: VariantForm[];
  autoWinnerMetric: WinnerMetricChoice;
  autoWinnerMinSample: string;
  /** Read only: the variant an automatic test already chose. */
  winnerLabel: string | null;
};

export type SequenceEdit = {
  sequenceId: number;
  steps: StepForm[];
};

/** A new email step a day after `after` (an hour after abandonment for the first), with no conditions. */
export function newStep(after: StepForm | undefined): StepForm {
  const previous = after ? Number(after.delayAmount) * MINUTES_PER_UNIT[after.delayUnit] : null;
  const delay = delayInUnits(previous !== null && Number.isInteger(previous) && previous >= 0 ? previous + MINUTES_PER_UNIT.days : 60);
  return {
    delayAmount: String(delay.amount),
    delayUnit: delay.unit,
    channel: "email",
    templateId: after?.templateId ?? "",
    destinationId: "",
    minCartValue: "",
    skipIfClicked: false,
    enabled: true,
    discountKind: "none",
    discountValue: "",
    discountMinSubtotal: "",
    discountExpiryHours: "",
    variants: [],
    autoWinnerMetric: "none",
    autoWinnerMinSample: "",
    winnerLabel: null,
  };
}

/**
 * The next variant of a step's A/B test, under the first free label, with an equal share. A variant
 * with neither subject nor template sends the step as it is: the control.
 */
export function newVariant(existing: VariantForm[]): VariantForm {
  const label = VARIANT_LABELS.find((candidate) => !existing.some((variant) => variant.label === candidate)) ?? "";
  return { label, weight: "1", subject: "", templateId: "" };
}

/** A new A/B test: A, the step as it is, against B, to be given its own subject or template. */
export function firstVariants(): VariantForm[] {
  const control = newVariant([]);
  return [control, newVariant([control])];
}

export interface TemplateChoice {
  id: number;
  name: string;
}

export interface DestinationChoice {
  id: number;
  name: string;
  enabled: boolean;
}

/** The sequence editor's page: the latest version of the shop's active sequence, as a form. */
export interface SequenceEditorData {
  sequenceId: number;
  name: string;
  versionNumber: number;
  /** Running enrollments that started on an earlier version and finish that one. */
  enrollmentsOnOlderVersions: number;
  currency: string;
  /** Sends per variant before an automatic winner, when a step does not say (the sequencer's default). */
  defaultMinSample: number;
  steps: StepForm[];
  templates: TemplateChoice[];
  destinations: DestinationChoice[];
}
