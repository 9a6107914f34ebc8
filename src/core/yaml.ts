/**
 * YAML serialisation shared by every emitter. Data is built as plain objects and written
 * here, never templated as text, so output is valid and byte-stable.
 *
 * YAML 1.1 rules are used for quoting: Ansible (PyYAML) and Helm (go-yaml) read `on`, `yes`,
 * `no`, `0755` or `1_000` as booleans and numbers unless they are quoted.
 */
import { stringify } from "yaml";
import { header } from "./files.ts";

/** A JSON-compatible value: what emitters build and what YAML can round-trip. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const OPTIONS = { version: "1.1", lineWidth: 0, minContentWidth: 0, indentSeq: true } as const;

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
  return stringify(prune(data), OPTIONS);
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
  const pruned = documents.map(prune);
  return { content: header("#") + pruned.map((doc) => stringify(doc, OPTIONS)).join("---\n"), documents: pruned };
}
