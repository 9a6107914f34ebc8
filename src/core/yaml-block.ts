/**
 * The block layout of `yaml`'s `stringify` for JSON data (maps, sequences, scalars), written
 * directly: the same text, at a fraction of the cost. Building a `yaml` Document node by node was
 * about half of `gen`'s time. How each scalar and each key is written (plain, quoted, block
 * literal; YAML 1.1 quoting of `on`, `0755`, ...) is still `yaml`'s decision: each distinct one is
 * rendered once by `yaml` itself and reused. Anything outside the layout handled here (a top-level
 * scalar or empty collection, a key `yaml` writes as an explicit `? ` key or one that looks like a
 * document marker, an object met twice, which `yaml` writes as an alias) returns undefined, and
 * the caller uses `yaml` for the whole document. `test/emit/yaml-block.test.ts` compares both.
 */
import { Document, stringify } from "yaml";

/** The options every emitter writes with (see `src/emit/yaml.ts`). */
export const YAML_OPTIONS = { version: "1.1", lineWidth: 0, minContentWidth: 0, indentSeq: true } as const;

const INDENT = "  ";

class Outside extends Error {}

/** A scalar as `yaml` writes it as a mapping value: one line, or a block literal's lines. */
interface Rendered {
  /** The text after `key: ` or `- `. */
  head: string;
  /** Block literal content, indented one step, as if under a top-level key ("" for blank lines). */
  body: string[];
}

const values = new Map<unknown, Rendered>();
const keys = new Map<string, string>();

/**
 * Strings `yaml` writes plain in any position: a letter, then letters, digits, `.`, `_`, `/`, `-`
 * (nothing YAML 1.1 reads as a date or indicator), except the words it reads as booleans or
 * null and exponents it reads as floats (`e5`). Most of the model's strings; no need to ask `yaml` about them.
 */
const PLAIN = /^[A-Za-z][A-Za-z0-9._/-]*$/;
const YAML11_WORDS = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|[eE]-?[0-9]+)$/;
const isPlain = (text: string): boolean => PLAIN.test(text) && !YAML11_WORDS.test(text);

/**
 * One line of printable ASCII without spaces that `yaml` writes plain as a value, by its own
 * rules: no leading indicator, not a lone `?` or `-`, no trailing `:`, no document marker, and
 * nothing the YAML 1.1 schema's tags read as another type (`yaml` asks the same tags). Addresses,
 * URLs and Proxmox parameters, distinct per environment, no longer go through `stringify` each.
 */
const PLAIN_VALUE = /^(?![,[\]{}#&*!|>'"%@`])[!-~]+$/;
const NOT_PLAIN_VALUE = /^[?-]$|:$|^(?:---|\.\.\.)/;
const otherTypes = (() => {
  const { tags, compat } = new Document(null, YAML_OPTIONS).schema;
  return [...tags, ...(compat ?? [])].flatMap((tag) => ("test" in tag && tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test ? [tag.test] : []));
})();
const isPlainValue = (text: string): boolean => PLAIN_VALUE.test(text) && !NOT_PLAIN_VALUE.test(text) && !otherTypes.some((test) => test.test(text));

function scalar(value: unknown): Rendered {
  if (typeof value === "string" && isPlain(value)) return { head: value, body: [] };
  if (typeof value === "string" && isPlainValue(value)) return { head: value, body: [] };
  // An integer is written in decimal, as JSON writes it (VM ids, ports: distinct per environment).
  if (typeof value === "number" && Number.isSafeInteger(value) && !Object.is(value, -0)) return { head: String(value), body: [] };
  // Map keys compare -0 and 0 as equal; `yaml` writes them differently.
  const cacheable = !Object.is(value, -0);
  const hit = cacheable ? values.get(value) : undefined;
  if (hit) return hit;
  const text = stringify({ k: value }, YAML_OPTIONS);
  if (!text.startsWith("k: ") || !text.endsWith("\n")) throw new Outside();
  const [head, ...body] = text.slice(3, -1).split("\n");
  if (body.some((line) => line !== "" && !line.startsWith(INDENT))) throw new Outside();
  const rendered = { head: head!, body };
  if (cacheable) values.set(value, rendered);
  return rendered;
}

function key(name: string): string {
  if (isPlain(name)) return name;
  let text = keys.get(name);
  if (text === undefined) {
    // How `yaml` writes a key that looks like a document marker depends on its depth.
    if (/^(%|---|\.\.\.)/m.test(name)) throw new Outside();
    const full = stringify({ [name]: null }, YAML_OPTIONS);
    if (!full.endsWith(": null\n") || full.indexOf("\n") !== full.length - 1) throw new Outside();
    text = full.slice(0, -": null\n".length);
    keys.set(name, text);
  }
  return text;
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const isCollection = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : isMap(v) && Object.keys(v).length > 0);

/** Collections met so far in this document: `yaml` writes one met twice as an anchor and alias. */
let seen = new Set<object>();
function once(value: object): void {
  if (seen.has(value)) throw new Outside();
  seen.add(value);
}

/** `prefix` then a value that stays on the line (scalar, `{}` or `[]`), owned by a line at `indent`. */
function inline(out: string[], prefix: string, value: unknown, indent: string): void {
  if (Array.isArray(value) || isMap(value)) {
    once(value);
    out.push(`${prefix}${Array.isArray(value) ? "[]" : "{}"}`);
    return;
  }
  const { head, body } = scalar(value);
  out.push(`${prefix}${head}`);
  for (const line of body) out.push(line === "" ? "" : `${indent}${line}`);
}

function map(out: string[], value: Record<string, unknown>, indent: string): void {
  once(value);
  for (const [name, child] of Object.entries(value)) {
    const k = `${indent}${key(name)}:`;
    if (!isCollection(child)) inline(out, `${k} `, child, indent);
    else {
      out.push(k);
      if (Array.isArray(child)) seq(out, child, indent + INDENT);
      else map(out, child as Record<string, unknown>, indent + INDENT);
    }
  }
}

function seq(out: string[], value: unknown[], indent: string): void {
  once(value);
  for (const item of value) {
    if (!isCollection(item)) {
      inline(out, `${indent}- `, item, indent);
      continue;
    }
    // A nested collection starts on the dash's line.
    const start = out.length;
    if (Array.isArray(item)) seq(out, item, indent + INDENT);
    else map(out, item as Record<string, unknown>, indent + INDENT);
    out[start] = `${indent}- ${out[start]!.slice(indent.length + INDENT.length)}`;
  }
}

/** `stringify(data, YAML_OPTIONS)` for a non-empty map or sequence of JSON data; undefined otherwise. */
export function blockYaml(data: unknown): string | undefined {
  if (!isCollection(data)) return undefined;
  const out: string[] = [];
  seen = new Set();
  try {
    if (Array.isArray(data)) seq(out, data, "");
    else map(out, data as Record<string, unknown>, "");
  } catch (error) {
    if (error instanceof Outside) return undefined;
    throw error;
  }
  return `${out.join("\n")}\n`;
}
