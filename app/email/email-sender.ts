export interface Mailbox {
  email: string;
  name?: string;
}

export interface OutgoingEmail {
  to: Mailbox;
  from: Mailbox;
  replyTo?: Mailbox;
  subject: string;
  html: string;
  text: string;
  /** RFC 8058 one-click unsubscribe URL, sent as List-Unsubscribe with List-Unsubscribe-Post. */
  unsubscribeUrl: string;
  categories: string[];
  /**
   * Our ids only (shop, enrollment_id, step_run_id, step): the provider stores them as non-personal
   * data and returns them on every event.
   */
  customArgs: Record<string, string>;
}

/**
 * The provider's answer. The sender only reports what happened; the sequencer decides attempts and
 * final states. "unconfirmed": the request may have reached the provider but no answer came back (a
 * timeout, a reset connection), so the message may or may not be on its way.
 */
export type SendResult =
  | { status: "sent"; messageId: string | null }
  | { status: "retryable"; error: string; retryAfterMs?: number }
  | { status: "unconfirmed"; error: string }
  | { status: "rejected"; error: string };

export interface EmailSender {
  send(email: OutgoingEmail): Promise<SendResult>;
}
