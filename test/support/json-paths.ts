type Key = string | number;
export type JsonPath = Key[];
type Container = Record<Key, unknown>;

const isContainer = (value: unknown): value is Container => typeof value === "object" && value !== null;

/** Every path into the value, containers included, in document order. */
export function pathsOf(value: unknown, prefix: JsonPath = []): JsonPath[] {
  if (!isContainer(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...pathsOf(child, path)];
  });
}

export function hasPath(value: unknown, path: JsonPath): boolean {
  let node = value;
  for (const key of path) {
    if (!isContainer(node) || !(key in node)) return false;
    node = node[key];
  }
  return true;
}

// Put in place of the value, then swapped for the raw text once serialised; an invisible separator
// keeps it from ever matching payload text.
const PLACEHOLDER = "\u2063fuzz\u2063";

/** The payload as JSON text with the raw JSON at the path: it may be text JSON.stringify never writes. */
export function withRawJsonAt(payload: object, path: JsonPath, rawJson: string): string {
  const copy = structuredClone(payload) as Container;
  parentOf(copy, path)[path[path.length - 1]!] = PLACEHOLDER;
  return JSON.stringify(copy).replace(JSON.stringify(PLACEHOLDER), () => rawJson);
}

export function withoutPath(payload: object, path: JsonPath): string {
  const copy = structuredClone(payload) as Container;
  const parent = parentOf(copy, path);
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
  return JSON.stringify(copy);
}

function parentOf(root: Container, path: JsonPath): Container {
  return path.slice(0, -1).reduce<Container>((node, key) => node[key] as Container, root);
}
