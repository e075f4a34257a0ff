// The production server (`npm start`): the Remix build behind Express, as remix-serve serves it,
// except Shopify's webhooks, which Node's HTTP server hands straight to the app (see
// app/webhooks/node-webhooks.server.ts): they are most of the traffic, and Express and Remix cost
// several times what storing one does.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";

process.env.NODE_ENV ??= "production";

interface ComebackBuild extends ServerBuild {
  entry: ServerBuild["entry"] & {
    module: ServerBuild["entry"]["module"] & {
      answerWebhookOutsideRemix(request: IncomingMessage, response: ServerResponse): boolean;
    };
  };
}

const buildPath = path.resolve(process.argv[2] ?? "build/server/index.js");
const build = (await import(pathToFileURL(buildPath).href)) as ComebackBuild;
installGlobals({ nativeFetch: build.future.v3_singleFetch });

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
app.use(morgan("tiny"));
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

const server = createServer((request, response) => {
  if (!build.entry.module.answerWebhookOutsideRemix(request, response)) app(request, response);
});
// Longer than the idle timeout of the proxies and load balancers in front (60 s is common): a client
// must never reuse a kept-alive connection at the moment the server closes it.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
const port = Number(process.env.PORT || 3000);
server.listen(port, process.env.HOST, () => console.log(`[comeback] listening on http://${process.env.HOST ?? "localhost"}:${port}`));
/** How long requests still being answered at shutdown get to finish. */
const SHUTDOWN_GRACE_MS = 5_000;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close();
    // Kept-alive connections would otherwise hold the process for keepAliveTimeout.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
  });
}
