import { beforeAll, describe, expect, it } from "vitest";
import { deliverWebhookRequest, serverAnswer } from "../doubles/shopify-webhook";
import { createShop } from "../factories/shop";
import { fuzzCase, type FuzzCase } from "./fuzz/fuzz-case";
import { expectedState, storedState, type Answered } from "./fuzz/stored-state";

// FUZZ_SEED=n explores another run; a failure names its seed and case, and fuzzCase(seed, case) rebuilds it.
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_121);
const CASES = 10_000;

interface Outcome extends Answered {
  fuzzCase: Omit<FuzzCase, "request" | "bodyText">;
  /** What broke, when the app threw instead of answering (the HTTP server would answer 500). */
  error?: string;
}

const outcomes: Outcome[] = [];

async function deliver({ request, bodyText, ...fuzzCase }: FuzzCase): Promise<Outcome> {
  const headers = { shop: request.headers.get("X-Shopify-Shop-Domain"), webhookId: request.headers.get("X-Shopify-Webhook-Id") };
  const { status, error } = await serverAnswer(deliverWebhookRequest(fuzzCase.topic, request));
  return { fuzzCase, topic: fuzzCase.topic, ...headers, status, bodyText: status === 200 ? bodyText : null, ...(error !== undefined && { error: String(error).slice(0, 200) }) };
}

/** The first few, enough to replay them. */
const firstLabels = (selected: Outcome[]) => selected.slice(0, 10).map(({ fuzzCase, status, error }) => `${status} ${fuzzCase.label}${error ? `: ${error}` : ""}`);

// One delivery at a time, so no case's effect depends on another's timing: about a minute on a busy two-core machine.
const DELIVERY_TIMEOUT_MS = 5 * 60_000;

beforeAll(async () => {
  await createShop();
  for (let number = 0; number < CASES; number++) outcomes.push(await deliver(fuzzCase(SEED, number)));
}, DELIVERY_TIMEOUT_MS);

describe(`${CASES.toLocaleString("en")} fuzzed webhook deliveries (seed ${SEED})`, () => {
  it("never get a 5xx, which would make Shopify retry a delivery that can never succeed", () => {
    const failed = outcomes.filter((outcome) => outcome.status >= 500);
    expect({ count: failed.length, first: firstLabels(failed) }).toEqual({ count: 0, first: [] });
  });

  it("accept every undamaged delivery and refuse every one no correct app could accept", () => {
    const misjudged = outcomes.filter(({ fuzzCase, status }) =>
      fuzzCase.verdict === "accepted" ? status !== 200 : fuzzCase.verdict === "rejected" && (status < 400 || status >= 500),
    );
    expect({ count: misjudged.length, first: firstLabels(misjudged) }).toEqual({ count: 0, first: [] });
  });

  it("leave in the database exactly what the accepted ones carry: no partial rows, no receipts for refused deliveries", async () => {
    expect(await storedState()).toEqual(expectedState(outcomes));
  });

  it("cover every kind of damage, and both answers, many times over", () => {
    const timesTried: Record<string, number> = {};
    for (const kind of outcomes.flatMap(({ fuzzCase }) => fuzzCase.kinds)) timesTried[kind] = (timesTried[kind] ?? 0) + 1;
    expect(Object.keys(timesTried).sort()).toEqual(
      [
        ...["truncated JSON", "wrong type", "missing field", "huge field", "wrong encoding", "odd shape"],
        ...["unsigned", "forged signature", "garbled signature", "garbled topic", "garbled shop", "garbled webhook id", "garbled API version", "odd content type", "wrong method"],
      ].sort(),
    );
    for (const tries of Object.values(timesTried)) expect(tries).toBeGreaterThanOrEqual(50);
    const accepted = outcomes.filter((outcome) => outcome.status === 200).length;
    expect(accepted).toBeGreaterThan(CASES * 0.05);
    expect(CASES - accepted).toBeGreaterThan(CASES * 0.5);
  });
});
