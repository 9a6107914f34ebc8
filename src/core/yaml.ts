/**
 * YAML serialisation shared by every emitter. Data is built as plain objects and written
 * here, never templated as text, so output is valid and byte-stable.
 *
 * YAML 1.1 rules are used for quoting: Ansible (PyYAML) and Helm (go-yaml) read `on`, `yes`,
 * `no`, `0755` or `1_000` as booleans and numbers unless they are quoted.
 */
import { stringify } from "yaml";
import { header } from "./files.ts";
import { blockYamlPruned, YAML_OPTIONS } from "./yaml-block.ts";

/** A JSON-compatible value: what emitters build and what YAML can round-trip. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const OPTIONS = YAML_OPTIONS;

/**
 * `yaml`'s text for a document without its undefined members, and that pruned copy: written
 * directly in one walk where the layout allows (same bytes), else pruned, then `yaml`.
 */
function write(doc: unknown): { text: string; copy: unknown } {
  const fast = blockYamlPruned(doc);
  if (fast) return fast;
  const copy = prune(doc);
  return { text: stringify(copy, OPTIONS), copy };
}

/** Keys Kubernetes readers expect first; everything else keeps insertion order. */
const KUBE_KEY_ORDER = ["apiVersion", "kind", "metadata"];

/** Puts `apiVersion`, `kind`, `metadata` first in a Kubernetes object. */
export function orderKubeObject<T extends Record<string, unknown>>(object: T): T {
  const ordered: Record<string, unknown> = {};
  for (const key of KUBE_KEY_ORDER) if (key in object) ordered[key] = object[key];
  for (const [key, value] of Object.entries(object)) if (!(key in ordered)) ordered[key] = value;
  return ordered as T;
}

/** Removes `undefined` members so optional model fields leave no trace in the output. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = prune(v);
    return out;
  }
  return value;
}

/** One YAML document, without header. */
export function toYaml(data: unknown): string {
  return write(data).text;
}

/** A generated YAML file: header, then one document or several separated by `---`. */
export function yamlFile(...documents: unknown[]): string {
  return yamlContent(...documents).content;
}

/**
 * A generated YAML file's text and the documents it was written from, to spread into a file
 * record: lint reads the documents of a file whose text is unchanged instead of parsing it again.
 */
export function yamlContent(...documents: unknown[]): { content: string; documents: unknown[] } {
  return yamlWithComments(header("#"), documents);
}

/** Comment lines, then documents separated by `---`, then comment lines; as `yamlContent`. */
export function yamlWithComments(leading: string, documents: unknown[], trailing = ""): { content: string; documents: unknown[] } {
  // Joined once: a flat string, which the writer and lint compare with the file on disk.
  const parts = [leading];
  const pruned: unknown[] = [];
  documents.forEach((doc, i) => {
    const { text, copy } = write(doc);
    if (i > 0) parts.push("---\n");
    parts.push(text);
    pruned.push(copy);
  });
  parts.push(trailing);
  return { content: parts.join(""), documents: pruned };
}
