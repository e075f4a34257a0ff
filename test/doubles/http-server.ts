import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void | Promise<void>;

export interface LocalServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on a free loopback port; the handler gets the whole request body as text.
 * `keepAliveTimeoutMs` overrides how long an idle connection is kept (Node's default: 5 s).
 */
export async function startLocalServer(handler: Handler, { keepAliveTimeoutMs }: { keepAliveTimeoutMs?: number } = {}): Promise<LocalServer> {
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    try {
      await handler(request, Buffer.concat(chunks).toString("utf8"), response);
    } catch (error) {
      response.writeHead(500, { "Content-Type": "text/plain" }).end(String(error));
    }
  });
  if (keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = keepAliveTimeoutMs;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // A browser keeps connections open, and may leave a request mid-way: a double never waits on them.
        server.closeAllConnections();
      }),
  };
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}
