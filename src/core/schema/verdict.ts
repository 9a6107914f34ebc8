/**
 * Is this data valid against this JSON schema? Answered by walking the schema beside the data,
 * with ajv's semantics (draft-07, `strict: false`, `unicodeRegExp: false`, ajv-formats' full
 * formats), without compiling anything.
 *
 * Why not ajv here: compiling the large chart and CRD schemas costs seconds, and their standalone
 * code (about 6x the schema's size) costs more to load in every run than walking the few
 * branches the data takes. ajv stays the source of the messages: callers compile it only for data
 * this walk rejects, which on a valid tree never happens.
 *
 * A keyword ajv would evaluate but this walk does not implement makes the answer "unknown"
 * (undefined), never a guess; callers then ask ajv. `test/schema/verdict.test.ts` compares both
 * verdicts over every committed schema.
 */
import { fullFormats } from "ajv-formats/dist/formats.js";

type Schema = boolean | Record<string, unknown>;
type Format = RegExp | ((value: never) => boolean) | { type?: string; validate: RegExp | ((value: never) => boolean) };

/** Keywords ajv's draft-07 vocabulary evaluates that this walk leaves to ajv. */
const UNSUPPORTED = ["$id", "$async", "multipleOf", "dependentRequired", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "$dynamicRef", "$recursiveRef"];

/** Thrown inside the walk when a keyword is beyond it; turned into an undefined verdict. */
class Unsupported extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function typeMatches(type: string, data: unknown): boolean {
  switch (type) {
    case "null":
      return data === null;
    case "array":
      return Array.isArray(data);
    case "object":
      return isObject(data);
    // `strict: false` turns ajv's `strictNumbers` off too: NaN and infinities are numbers there.
    case "integer":
      return typeof data === "number" && !(data % 1) && !Number.isNaN(data);
    case "number":
      return typeof data === "number";
    default:
      return typeof data === type;
  }
}

/** ajv's `equal` (fast-deep-equal) on JSON values. */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]));
  }
  // NaN equals NaN in fast-deep-equal.
  return a !== a && b !== b;
}

/** Code points, as ajv counts `minLength`/`maxLength` (`unicode: true`). */
const lengthOf = (text: string): number => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

const patterns = new Map<string, RegExp>();
function pattern(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) {
    try {
      re = new RegExp(source);
    } catch {
      // ajv refuses to compile such a schema; let it say so.
      throw new Unsupported(`pattern ${source}`);
    }
    patterns.set(source, re);
  }
  return re;
}

function formatHolds(name: string, data: unknown): boolean {
  const format = (fullFormats as Record<string, Format | undefined>)[name];
  // ajv with `strict: false` ignores a format it does not know; so does this walk, knowingly.
  if (format === undefined) throw new Unsupported(`format ${name}`);
  const def = format instanceof RegExp || typeof format === "function" ? { validate: format } : format;
  const applies = (def as { type?: string }).type === "number" ? typeof data === "number" : typeof data === "string";
  if (!applies) return true;
  const check = def.validate;
  return check instanceof RegExp ? check.test(data as string) : (check as (v: unknown) => boolean)(data);
}

/** The schema a local `$ref` (`#` or `#/json/pointer`) names, resolved once per root and ref. */
const refs = new WeakMap<object, Map<string, Schema>>();
function resolveRef(root: Schema, ref: string): Schema {
  const key = typeof root === "object" ? root : resolveRef;
  let known = refs.get(key);
  if (!known) refs.set(key, (known = new Map()));
  const hit = known.get(ref);
  if (hit !== undefined) return hit;
  if (ref !== "#" && !ref.startsWith("#/")) throw new Unsupported(`$ref ${ref}`);
  let node: unknown = root;
  for (const raw of ref === "#" ? [] : ref.slice(2).split("/")) {
    const segment = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined;
  }
  if (typeof node !== "boolean" && !isObject(node)) throw new Unsupported(`$ref ${ref} resolves to nothing`);
  known.set(ref, node);
  return node;
}

/** What the walk needs of a schema node beyond its keywords, computed once per node. */
interface Prepared {
  types: string[] | undefined;
  patternProperties: Array<[RegExp, Schema]>;
  /** `properties` keys that plain objects inherit (`constructor`, ...): ajv checks them too. */
  inherited: string[];
}
const prepared = new WeakMap<object, Prepared>();
function prepare(s: Record<string, unknown>): Prepared {
  let p = prepared.get(s);
  if (p) return p;
  for (const keyword of UNSUPPORTED) if (s[keyword] !== undefined) throw new Unsupported(keyword);
  let types: string[] | undefined;
  if (s.type !== undefined) {
    types = (Array.isArray(s.type) ? [...s.type] : [s.type]) as string[];
    if (s.nullable === true) types.push("null");
  } else if (s.nullable !== undefined) {
    throw new Unsupported("nullable without type");
  }
  const patternProperties = isObject(s.patternProperties) ? Object.entries(s.patternProperties as Record<string, Schema>).map(([source, sub]) => [pattern(source), sub] as [RegExp, Schema]) : [];
  const inherited = isObject(s.properties) ? Object.keys(s.properties).filter((key) => key in Object.prototype) : [];
  p = { types, patternProperties, inherited };
  prepared.set(s, p);
  return p;
}

function valid(schema: Schema, data: unknown, root: Schema): boolean {
  if (schema === true) return true;
  if (schema === false) return false;
  const s = schema;
  const p = prepare(s);

  if (typeof s.$ref === "string" && !valid(resolveRef(root, s.$ref), data, root)) return false;
  if (p.types !== undefined && !p.types.some((t) => typeMatches(t, data))) return false;
  if (s.enum !== undefined && !(s.enum as unknown[]).some((v) => equal(v, data))) return false;
  if (s.const !== undefined && !equal(s.const, data)) return false;

  if (typeof data === "number") {
    if (typeof s.minimum === "number" && !(data >= s.minimum)) return false;
    if (typeof s.maximum === "number" && !(data <= s.maximum)) return false;
    if (typeof s.exclusiveMinimum === "number" && !(data > s.exclusiveMinimum)) return false;
    if (typeof s.exclusiveMaximum === "number" && !(data < s.exclusiveMaximum)) return false;
  }
  if (typeof data === "string") {
    if (typeof s.minLength === "number" && lengthOf(data) < s.minLength) return false;
    if (typeof s.maxLength === "number" && lengthOf(data) > s.maxLength) return false;
    if (typeof s.pattern === "string" && !pattern(s.pattern).test(data)) return false;
  }
  if (typeof s.format === "string" && !formatHolds(s.format, data)) return false;

  if (Array.isArray(data)) {
    if (typeof s.minItems === "number" && data.length < s.minItems) return false;
    if (typeof s.maxItems === "number" && data.length > s.maxItems) return false;
    if (Array.isArray(s.items)) {
      const tuple = s.items as Schema[];
      for (let i = 0; i < Math.min(tuple.length, data.length); i++) if (!valid(tuple[i]!, data[i], root)) return false;
      if (s.additionalItems !== undefined) for (let i = tuple.length; i < data.length; i++) if (!valid(s.additionalItems as Schema, data[i], root)) return false;
    } else if (s.items !== undefined) {
      for (const item of data) if (!valid(s.items as Schema, item, root)) return false;
    }
    if (s.contains !== undefined && !data.some((item) => valid(s.contains as Schema, item, root))) return false;
    if (s.uniqueItems === true && data.some((item, i) => data.slice(i + 1).some((other) => equal(item, other)))) return false;
  }

  if (isObject(data)) {
    const keys = Object.keys(data);
    if (typeof s.minProperties === "number" && keys.length < s.minProperties) return false;
    if (typeof s.maxProperties === "number" && keys.length > s.maxProperties) return false;
    // `data[key] !== undefined`, not own keys: ajv's default `ownProperties: false`.
    if (Array.isArray(s.required) && (s.required as string[]).some((key) => data[key] === undefined)) return false;
    const properties = isObject(s.properties) ? (s.properties as Record<string, Schema>) : undefined;
    // The data's keys looked up in `properties` (not the other way round: chart schemas declare
    // hundreds of keys, values set a few); ajv's `data[key] !== undefined` also sees inherited keys.
    if (properties) {
      for (const key in data) if (Object.hasOwn(properties, key) && data[key] !== undefined && !valid(properties[key]!, data[key], root)) return false;
      for (const key of p.inherited) if (!Object.hasOwn(data, key) && data[key] !== undefined && !valid(properties[key]!, data[key], root)) return false;
    }
    for (const [re, sub] of p.patternProperties) for (const key in data) if (re.test(key) && !valid(sub, data[key], root)) return false;
    if (s.additionalProperties !== undefined) {
      const extra = s.additionalProperties as Schema;
      for (const key in data) {
        if (properties && Object.hasOwn(properties, key)) continue;
        if (p.patternProperties.some(([re]) => re.test(key))) continue;
        if (!valid(extra, data[key], root)) return false;
      }
    }
    if (s.propertyNames !== undefined) for (const key in data) if (!valid(s.propertyNames as Schema, key, root)) return false;
    if (isObject(s.dependencies)) {
      for (const [key, dep] of Object.entries(s.dependencies)) {
        if (data[key] === undefined) continue;
        if (Array.isArray(dep) ? (dep as string[]).some((k) => data[k] === undefined) : !valid(dep as Schema, data, root)) return false;
      }
    }
  }

  if (Array.isArray(s.allOf) && !(s.allOf as Schema[]).every((sub) => valid(sub, data, root))) return false;
  if (Array.isArray(s.anyOf) && !(s.anyOf as Schema[]).some((sub) => valid(sub, data, root))) return false;
  if (Array.isArray(s.oneOf) && (s.oneOf as Schema[]).filter((sub) => valid(sub, data, root)).length !== 1) return false;
  if (s.not !== undefined && valid(s.not as Schema, data, root)) return false;
  if (s.if !== undefined) {
    const branch = valid(s.if as Schema, data, root) ? s.then : s.else;
    if (branch !== undefined && !valid(branch as Schema, data, root)) return false;
  }
  return true;
}

/**
 * true or false as ajv would answer for `schema` (the document root, for `$ref`s) and `data`;
 * undefined when the schema uses something this walk leaves to ajv.
 */
export function verdict(schema: Schema, data: unknown): boolean | undefined {
  try {
    return valid(schema, data, schema);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
