import type { StepOutcome } from "~/sequencer/execute-step.server";

/** What "Stop the sequence" did. */
export type StopResult = { intent: "stop"; outcome: "stopped" | "not_running" };

/**
 * What "Send the next step now" did: the sequencer's own outcome for the step, with the reason and
 * the time it waits until when it was not sent; or why nothing ran. "busy": a worker had claimed it first.
 */
export type SendNowResult =
  | { intent: "send_now"; outcome: "not_running" }
  | { intent: "send_now"; outcome: "nothing_scheduled" }
  | { intent: "send_now"; outcome: StepOutcome | "busy"; step: number; reason: string | null; until: string | null };

export type CheckoutActionResult = StopResult | SendNowResult;
