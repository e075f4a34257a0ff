import { z } from "zod";
import { DELAY_UNITS } from "./delay-units";
import { CHANNELS, DISCOUNT_KINDS, WINNER_METRICS, type SequenceEdit } from "./step-form";

// The shape of a submitted edit. Limits are loose on purpose: counts and values the rules refuse must
// reach them, to come back as errors under their fields.
const text = (max: number) => z.string().max(max);

const variant = z.object({
  label: text(100),
  weight: text(20),
  subject: text(1000),
  templateId: text(20),
});

const step = z.object({
  delayAmount: text(20),
  delayUnit: z.enum(DELAY_UNITS),
  channel: z.enum(CHANNELS),
  templateId: text(20),
  destinationId: text(20),
  minCartValue: text(40),
  skipIfClicked: z.boolean(),
  enabled: z.boolean(),
  discountKind: z.enum(DISCOUNT_KINDS),
  discountValue: text(40),
  discountMinSubtotal: text(40),
  discountExpiryHours: text(20),
  variants: z.array(variant).max(10),
  autoWinnerMetric: z.enum(WINNER_METRICS),
  autoWinnerMinSample: text(20),
  winnerLabel: text(100).nullable(),
});

export const sequenceEditInput: z.ZodType<SequenceEdit> = z.object({
  sequenceId: z.number().int().positive(),
  steps: z.array(step).max(50),
});
