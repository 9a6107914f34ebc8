/**
 * Is this data valid against this JSON schema? Answered by walking the schema beside the data,
 * with ajv's semantics (draft-07, `strict: false`, `unicodeRegExp: false`, ajv-formats' full
 * formats), without generating code: each schema node the data reaches becomes, once, a closure
 * over the keywords it has (lint asks the same schemas about every environment's files).
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

/** A schema node turned into a function of the data: the keywords it has, nothing else. */
type Check = (data: unknown) => boolean;

/**
 * Checks by root (a `$ref` is resolved against its document) and node, compiled the first time
 * the walk reaches a node, so a run pays once per node it visits, not once per value: lint asks
 * the same schemas about every environment's files. A node is compiled only when visited, so a
 * keyword this walk leaves to ajv makes the answer unknown only where the data leads to it.
 */
const compiled = new WeakMap<object, WeakMap<object, Check>>();
const acceptAll: Check = () => true;
const rejectAll: Check = () => false;

function checkOf(schema: Schema, root: Schema): Check {
  if (schema === true) return acceptAll;
  if (schema === false) return rejectAll;
  const rootKey = typeof root === "object" ? root : compiled;
  let byNode = compiled.get(rootKey);
  if (!byNode) compiled.set(rootKey, (byNode = new WeakMap()));
  let check = byNode.get(schema);
  if (!check) byNode.set(schema, (check = compile(schema, root)));
  return check;
}

/** The check of a sub-schema, compiled on its first use (the walk may never get there). */
function later(schema: Schema, root: Schema): Check {
  let check: Check | undefined;
  return (data) => (check ??= checkOf(schema, root))(data);
}

/** Checks of the `properties` a node declares, each compiled when data first has that key. */
function propertyChecks(properties: Record<string, Schema>, root: Schema): (key: string) => Check {
  const made = new Map<string, Check>();
  return (key) => {
    let check = made.get(key);
    if (!check) made.set(key, (check = checkOf(properties[key]!, root)));
    return check;
  };
}

/** `s` as one function; the order of the checks is the order ajv's answer does not depend on, kept from the plain walk. */
function compile(s: Record<string, unknown>, root: Schema): Check {
  for (const keyword of UNSUPPORTED) if (s[keyword] !== undefined) throw new Unsupported(keyword);
  let types: string[] | undefined;
  if (s.type !== undefined) {
    types = (Array.isArray(s.type) ? [...s.type] : [s.type]) as string[];
    if (s.nullable === true) types.push("null");
  } else if (s.nullable !== undefined) {
    throw new Unsupported("nullable without type");
  }
  const patternProperties = isObject(s.patternProperties) ? Object.entries(s.patternProperties as Record<string, Schema>).map(([source, sub]) => [pattern(source), later(sub, root)] as [RegExp, Check]) : [];
  const checks: Check[] = [];

  if (typeof s.$ref === "string") {
    const ref = s.$ref;
    let target: Check | undefined;
    // Resolved when reached, as the walk did: a ref it cannot follow is unknown only if used.
    checks.push((data) => (target ??= checkOf(resolveRef(root, ref), root))(data));
  }
  if (types !== undefined) {
    const list = types;
    checks.push(list.length === 1 ? (data) => typeMatches(list[0]!, data) : (data) => list.some((t) => typeMatches(t, data)));
  }
  if (s.enum !== undefined) {
    const values = s.enum as unknown[];
    checks.push((data) => values.some((v) => equal(v, data)));
  }
  if (s.const !== undefined) {
    const value = s.const;
    checks.push((data) => equal(value, data));
  }

  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = s;
  if ([minimum, maximum, exclusiveMinimum, exclusiveMaximum].some((n) => typeof n === "number")) {
    checks.push((data) => {
      if (typeof data !== "number") return true;
      if (typeof minimum === "number" && !(data >= minimum)) return false;
      if (typeof maximum === "number" && !(data <= maximum)) return false;
      if (typeof exclusiveMinimum === "number" && !(data > exclusiveMinimum)) return false;
      if (typeof exclusiveMaximum === "number" && !(data < exclusiveMaximum)) return false;
      return true;
    });
  }
  const { minLength, maxLength } = s;
  const source = s.pattern;
  if (typeof minLength === "number" || typeof maxLength === "number" || typeof source === "string") {
    checks.push((data) => {
      if (typeof data !== "string") return true;
      if (typeof minLength === "number" && lengthOf(data) < minLength) return false;
      if (typeof maxLength === "number" && lengthOf(data) > maxLength) return false;
      // Compiled when a string reaches it: an invalid pattern is unknown only then.
      if (typeof source === "string" && !pattern(source).test(data)) return false;
      return true;
    });
  }
  if (typeof s.format === "string") {
    const name = s.format;
    checks.push((data) => formatHolds(name, data));
  }

  const { minItems, maxItems, items, additionalItems, contains } = s;
  const uniqueItems = s.uniqueItems === true;
  if (typeof minItems === "number" || typeof maxItems === "number" || items !== undefined || contains !== undefined || uniqueItems) {
    const tuple = Array.isArray(items) ? (items as Schema[]).map((sub) => later(sub, root)) : undefined;
    const each = tuple === undefined && items !== undefined ? later(items as Schema, root) : undefined;
    const rest = tuple !== undefined && additionalItems !== undefined ? later(additionalItems as Schema, root) : undefined;
    const some = contains !== undefined ? later(contains as Schema, root) : undefined;
    checks.push((data) => {
      if (!Array.isArray(data)) return true;
      if (typeof minItems === "number" && data.length < minItems) return false;
      if (typeof maxItems === "number" && data.length > maxItems) return false;
      if (tuple !== undefined) {
        for (let i = 0; i < Math.min(tuple.length, data.length); i++) if (!tuple[i]!(data[i])) return false;
        if (rest !== undefined) for (let i = tuple.length; i < data.length; i++) if (!rest(data[i])) return false;
      } else if (each !== undefined) {
        for (const item of data) if (!each(item)) return false;
      }
      if (some !== undefined && !data.some((item) => some(item))) return false;
      if (uniqueItems && data.some((item, i) => data.slice(i + 1).some((other) => equal(item, other)))) return false;
      return true;
    });
  }

  const { minProperties, maxProperties, required, additionalProperties, propertyNames, dependencies } = s;
  const properties = isObject(s.properties) ? (s.properties as Record<string, Schema>) : undefined;
  if (
    typeof minProperties === "number" ||
    typeof maxProperties === "number" ||
    Array.isArray(required) ||
    properties !== undefined ||
    patternProperties.length > 0 ||
    additionalProperties !== undefined ||
    propertyNames !== undefined ||
    isObject(dependencies)
  ) {
    const requiredKeys = Array.isArray(required) ? (required as string[]) : undefined;
    const property = properties ? propertyChecks(properties, root) : undefined;
    /** `properties` keys that plain objects inherit (`constructor`, ...): ajv checks them too. */
    const inherited = properties ? Object.keys(properties).filter((key) => key in Object.prototype) : [];
    const extra = additionalProperties !== undefined ? later(additionalProperties as Schema, root) : undefined;
    const names = propertyNames !== undefined ? later(propertyNames as Schema, root) : undefined;
    const depends = isObject(dependencies) ? Object.entries(dependencies).map(([key, dep]) => [key, Array.isArray(dep) ? (dep as string[]) : later(dep as Schema, root)] as const) : [];
    checks.push((value) => {
      if (!isObject(value)) return true;
      const data = value;
      if (typeof minProperties === "number" || typeof maxProperties === "number") {
        const count = Object.keys(data).length;
        if (typeof minProperties === "number" && count < minProperties) return false;
        if (typeof maxProperties === "number" && count > maxProperties) return false;
      }
      // `data[key] !== undefined`, not own keys: ajv's default `ownProperties: false`.
      if (requiredKeys !== undefined && requiredKeys.some((key) => data[key] === undefined)) return false;
      // The data's keys looked up in `properties` (not the other way round: chart schemas declare
      // hundreds of keys, values set a few); ajv's `data[key] !== undefined` also sees inherited keys.
      if (properties && property) {
        for (const key in data) if (Object.hasOwn(properties, key) && data[key] !== undefined && !property(key)(data[key])) return false;
        for (const key of inherited) if (!Object.hasOwn(data, key) && data[key] !== undefined && !property(key)(data[key])) return false;
      }
      for (const [re, sub] of patternProperties) for (const key in data) if (re.test(key) && !sub(data[key])) return false;
      if (extra !== undefined) {
        for (const key in data) {
          if (properties && Object.hasOwn(properties, key)) continue;
          if (patternProperties.some(([re]) => re.test(key))) continue;
          if (!extra(data[key])) return false;
        }
      }
      if (names !== undefined) for (const key in data) if (!names(key)) return false;
      for (const [key, dep] of depends) {
        if (data[key] === undefined) continue;
        if (Array.isArray(dep) ? dep.some((k) => data[k] === undefined) : !(dep as Check)(data)) return false;
      }
      return true;
    });
  }

  if (Array.isArray(s.allOf)) {
    const all = (s.allOf as Schema[]).map((sub) => later(sub, root));
    checks.push((data) => all.every((sub) => sub(data)));
  }
  if (Array.isArray(s.anyOf)) {
    const any = (s.anyOf as Schema[]).map((sub) => later(sub, root));
    checks.push((data) => any.some((sub) => sub(data)));
  }
  if (Array.isArray(s.oneOf)) {
    const one = (s.oneOf as Schema[]).map((sub) => later(sub, root));
    checks.push((data) => one.filter((sub) => sub(data)).length === 1);
  }
  if (s.not !== undefined) {
    const not = later(s.not as Schema, root);
    checks.push((data) => !not(data));
  }
  if (s.if !== undefined) {
    const cond = later(s.if as Schema, root);
    const then = s.then !== undefined ? later(s.then as Schema, root) : undefined;
    const otherwise = s.else !== undefined ? later(s.else as Schema, root) : undefined;
    checks.push((data) => {
      const branch = cond(data) ? then : otherwise;
      return branch === undefined || branch(data);
    });
  }

  if (checks.length === 0) return acceptAll;
  if (checks.length === 1) return checks[0]!;
  return (data) => {
    for (const check of checks) if (!check(data)) return false;
    return true;
  };
}

/**
 * true or false as ajv would answer for `schema` (the document root, for `$ref`s) and `data`;
 * undefined when the schema uses something this walk leaves to ajv.
 */
export function verdict(schema: Schema, data: unknown): boolean | undefined {
  try {
    return checkOf(schema, schema)(data);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
