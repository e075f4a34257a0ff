/** Events a destination can subscribe to, delivered as they happen rather than as a sequence step. */
export const OUTBOUND_EVENTS = ["checkout.abandoned", "checkout.recovered", "cart.high_value"] as const;
export type OutboundEvent = (typeof OUTBOUND_EVENTS)[number];

/** What a delivery is about: a subscribed event, a webhook step of the sequence, or a merchant's test. */
export type DeliveryEvent = OutboundEvent | "step" | "test";
