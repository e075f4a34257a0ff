import type { CheckoutStatus } from "~/checkouts/checkout-status";
import { defineMessages } from "~/i18n/messages";

export const statusMessages = defineMessages<CheckoutStatus>({
  en: { open: "Open", abandoned: "Abandoned", recovered: "Recovered", completed: "Completed" },
  ko: { open: "진행 중", abandoned: "이탈", recovered: "복구됨", completed: "완료" },
});

export const STATUS_TONES = { open: "info", abandoned: "attention", recovered: "success", completed: undefined } as const satisfies Record<
  CheckoutStatus,
  "info" | "attention" | "success" | undefined
>;
