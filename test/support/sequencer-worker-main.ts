// The process test/support/sequencer-worker.ts forks: the app's real composition root (services.server.ts,
// configured from the environment) running one sequencer tick each time the parent asks.
import { db } from "~/db/client.server";
import { sequencerServices, tick } from "~/services.server";
import type { WorkerReply, WorkerRequest } from "./sequencer-worker";

const reply = (message: WorkerReply) => process.send!(message);

process.on("message", (request: WorkerRequest) => {
  tick(new Date(request.now)).then(
    (report) => reply({ kind: "ticked", report }),
    (error: unknown) => reply({ kind: "failed", error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
process.on("disconnect", () => {
  void db.$disconnect().finally(() => process.exit(0));
});
reply({ kind: "ready", workerId: sequencerServices.workerId });
