// The local SendGrid-compatible server in a process of its own, so that the worker being measured has
// its core to itself. Started by startSendgridProcess; answers "count" messages over IPC.
import { startSendgridServer } from "../../test/doubles/sendgrid-server";

const timesPerRun = new Map<string, number>();
const server = await startSendgridServer({
  apiKey: "SG.bench",
  onMessage: ({ body }) => {
    const run = String(body.custom_args?.step_run_id ?? "");
    timesPerRun.set(run, (timesPerRun.get(run) ?? 0) + 1);
  },
});
// The double keeps every message; a benchmark only needs the counts.
const forget = setInterval(() => server.messages.splice(0), 1000);

process.on("message", async (request: string) => {
  if (request === "count") {
    const duplicates = [...timesPerRun.values()].filter((times) => times > 1).length;
    process.send!({ accepted: [...timesPerRun.values()].reduce((sum, times) => sum + times, 0), duplicates });
  } else if (request === "reset") {
    timesPerRun.clear();
    process.send!({ reset: true });
  } else if (request === "close") {
    clearInterval(forget);
    await server.close();
    process.disconnect();
  }
});
process.send!({ apiUrl: server.apiUrl, apiKey: server.apiKey });
