import { useMessages } from "~/i18n/use-messages";
import { deliveryMessages } from "../delivery-messages";

type DeliveryMessageKey = keyof typeof deliveryMessages.en;

const isMessageKey = (key: string): key is DeliveryMessageKey => key in deliveryMessages.en;

/** Words for delivery events and statuses; one this page does not know yet shows as stored. */
export function useDeliveryLabels() {
  const t = useMessages(deliveryMessages);
  const label = (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback);
  return {
    event: (event: string) => label(`event:${event}`, event),
    status: (status: string) => label(`status:${status}`, status),
  };
}

const STATUS_TONES: Record<string, "success" | "critical" | "attention" | "info"> = {
  delivered: "success",
  dead: "critical",
  pending: "attention",
  delivering: "info",
};

export function statusTone(status: string) {
  return STATUS_TONES[status];
}
