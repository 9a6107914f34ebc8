/**
 * Mutations of a model for the property "validateModel passes => generate succeeds": each one picks
 * a place in the model (a JSON pointer) and does one thing to it that a hand-written model could do
 * (copy an entry, drop one, swap a name for another name of the model, a prototype key, an
 * over-long string, a non-finite or huge number). Shared by the property test (a few hundred runs)
 * and `scripts/fuzz-model.ts` (ten thousand).
 */
import fc from "fast-check";

type Json = unknown;

export type Mutation =
  | { op: "duplicate"; at: string }
  | { op: "remove"; at: string }
  | { op: "string"; at: string; value: string }
  | { op: "number"; at: string; value: number }
  | { op: "key"; at: string; key: string; value: Json }
  | { op: "delete-key"; at: string }
  | { op: "toggle"; at: string };

function escape(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

function unescape(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Every pointer of a JSON-like value, with the kind of value it points at. */
export function pointers(value: Json, at = ""): Array<{ at: string; kind: "array" | "object" | "string" | "number" | "boolean" }> {
  if (Array.isArray(value)) return [{ at, kind: "array" }, ...value.flatMap((v, i) => pointers(v, `${at}/${i}`))];
  if (value !== null && typeof value === "object")
    return [{ at, kind: "object" }, ...Object.entries(value).flatMap(([k, v]) => pointers(v, `${at}/${escape(k)}`))];
  if (typeof value === "string") return [{ at, kind: "string" }];
  if (typeof value === "number") return [{ at, kind: "number" }];
  if (typeof value === "boolean") return [{ at, kind: "boolean" }];
  return [];
}

function parentOf(root: Json, at: string): { parent: Record<string, Json> | Json[]; key: string } | undefined {
  const tokens = at.split("/").slice(1).map(unescape);
  const key = tokens.pop();
  if (key === undefined) return undefined;
  let node = root as Record<string, Json>;
  for (const t of tokens) {
    // An earlier mutation of the same run may have removed the way there.
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, t)) return undefined;
    node = node[t] as Record<string, Json>;
  }
  if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
  return { parent: node, key };
}

/** Applies a mutation to a deep copy of `model`. */
export function mutate<T>(model: T, m: Mutation): T {
  const copy = structuredClone(model) as Json;
  const place = parentOf(copy, m.at);
  if (!place && m.at !== "") return copy as T;
  const target = place ? (place.parent as Record<string, Json>)[place.key] : copy;
  switch (m.op) {
    case "duplicate":
      if (Array.isArray(target) && target.length) target.push(structuredClone(target[0]));
      break;
    case "remove":
      if (Array.isArray(target) && target.length) target.splice(target.length > 1 ? 1 : 0, 1);
      break;
    case "string":
    case "number":
      if (place) (place.parent as Record<string, Json>)[place.key] = m.value;
      break;
    case "key":
      // An own property even for `__proto__`, as JSON.parse or a spread would make it.
      if (target !== null && typeof target === "object" && !Array.isArray(target))
        Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      break;
    case "delete-key":
      if (place && !Array.isArray(place.parent)) delete place.parent[place.key];
      break;
    case "toggle":
      if (place && typeof target === "boolean") (place.parent as Record<string, Json>)[place.key] = !target;
      break;
  }
  return copy as T;
}

/** Strings a mutation puts in place of a string: other names of the model, prototype keys, limits. */
function stringValues(model: Json): fc.Arbitrary<string> {
  const names = [...new Set(pointers(model).filter((p) => p.kind === "string").map((p) => readAt(model, p.at) as string))].filter((s) => s.length < 80);
  return fc.oneof(
    fc.constantFrom(...names),
    fc.constantFrom("__proto__", "constructor", "prototype", "toString", "", " ", "x".repeat(300), "a".repeat(200_000), "^1.18.0", "Infinity", "-1"),
    fc.string({ maxLength: 12 }),
  );
}

function readAt(root: Json, at: string): Json {
  let node = root as Record<string, Json>;
  for (const t of at.split("/").slice(1).map(unescape)) node = node[t] as Record<string, Json>;
  return node;
}

const numberValues = fc.oneof(
  fc.constantFrom(0, -1, 1, 2, 3, 1.5, 1e9, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e308, Infinity, -Infinity, Number.NaN),
  fc.integer({ min: -10, max: 100_000 }),
);

/** One mutation (or a few in a row) anywhere in `model`. */
export function mutations(model: Json): fc.Arbitrary<Mutation[]> {
  const all = pointers(model);
  const of = (kind: string) => all.filter((p) => p.kind === kind).map((p) => p.at);
  const arrays = of("array");
  const objects = of("object");
  const strings = of("string");
  const numbers = of("number");
  const booleans = of("boolean");
  const keyed = all.filter((p) => p.at !== "").map((p) => p.at);
  const one: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ op: fc.constant("duplicate" as const), at: fc.constantFrom(...arrays) }),
    fc.record({ op: fc.constant("remove" as const), at: fc.constantFrom(...arrays) }),
    { weight: 3, arbitrary: fc.record({ op: fc.constant("string" as const), at: fc.constantFrom(...strings), value: stringValues(model) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("number" as const), at: fc.constantFrom(...numbers), value: numberValues }) },
    fc.record({
      op: fc.constant("key" as const),
      at: fc.constantFrom(...objects),
      key: fc.constantFrom("__proto__", "constructor", "prototype", "extra"),
      value: fc.oneof(fc.constant("x"), fc.constant({}), fc.constant("1.0.0")),
    }),
    fc.record({ op: fc.constant("delete-key" as const), at: fc.constantFrom(...keyed) }),
    fc.record({ op: fc.constant("toggle" as const), at: fc.constantFrom(...booleans) }),
  );
  return fc.array(one, { minLength: 1, maxLength: 3 });
}

export function applyAll<T>(model: T, list: Mutation[]): T {
  return list.reduce((m, x) => mutate(m, x), model);
}
