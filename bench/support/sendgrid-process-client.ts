import { startTsChild } from "./child-process";

export interface SendgridProcess {
  apiUrl: string;
  apiKey: string;
  /** Messages accepted since the last reset, and how many step runs were sent more than once. */
  count(): Promise<{ accepted: number; duplicates: number }>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The local SendGrid-compatible server (sendgrid-process.ts), in a process of its own. */
export async function startSendgridProcess(): Promise<SendgridProcess> {
  const { process: child, ready } = await startTsChild<{ apiUrl: string; apiKey: string }>("sendgrid-process.ts");
  return {
    ...ready,
    count: () => child.ask("count"),
    reset: async () => void (await child.ask("reset")),
    close: () => child.close(),
  };
}
