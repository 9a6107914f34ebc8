/**
 * Shape checks of files: chart values against the pinned chart version's schema
 * (`schema/values`), built-in Kubernetes objects against kubernetes-models (`schema/manifest`),
 * custom resources against their CRD schema (`schema/crd`), and kinds without any schema
 * (`schema/unknown-kind`).
 */
import type { Diagnostic } from "../diagnostics/types.ts";
import { didYouMean } from "../diagnostics/suggest.ts";
import { pointerSegments, toPointer } from "../diagnostics/locate.ts";
import { isEnabled } from "../model/derive.ts";
import { isObject, type KubeDoc, type LintFile, type RuleContext } from "./context.ts";
import { builtinKind, validateBuiltin, type BuiltinError, type KindModel } from "./builtin.ts";
import { contentKey } from "./content-key.ts";
import { crdSchemaPath, parentSchemaOf, validatorFor, validatorOfSchema, valuesSchemaPath, type SchemaError } from "../schema/validators.ts";
import { ownAdapter } from "../model/extensions.ts";

export const SCHEMA_RULES = [
  { id: "schema/model", description: "the model matches schema/platform.schema.json" },
  { id: "schema/values", description: "each values file matches its pinned chart version's values schema" },
  { id: "schema/manifest", description: "each built-in Kubernetes object matches its kind's schema, with no unknown fields" },
  { id: "schema/crd", description: "each custom resource matches its CRD schema, with no unknown fields" },
  { id: "schema/unknown-kind", description: "every Kubernetes object has a schema (built-in kind or committed CRD schema)" },
  { id: "schema/yaml", description: "every generated file parses as YAML" },
  { id: "schema/yaml-duplicate-key", description: "no mapping of a generated YAML file repeats a key" },
] as const;

/** The properties a schema node declares, for "did you mean". */
function knownKeys(schema: unknown): string[] {
  if (!isObject(schema)) return [];
  const props = isObject(schema.properties) ? Object.keys(schema.properties) : [];
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    const list = schema[key];
    if (Array.isArray(list)) for (const sub of list) props.push(...knownKeys(sub));
  }
  return props;
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const s of pointerSegments(pointer)) node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[s] : undefined;
  return node;
}

/** Schema errors as diagnostics, unknown keys first-class (pointer at the key, with a suggestion). */
function schemaDiagnostics(ctx: RuleContext, rule: string, site: { file: LintFile; doc: number; pointer: string }, errors: readonly SchemaError[], what: string, schema: Record<string, unknown>, data: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === "anyOf" || e.keyword === "oneOf" || e.keyword === "if") continue;
    const base = pointerSegments(site.pointer);
    let diag: Diagnostic;
    if (e.keyword === "additionalProperties" || e.keyword === "unevaluatedProperties") {
      const key = String(e.params.additionalProperty ?? e.params.unevaluatedProperty);
      const pointer = toPointer([...base, ...pointerSegments(e.instancePath), key]);
      const hint = didYouMean(key, knownKeys(parentSchemaOf(schema, e.schemaPath))) ?? undefined;
      diag = ctx.at(rule, { ...site, pointer }, `unknown key "${key}" at ${e.instancePath || "/"} (${what})`, { key: true, ...(hint ? { hint } : {}) });
    } else {
      const pointer = toPointer([...base, ...pointerSegments(e.instancePath)]);
      const value = e.keyword === "required" ? "" : ` (got ${JSON.stringify(valueAt(data, e.instancePath))?.slice(0, 60)})`;
      const message = e.keyword === "required" ? `missing required key "${String(e.params.missingProperty)}"` : `${e.message ?? e.keyword}${value}`;
      diag = ctx.at(rule, { ...site, pointer }, `${e.instancePath || "/"} ${message} (${what})`);
    }
    const key = `${diag.pointer} ${diag.message}`;
    if (!seen.has(key)) out.push(diag);
    seen.add(key);
  }
  return out;
}

/** Values files against `schema/charts/<chart>/<version>.schema.json`. */
export async function checkValues(ctx: RuleContext): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const file of ctx.files) {
    const release = file.release;
    if (file.kind !== "values" || !release || release.chart === "local" || !isEnabled(ctx.env, release)) continue;
    const version = ctx.env.versions[release.name];
    if (version === undefined) continue;
    const site = { file, doc: 0, pointer: "" };
    // A release of the platform's own adapter is checked against the schema that adapter carries.
    const own = ownAdapter(ctx.platform, release.adapter);
    if (own?.kind === "values") {
      const validate = validatorOfSchema(own.schema, own.schemaSource);
      const data = file.docs[0] ?? {};
      if (!validate(data)) out.push(...schemaDiagnostics(ctx, "schema/values", site, validate.errors ?? [], `chart ${release.chart.name} ${version}, schema ${own.schemaSource === "inline" ? `of adapter "${own.name}"` : own.schemaSource}`, validate.schema, data));
      continue;
    }
    const path = valuesSchemaPath(release.chart.name, version);
    const validate = await validatorFor(path);
    if (!validate) {
      out.push(ctx.at("schema/values", site, `no values schema for chart ${release.chart.name} ${version} (${path})`, { hint: "derive it with `streamforge schema derive`" }));
      continue;
    }
    const data = file.docs[0] ?? {};
    if (!validate(data)) out.push(...schemaDiagnostics(ctx, "schema/values", site, validate.errors ?? [], `chart ${release.chart.name} ${version}`, validate.schema, data));
  }
  return out;
}

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? { group: "", version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/**
 * Problems of built-in objects by kind and content, per run (keyed by the run's `OutputFiles`):
 * environments repeat most of their Secrets, Services and Jobs verbatim (57 distinct of 400 on a
 * 50-environment model), and kubernetes-models' check of one (a tracked copy of the object, ajv, a
 * walk for unknown keys) is the costliest schema check there is. The errors are relative to the
 * object; each finding is still placed at its own file and line by the caller.
 */
const builtinMemo = new WeakMap<object, Map<string, readonly BuiltinError[]>>();

function builtinErrors(ctx: RuleContext, apiVersion: string, kind: string, model: KindModel, object: Record<string, unknown>): readonly BuiltinError[] {
  const content = contentKey(object);
  if (content === undefined) return validateBuiltin(model, object);
  let memo = builtinMemo.get(ctx.output);
  if (!memo) builtinMemo.set(ctx.output, (memo = new Map()));
  const key = `${apiVersion}\0${kind}\0${content}`;
  let errors = memo.get(key);
  if (!errors) memo.set(key, (errors = validateBuiltin(model, object)));
  return errors;
}

async function checkObject(ctx: RuleContext, doc: KubeDoc): Promise<Diagnostic[]> {
  const { apiVersion, kind } = doc;
  if (!apiVersion || !kind) {
    return [ctx.at("schema/unknown-kind", doc, `object without ${apiVersion ? "kind" : "apiVersion"}; every manifest needs apiVersion and kind`)];
  }
  const builtin = builtinKind(apiVersion, kind);
  if (builtin) {
    return builtinErrors(ctx, apiVersion, kind, builtin, doc.object).map((e) => {
      const pointer = toPointer([...pointerSegments(doc.pointer), ...pointerSegments(e.pointer)]);
      const where = e.pointer || "/";
      if (e.unknownKey === undefined) return ctx.at("schema/manifest", { ...doc, pointer }, `${kind} ${where}: ${e.message}`);
      return ctx.at("schema/manifest", { ...doc, pointer }, `${kind} ${where}: ${e.message}`, { key: true });
    });
  }
  const { group, version } = splitApiVersion(apiVersion);
  const path = crdSchemaPath(group, kind, version);
  const validate = group ? await validatorFor(path) : null;
  if (!validate) {
    return [ctx.at("schema/unknown-kind", { ...doc, pointer: toPointer([...pointerSegments(doc.pointer), "kind"]) }, `no schema for ${apiVersion} ${kind}: not a built-in kind and no ${path}`, { hint: "check apiVersion and kind, or add the CRD schema with `streamforge schema crds`" })];
  }
  if (validate(doc.object)) return [];
  return schemaDiagnostics(ctx, "schema/crd", doc, validate.errors ?? [], `${kind} ${apiVersion}`, validate.schema, doc.object);
}

/** Every Kubernetes object of the environment. */
export async function checkManifests(ctx: RuleContext): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const doc of ctx.kubeObjects) out.push(...(await checkObject(ctx, doc)));
  return out;
}

/** YAML parse errors (a hand edit can break a file). */
export function checkYaml(files: readonly LintFile[]): Diagnostic[] {
  return files.flatMap((file) => {
    // `.yml` too: Kubespray's group_vars and the GitLab CI templates.
    if (!/\.(ya?ml|gotmpl)$/.test(file.path) || file.generated) return [];
    const errors = file.yaml.errors.map((e) => ({ rule: "schema/yaml", severity: "error" as const, message: e.message, file: file.path, position: e.position }));
    const duplicates = file.yaml.duplicateKeys.map((d) => ({
      rule: "schema/yaml-duplicate-key",
      severity: "error" as const,
      message: `key "${d.key}" repeats the key at line ${d.first.line}; readers disagree on which one counts`,
      file: file.path,
      position: d.position,
      hint: "keep one of the two (and change the model, not the file: it is generated)",
    }));
    return [...errors, ...duplicates];
  });
}
