// The webhook benchmark's baseline: the least a webhook endpoint can do. A node:http server that checks
// Shopify's HMAC over the raw body and inserts one row (the delivery's receipt, idempotent) into the
// same database as the app, on the plain driver (better-sqlite3, or pg with a pool). Run by
// startBareIngestServer; reports its origin over IPC and stops on "close".
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Database from "better-sqlite3";
import pg from "pg";

const { DATABASE_URL: url = "", SHOPIFY_API_SECRET: secret = "" } = process.env;
const INSERT = `INSERT INTO "WebhookReceipt" ("shop", "webhookId", "topic", "receivedAt") VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`;

type Insert = (shop: string, webhookId: string, topic: string) => Promise<void>;

function sqliteInsert(): Insert {
  const connection = new Database(url.replace(/^file:/, ""));
  connection.pragma("journal_mode = WAL");
  const statement = connection.prepare(INSERT.replace(/\$\d/g, "?"));
  return async (shop, webhookId, topic) => void statement.run(shop, webhookId, topic, new Date().toISOString().replace("Z", "+00:00"));
}

function postgresqlInsert(): Insert {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return async (shop, webhookId, topic) => void (await pool.query(INSERT, [shop, webhookId, topic, new Date()]));
}

const insert = url.startsWith("postgres") ? postgresqlInsert() : sqliteInsert();

function signedBy(body: Buffer, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = createHmac("sha256", secret).update(body).digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const server = createServer(async (request, response) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (!signedBy(Buffer.concat(chunks), request.headers["x-shopify-hmac-sha256"] as string | undefined)) {
    response.writeHead(401).end();
    return;
  }
  try {
    const header = (name: string) => String(request.headers[name] ?? "");
    await insert(header("x-shopify-shop-domain"), header("x-shopify-webhook-id"), header("x-shopify-topic"));
    response.writeHead(200).end();
  } catch {
    response.writeHead(500).end();
  }
});
server.listen(0, "127.0.0.1", () => process.send!({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
process.on("message", (request) => {
  if (request === "close") server.close(() => process.exit(0));
  server.closeIdleConnections();
});
