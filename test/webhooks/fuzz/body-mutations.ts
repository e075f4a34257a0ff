import { gzipSync } from "node:zlib";
import type { Dice } from "./dice";
import { hostileJson, hugeJson } from "./hostile-json";
import { hasPath, pathsOf, withoutPath, withRawJsonAt, type JsonPath } from "../../support/json-paths";
import type { Mutation } from "./mutation";

export interface MutatedBody extends Mutation {
  body: string | Uint8Array;
}

type Payload = Record<string, unknown>;
type BodyMutation = (dice: Dice, payload: Payload, validatedPaths: readonly string[]) => MutatedBody;

/**
 * Damages a valid payload the way a broken proxy, a bug at the sender or an attacker holding a leaked
 * secret could: cut short, values of the wrong type, fields missing or oversized, the wrong character
 * encoding, or a body that is not one JSON object. Most damage lands on the fields Comeback validates.
 */
export function mutateBody(dice: Dice, payload: Payload, validatedPaths: readonly string[]): MutatedBody {
  return dice.weighted(BODY_MUTATIONS)(dice, payload, validatedPaths);
}

const truncated: BodyMutation = (dice, payload) => {
  const json = JSON.stringify(payload);
  const length = dice.below(json.length);
  return { kind: "truncated JSON", description: `first ${length} of ${json.length} characters`, verdict: "rejected", body: json.slice(0, length) };
};

const wrongType: BodyMutation = (dice, payload, validatedPaths) => {
  const path = somePath(dice, payload, validatedPaths);
  const value = hostileJson(dice);
  return { kind: "wrong type", description: `${path.join(".")} = ${value}`, verdict: null, body: withRawJsonAt(payload, path, value) };
};

const missingField: BodyMutation = (dice, payload, validatedPaths) => {
  const path = somePath(dice, payload, validatedPaths);
  return { kind: "missing field", description: path.join("."), verdict: null, body: withoutPath(payload, path) };
};

const hugeField: BodyMutation = (dice, payload, validatedPaths) => {
  const path = somePath(dice, payload, validatedPaths);
  const { json, description } = hugeJson(dice);
  return { kind: "huge field", description: `${path.join(".")} = ${description}`, verdict: null, body: withRawJsonAt(payload, path, json) };
};

const ACCENTED_NOTE = "Zoë Ångström, Øresund";
const INVALID_UTF8 = { "an overlong UTF-8 sequence": [0xc0, 0xaf], "a UTF-8 encoded lone surrogate": [0xed, 0xa0, 0x80], "a stray continuation byte": [0x80] };

/** Encodings a sender could get wrong. Only UTF-8 is JSON; a correct app never reads the others as the payload. */
const ENCODINGS: ReadonlyArray<{ description: string; verdict: Mutation["verdict"]; encode: (json: string) => Uint8Array }> = [
  { description: "UTF-16LE with a byte-order mark", verdict: "rejected", encode: (json) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, "utf16le")]) },
  { description: "UTF-16LE", verdict: "rejected", encode: (json) => Buffer.from(json, "utf16le") },
  { description: "UTF-16BE", verdict: "rejected", encode: (json) => Buffer.from(json, "utf16le").swap16() },
  { description: "Latin-1", verdict: "rejected", encode: (json) => Buffer.from(json, "latin1") },
  { description: "gzip without Content-Encoding", verdict: "rejected", encode: (json) => gzipSync(json) },
  // Strict parsers refuse the mark, lenient ones skip it: either answer is right.
  { description: "UTF-8 with a byte-order mark", verdict: null, encode: (json) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]) },
  ...Object.entries(INVALID_UTF8).map(([description, bytes]) => ({
    description,
    verdict: "rejected" as const,
    encode: (json: string) => {
      const [before, after] = json.split(ACCENTED_NOTE) as [string, string];
      return Buffer.concat([Buffer.from(`${before}Zo`), Buffer.from(bytes), Buffer.from(`${after}`)]);
    },
  })),
];

const wrongEncoding: BodyMutation = (dice, payload) => {
  const { description, verdict, encode } = dice.pick(ENCODINGS);
  return { kind: "wrong encoding", description, verdict, body: encode(JSON.stringify({ ...payload, note: ACCENTED_NOTE })) };
};

/** Bodies that are not one JSON object, or are one in an unusual spelling. */
const ODD_SHAPES: ReadonlyArray<{ description: string; verdict: Mutation["verdict"]; shape: (json: string, payload: Payload) => string }> = [
  { description: "an empty body", verdict: "rejected", shape: () => "" },
  { description: "only whitespace", verdict: "rejected", shape: () => " \r\n\t " },
  { description: "an empty object", verdict: "rejected", shape: () => "{}" },
  { description: "null", verdict: "rejected", shape: () => "null" },
  { description: "a number", verdict: "rejected", shape: () => "42" },
  { description: "the payload as a JSON string", verdict: "rejected", shape: (json) => JSON.stringify(json) },
  { description: "the payload inside an array", verdict: "rejected", shape: (json) => `[${json}]` },
  { description: "two payloads in a row", verdict: "rejected", shape: (json) => json + json },
  { description: "a stray closing brace", verdict: "rejected", shape: (json) => `${json}}` },
  { description: "a comment", verdict: "rejected", shape: (json) => `/* Shopify */${json}` },
  { description: "single quotes", verdict: "rejected", shape: (json) => json.replaceAll('"', "'") },
  { description: "a trailing newline", verdict: null, shape: (json) => `${json}\n` },
  { description: "keys spelled with \\u escapes", verdict: null, shape: (json) => json.replace(/"([a-z])([a-z_]*)":/g, (_, first: string, rest: string) => `"\\u00${first.charCodeAt(0).toString(16)}${rest}":`) },
  { description: "a __proto__ key", verdict: null, shape: (json) => `{"__proto__":{"polluted":true,"token":"polluted"},${json.slice(1)}` },
  {
    description: "the first field repeated with an object",
    verdict: null,
    shape: (json, payload) => `${json.slice(0, -1)},${JSON.stringify(Object.keys(payload)[0])}:{"repeated":true}}`,
  },
];

const oddShape: BodyMutation = (dice, payload) => {
  const { description, verdict, shape } = dice.pick(ODD_SHAPES);
  return { kind: "odd shape", description, verdict, body: shape(JSON.stringify(payload), payload) };
};

// Damage the app refuses early is cheap; what it accepts costs a database transaction, so it comes less often.
const BODY_MUTATIONS: ReadonlyArray<readonly [number, BodyMutation]> = [
  [6.5, truncated],
  [2.5, wrongType],
  [0.4, missingField],
  [0.7, hugeField],
  [4, wrongEncoding],
  [1.2, oddShape],
];

/** Mostly a field Comeback validates; now and then any field, which it must ignore whatever it holds. */
function somePath(dice: Dice, payload: Payload, validatedPaths: readonly string[]): JsonPath {
  const validated = validatedPaths.map((path) => path.split(".").map((key) => (/^\d+$/.test(key) ? Number(key) : key)));
  const present = validated.filter((path) => hasPath(payload, path));
  return dice.chance(0.9) && present.length > 0 ? dice.pick(present) : dice.pick(pathsOf(payload));
}
