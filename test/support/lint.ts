/**
 * Runs `lint` on a model and an output tree held in memory: the generated files, with the edits
 * a test makes to them "on disk". Schemas are the repository's `schema/`, completed where a
 * chart version or kind has none yet (see `testSchemaRoot`).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseAllDocuments } from "yaml";
import { generate } from "../../src/pipeline/generate.ts";
import { yamlFile } from "../../src/core/yaml.ts";
import { lint, type LintOptions } from "../../src/pipeline/lint.ts";
import { useSchemaRoot } from "../../src/core/schema/validators.ts";
import type { Diagnostic } from "../../src/core/diagnostics/types.ts";
import type { Platform } from "../../src/core/model/types.ts";
import type { FileRecord } from "../../src/core/files.ts";
import { LintContext, LintFile } from "../../src/core/lint/context.ts";
import { streamforge } from "../../src/platform/streamforge.ts";

export const REPO = resolve(import.meta.dirname, "../..");

/** One invalid case: a model change and/or edits of generated files, and where lint must point. */
export interface InvalidCase {
  name: string;
  rule: string;
  env?: string;
  model?: (platform: Platform) => Platform;
  /** Edits of generated files (by path), as a user would make them on disk. */
  edit?: Record<string, (text: string) => string>;
  /** Files added on disk. */
  add?: Record<string, string>;
  expect: {
    file: string;
    pointer?: string;
    /** Text on the line the diagnostic must point at (first occurrence in the linted file). */
    lineOf?: string;
    message?: RegExp;
    hint?: RegExp;
    severity?: "error" | "warning";
  };
}

/** Edits the first YAML document of a generated file as data and writes it back in the generator's style. */
export function editYaml(mutate: (data: any) => void): (text: string) => string {
  return (text) => {
    const docs = parseAllDocuments(text, { version: "1.1" }).map((d) => d.toJS() as unknown);
    mutate(docs[0]);
    return yamlFile(...docs);
  };
}

const generatedCache = new Map<Platform, Map<string, string>>();

export function generatedFiles(platform: Platform = streamforge): Map<string, string> {
  let files = generatedCache.get(platform);
  if (!files) {
    files = new Map(generate(platform).map((r) => [r.path, r.content]));
    generatedCache.set(platform, files);
  }
  return files;
}

/** The on-disk tree of a case: generated files with the case's edits and additions. */
export function treeOf(c: Pick<InvalidCase, "edit" | "add">, platform: Platform): Map<string, string> {
  const tree = new Map(generatedFiles(platform));
  for (const [path, edit] of Object.entries(c.edit ?? {})) {
    const text = tree.get(path);
    if (text === undefined) throw new Error(`the model generates no ${path}`);
    tree.set(path, edit(text));
  }
  for (const [path, content] of Object.entries(c.add ?? {})) tree.set(path, content);
  return tree;
}

/** A JSON schema that accepts exactly the shape of `data`: closed objects, maps where told. */
export function inferSchema(data: unknown): Record<string, unknown> {
  if (Array.isArray(data)) return { type: "array", ...(data.length ? { items: data.map(inferSchema).reduce(mergeSchemas) } : {}) };
  if (data !== null && typeof data === "object") {
    const properties = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, inferSchema(v)]));
    return { type: "object", properties, additionalProperties: false };
  }
  if (data === null) return {};
  return { type: typeof data === "number" ? "number" : typeof data };
}

function mergeSchemas(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  if (a.type === "object" && b.type === "object") {
    const pa = a.properties as Record<string, Record<string, unknown>>;
    const pb = b.properties as Record<string, Record<string, unknown>>;
    const properties: Record<string, unknown> = { ...pa };
    for (const [k, v] of Object.entries(pb)) properties[k] = pa[k] ? mergeSchemas(pa[k], v) : v;
    return { ...a, properties };
  }
  return a.type === b.type ? a : {};
}

/** A Kubernetes object written as a hand-added file (with the generated header, as if copied). */
export function manifest(object: Record<string, unknown>): string {
  return yamlFile(object);
}

/** Sets the first `key` found depth-first below `data` whose parent satisfies `where`. */
export function setFirst(data: unknown, key: string, value: unknown, where: (parent: Record<string, unknown>) => boolean = () => true): boolean {
  if (Array.isArray(data)) return data.some((item) => setFirst(item, key, value, where));
  if (data === null || typeof data !== "object") return false;
  const object = data as Record<string, unknown>;
  if (key in object && where(object)) {
    object[key] = value;
    return true;
  }
  return Object.values(object).some((child) => setFirst(child, key, value, where));
}

let fallbackRoot: string | undefined;

/**
 * Schema root for tests: the repository's committed schemas, with closed schemas inferred from the
 * default model's generated files for any chart version or custom kind that has none yet, so that
 * every case runs against a complete set.
 */
export function testSchemaRoot(): string {
  if (fallbackRoot) return fallbackRoot;
  const root = mkdtempSync(join(tmpdir(), "streamforge-schemas-"));
  if (existsSync(join(REPO, "schema"))) cpSync(join(REPO, "schema"), join(root, "schema"), { recursive: true });
  const write = (path: string, schema: unknown) => {
    if (existsSync(join(root, path))) return;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), JSON.stringify(schema));
  };
  for (const release of streamforge.releases) {
    if (release.chart === "local") continue;
    const text = generatedFiles().get(`values/prod/${release.name}.yaml`);
    const version = streamforge.environments[0]!.versions[release.name];
    if (text !== undefined && version) write(`schema/charts/${release.chart.name}/${version}.schema.json`, inferSchema(parseAllDocuments(text)[0]?.toJS()));
  }
  for (const [path, text] of generatedFiles()) {
    if (!path.startsWith("manifests/prod/")) continue;
    const object = parseAllDocuments(text)[0]?.toJS() as { apiVersion?: string; kind?: string } | null;
    if (!object?.apiVersion?.includes("/") || !object.kind) continue;
    const [group, version] = object.apiVersion.split("/");
    write(`schema/crds/${group}/${object.kind.toLowerCase()}_${version}.json`, inferSchema(object));
  }
  fallbackRoot = root;
  return root;
}

/** Lints a case; the model schema stage is skipped unless the case is about it. */
export async function lintCase(c: InvalidCase, options: Partial<LintOptions> = {}): Promise<{ diagnostics: Diagnostic[]; tree: Map<string, string> }> {
  const platform = c.model ? c.model(structuredClone(streamforge)) : streamforge;
  let base: Platform = streamforge;
  try {
    generatedFiles(platform);
    base = platform;
  } catch {
    // The emitters reject this model; the disk still holds the last good generation.
  }
  const tree = treeOf(c, base);
  useSchemaRoot(testSchemaRoot());
  const diagnostics = await lint(platform, {
    env: c.env ?? "prod",
    read: (path) => tree.get(path),
    list: (dir) => [...tree.keys()].filter((p) => p.startsWith(`${dir}/`)),
    skipModelSchema: c.rule !== "schema/model",
    ...options,
  });
  return { diagnostics, tree };
}

/** 1-based line of the first occurrence of `text` in `content`. */
export function lineOf(content: string, text: string): number {
  const index = content.indexOf(text);
  if (index < 0) throw new Error(`"${text}" does not occur in the file`);
  return content.slice(0, index).split("\n").length;
}

/**
 * What `lint` gives a platform rule, over files as they would be on disk. Each file is parsed
 * from its text (an edited record may still carry the documents of the text it replaced).
 */
export function platformContext(platform: Platform, records: FileRecord[]): LintContext {
  return new LintContext(platform, records.map((r) => new LintFile(r.path, r.content, "other", undefined)), "src/platform/streamforge.ts");
}
