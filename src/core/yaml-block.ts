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

/** Scalars `yaml` was asked about: one line (the text after `key: `), or a block literal. */
const values = new Map<unknown, string | Rendered>();
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

/** Characters that make `yaml` double-quote a string (its own test), and a tab, which this writer leaves to it. */
const QUOTED = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;

/**
 * A multi-line string as `yaml` writes it as a value with `lineWidth: 0`: a block literal (`|`,
 * or `|-` without a final newline), its lines one step in, blank lines empty. Only the strings
 * whose block has no indentation indicator and no kept trailing newlines: a line of content, no
 * leading space or newline, no trailing whitespace but one final newline, no tab or control character. The
 * configuration files emitters embed (a realm's JSON, TOML, a YAML list) are such strings, and
 * differ per environment, so asking `yaml` about each cost more than any other scalar.
 */
function blockLiteral(text: string): Rendered | undefined {
  const clip = text.endsWith("\n");
  const content = clip ? text.slice(0, -1) : text;
  const first = content.charCodeAt(0);
  const last = content.charCodeAt(content.length - 1);
  // Space, newline, tab: yaml adds an indentation or keep indicator, or quotes.
  if (content === "" || first === 32 || first === 10 || first === 9 || last === 32 || last === 10 || last === 9 || QUOTED.test(content)) return undefined;
  return { head: clip ? "|" : "|-", body: `${INDENT}${content.replace(/\n+/g, `$&${INDENT}`)}`.split("\n") };
}

function scalar(value: unknown): string | Rendered {
  if (typeof value === "string") {
    if (isPlain(value)) return value;
    const hit = values.get(value);
    if (hit !== undefined) return hit;
    if (isPlainValue(value)) return value;
    if (value.includes("\n")) {
      const block = blockLiteral(value);
      if (block) return block;
    }
  }
  // An integer is written in decimal, as JSON writes it (VM ids, ports: distinct per environment).
  if (typeof value === "number" && Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
  // Map keys compare -0 and 0 as equal; `yaml` writes them differently.
  const cacheable = !Object.is(value, -0);
  const hit = cacheable ? values.get(value) : undefined;
  if (hit !== undefined) return hit;
  const text = stringify({ k: value }, YAML_OPTIONS);
  if (!text.startsWith("k: ") || !text.endsWith("\n")) throw new Outside();
  const [head, ...body] = text.slice(3, -1).split("\n");
  if (body.some((line) => line !== "" && !line.startsWith(INDENT))) throw new Outside();
  const rendered = body.length ? { head: head!, body } : head!;
  if (cacheable) values.set(value, rendered);
  return rendered;
}

function key(name: string): string {
  let text = keys.get(name);
  if (text === undefined) {
    if (isPlain(name)) {
      // The same few hundred keys recur in every document: one lookup instead of two patterns.
      keys.set(name, name);
      return name;
    }
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

/** Whether a map has a member `yaml` writes (one not undefined: `yaml` leaves those out, as `prune` does). */
function hasMember(value: Record<string, unknown>): boolean {
  for (const name in value) if (Object.hasOwn(value, name) && value[name] !== undefined) return true;
  return false;
}

/**
 * Collections met so far in this document, when the data may hold one twice (`blockYaml`): `yaml`
 * writes such a collection as an anchor and alias. Undefined for a pruned copy (`writeYaml`),
 * where each collection is a new object.
 */
let seen: Set<object> | undefined;
/** The lines written so far, each with its newline: joined once, into a flat string (readers compare it with files). */
let out: string[] = [];

/** `prefix` then a scalar, its block literal's lines under `indent`. */
function scalarLine(prefix: string, value: unknown, indent: string): void {
  const rendered = scalar(value);
  if (typeof rendered === "string") {
    out.push(`${prefix}${rendered}\n`);
    return;
  }
  out.push(`${prefix}${rendered.head}\n`);
  for (const line of rendered.body) out.push(line === "" ? "\n" : `${indent}${line}\n`);
}

/**
 * A map's members at `indent`, the first line starting with `first` instead (`- ` of a list
 * item); returns the map without undefined members, as `prune` copies it.
 */
function map(value: Record<string, unknown>, indent: string, first: string): Record<string, unknown> {
  seen?.add(value);
  const copy: Record<string, unknown> = {};
  const deeper = indent + INDENT;
  let lead = first;
  for (const name of Object.keys(value)) {
    const child = value[name];
    if (child === undefined) continue;
    // Assigning it would set the copy's prototype, not a member.
    if (name === "__proto__") throw new Outside();
    const k = `${lead}${key(name)}:`;
    lead = indent;
    if (child !== null && typeof child === "object") {
      if (seen?.has(child)) throw new Outside();
      if (Array.isArray(child)) {
        if (child.length) {
          out.push(`${k}\n`);
          copy[name] = seq(child, deeper, deeper);
        } else {
          seen?.add(child);
          out.push(`${k} []\n`);
          copy[name] = [];
        }
      } else if (hasMember(child as Record<string, unknown>)) {
        out.push(`${k}\n`);
        copy[name] = map(child as Record<string, unknown>, deeper, deeper);
      } else {
        seen?.add(child);
        out.push(`${k} {}\n`);
        copy[name] = {};
      }
    } else {
      scalarLine(`${k} `, child, indent);
      copy[name] = child;
    }
  }
  return copy;
}

/** A list's items at `indent`, the first line starting with `first` instead; returns its copy (see `map`). */
function seq(value: unknown[], indent: string, first: string): unknown[] {
  seen?.add(value);
  const copy = new Array<unknown>(value.length);
  const deeper = indent + INDENT;
  let lead = first;
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    // A nested collection starts on the dash's line.
    const dash = `${lead}- `;
    lead = indent;
    if (item !== null && typeof item === "object") {
      if (seen?.has(item)) throw new Outside();
      if (Array.isArray(item)) {
        if (item.length) copy[i] = seq(item, deeper, dash);
        else {
          seen?.add(item);
          out.push(`${dash}[]\n`);
          copy[i] = [];
        }
      } else if (hasMember(item as Record<string, unknown>)) {
        copy[i] = map(item as Record<string, unknown>, deeper, dash);
      } else {
        seen?.add(item);
        out.push(`${dash}{}\n`);
        copy[i] = {};
      }
    } else {
      scalarLine(dash, item, indent);
      copy[i] = item;
    }
  }
  return copy;
}

/** The text and copy of a non-empty map or list; undefined for anything else or outside the layout. */
function write(data: unknown, shared: boolean): { text: string; copy: unknown } | undefined {
  const list = Array.isArray(data) && data.length > 0;
  if (!list && !(isMap(data) && hasMember(data))) return undefined;
  out = [];
  seen = shared ? new Set() : undefined;
  try {
    const copy = list ? seq(data as unknown[], "", "") : map(data as Record<string, unknown>, "", "");
    return { text: out.join(""), copy };
  } catch (error) {
    if (error instanceof Outside) return undefined;
    throw error;
  } finally {
    out = [];
    seen = undefined;
  }
}

/** `stringify(data, YAML_OPTIONS)` for a non-empty map or sequence of JSON data; undefined otherwise. */
export function blockYaml(data: unknown): string | undefined {
  return write(data, true)?.text;
}

/**
 * `stringify(prune(data), YAML_OPTIONS)` and `prune(data)` (`data` without undefined members, a
 * new object for every collection), in one walk; undefined where `blockYaml` of the copy would be.
 */
export function blockYamlPruned(data: unknown): { text: string; copy: unknown } | undefined {
  return write(data, false);
}

/** A non-empty map or list: written over lines of its own. */
const isBlock = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : isMap(v) && hasMember(v));

/** The lines `map`/`seq` write for a value (a collection's members, or a scalar with its block lines). */
function linesOf(value: unknown): number {
  if (Array.isArray(value)) {
    if (!value.length) return 1;
    let lines = 0;
    for (const item of value) lines += linesOf(item);
    return lines;
  }
  if (isMap(value)) {
    if (!hasMember(value)) return 1;
    let lines = 0;
    for (const name of Object.keys(value)) {
      const child = value[name];
      if (child !== undefined) lines += (isBlock(child) ? 1 : 0) + linesOf(child);
    }
    return lines;
  }
  const rendered = scalar(value);
  return typeof rendered === "string" ? 1 : 1 + rendered.body.length;
}

/**
 * Where `yaml`'s parser places the node at a JSON pointer (its segments) in the text `blockYaml`
 * writes for `data`: line (0-based, from the document's first line) and column (1-based), with
 * the rules of `YamlSource.positionOf`: a collection, or with `atKey` a map member, at its key; a
 * pointer that runs past the tree at the deepest node it reaches. Counted from the data, without
 * writing or parsing the text; undefined where `blockYaml` would decline the data.
 */
export function blockPosition(data: unknown, segments: readonly string[], atKey: boolean): { line: number; column: number } | undefined {
  if (!isBlock(data)) return undefined;
  try {
    let node = data;
    // Where `node` starts (a collection: at its first member) and the indentation of its members.
    let line = 0;
    let indent = 0;
    let at = { line: 0, column: 1 };
    let keyAt: { line: number; column: number } | undefined;
    for (const segment of segments) {
      keyAt = undefined;
      if (Array.isArray(node) && node.length) {
        const index = Number(segment);
        if (!Number.isInteger(index) || index < 0 || index >= node.length) break;
        for (let i = 0; i < index; i++) line += linesOf(node[i]);
        node = node[index];
        // An item, scalar or collection, starts after its dash.
        at = { line, column: indent + 3 };
        indent += 2;
      } else if (isMap(node) && hasMember(node)) {
        let found = false;
        for (const name of Object.keys(node)) {
          const child = node[name];
          if (child === undefined) continue;
          if (name === segment) {
            found = true;
            break;
          }
          line += (isBlock(child) ? 1 : 0) + linesOf(child);
        }
        if (!found) break;
        const child = node[segment];
        keyAt = { line, column: indent + 1 };
        if (isBlock(child)) {
          line += 1;
          indent += 2;
          at = { line, column: indent + 1 };
        } else {
          at = { line, column: indent + key(segment).length + 3 };
        }
        node = child;
      } else break;
    }
    const collection = Array.isArray(node) || isMap(node);
    return (atKey || collection) && keyAt ? keyAt : at;
  } catch (error) {
    if (error instanceof Outside) return undefined;
    throw error;
  }
}
