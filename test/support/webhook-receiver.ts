import { afterAll, beforeAll, beforeEach } from "vitest";
import { startWebhookReceiver, type WebhookReceiver } from "../doubles/webhook-receiver";

/**
 * Registers the hooks of a test file that posts to a merchant's endpoint: one receiver for the file,
 * emptied before each test. The returned handle stands for the receiver once the file's hooks ran.
 */
export function useWebhookReceiver(options?: Parameters<typeof startWebhookReceiver>[0]): WebhookReceiver {
  let receiver: WebhookReceiver | undefined;
  beforeAll(async () => {
    receiver = await startWebhookReceiver(options);
  });
  afterAll(() => receiver?.close());
  beforeEach(() => receiver!.reset());
  return new Proxy({} as WebhookReceiver, {
    get(_, property) {
      const value: unknown = Reflect.get(receiver!, property);
      return typeof value === "function" ? value.bind(receiver) : value;
    },
  });
}
