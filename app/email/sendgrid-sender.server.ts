import { MailService, type MailDataRequired } from "@sendgrid/mail";
import type { EmailSender, OutgoingEmail } from "./email-sender";
import { failedSendResult, withoutSecrets } from "./sendgrid-send-result.server";

export interface SendgridSenderOptions {
  apiKey: string | null;
  /** https://api.sendgrid.com, https://api.eu.sendgrid.com, or a local double in tests. */
  apiUrl: string;
  timeoutMs: number;
}

/** The service's typings omit the HTTP client it owns, which is the only place to set the base URL. */
type MailServiceWithClient = MailService & { client: { setDefaultRequest(key: "baseUrl", value: string): unknown } };

/** An EmailSender over SendGrid v3 Mail Send. */
export function createSendgridSender({ apiKey, apiUrl, timeoutMs }: SendgridSenderOptions): EmailSender {
  if (!apiKey) return { send: async () => ({ status: "rejected", error: "SENDGRID_API_KEY is not set" }) };

  // A service of our own: the package's singleton is global state any other import could reconfigure.
  const mail = new MailService() as MailServiceWithClient;
  // setApiKey resets the base URL to SendGrid's region host, so the override has to come after it.
  mail.setApiKey(apiKey);
  mail.client.setDefaultRequest("baseUrl", apiUrl);
  mail.setTimeout(timeoutMs);

  return {
    async send(email) {
      try {
        const [response] = await mail.send(mailSendRequest(email));
        const messageId: unknown = response.headers["x-message-id"];
        return { status: "sent", messageId: typeof messageId === "string" ? messageId : null };
      } catch (error) {
        return withoutSecrets(failedSendResult(error), [apiKey, email.to.email]);
      }
    },
  };
}

function mailSendRequest(email: OutgoingEmail): MailDataRequired {
  return {
    to: email.to,
    from: email.from,
    replyTo: email.replyTo,
    subject: email.subject,
    text: email.text,
    html: email.html,
    categories: email.categories,
    customArgs: email.customArgs,
    headers: {
      "List-Unsubscribe": `<${email.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    trackingSettings: {
      // Recovery links already record clicks through our own /r/ redirect; SendGrid's rewriting would
      // put a second redirect through its domain in front of it and report every click twice.
      clickTracking: { enable: false, enableText: false },
      openTracking: { enable: true },
    },
  };
}
