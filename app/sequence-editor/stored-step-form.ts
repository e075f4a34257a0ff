import type { Step, StepVariant } from "@prisma/client";
import { isWinnerMetric } from "~/experiments/winner-metric";
import { fromMinorUnits } from "~/lib/money";
import { delayInUnits } from "./delay-units";
import type { StepForm } from "./step-form";

/** A stored step as the editor shows it: the delay in its largest exact unit, amounts in the shop's currency. */
export function storedStepForm(step: Step & { variants: StepVariant[] }, currency: string): StepForm {
  const delay = delayInUnits(step.delayMinutes);
  return {
    delayAmount: String(delay.amount),
    delayUnit: delay.unit,
    channel: step.channel === "webhook" ? "webhook" : "email",
    templateId: step.templateId?.toString() ?? "",
    destinationId: step.destinationId?.toString() ?? "",
    minCartValue: step.minCartValueMinor === null ? "" : fromMinorUnits(step.minCartValueMinor, currency),
    skipIfClicked: step.skipIfClicked,
    enabled: step.enabled,
    discountKind: step.discountKind === "percentage" || step.discountKind === "fixed_amount" ? step.discountKind : "none",
    discountValue: step.discountValue ?? "",
    discountMinSubtotal: step.discountMinSubtotal ?? "",
    discountExpiryHours: step.discountExpiryHours?.toString() ?? "",
    variants: step.variants.map((variant) => ({
      label: variant.label,
      weight: String(variant.weight),
      subject: variant.subject ?? "",
      templateId: variant.templateId?.toString() ?? "",
    })),
    autoWinnerMetric: isWinnerMetric(step.autoWinnerMetric) ? step.autoWinnerMetric : "none",
    autoWinnerMinSample: step.autoWinnerMinSample?.toString() ?? "",
    winnerLabel: step.variants.find((variant) => variant.id === step.winnerVariantId)?.label ?? null,
  };
}
