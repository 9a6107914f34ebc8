/**
 * `lint` as a library call: the model's shape first (schema), then the files the model
 * generates, as they are on disk where they exist (hand edits are checked, and reported as
 * drift), against chart, Kubernetes and CRD schemas, then every rule.
 */
import { readdirSync, statSync, type Dirent } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../core/diagnostics/types.ts";
import type { Platform, Release } from "../core/model/types.ts";
import { generate } from "./generate.ts";
import { type FileRecord, regenerateCommands } from "../core/files.ts";
import { environmentNamed } from "../core/environments.ts";
import { AdapterError } from "../core/errors.ts";
import { readIfExists } from "../core/fs.ts";
import { manifestDir } from "../helm/helmfile.ts";
import { type ContextOptions, LintContext, LintFile, OutputFiles, RuleContext, type FileKind, type Rule, type VmSpecRead } from "../core/lint/context.ts";
import { checkManifests, checkValues, checkYaml, SCHEMA_RULES } from "../core/lint/schema-checks.ts";
import { useExtraSchemaDirs, validatorFor } from "../core/schema/validators.ts";
import { NEEDS_RULE } from "../core/check/release-needs.ts";
import { meaningProblems } from "../core/check/model-meaning.ts";
import { rules as allRules } from "./rules.ts";
import { sections, spliceSection } from "./sections.ts";
import { carrySerials } from "../dns/zone-serial.ts";
import { vmSpecData } from "../proxmox/emit.ts";

export type { Rule } from "../core/lint/context.ts";
export { rules } from "./rules.ts";

export interface LintOptions {
  /** Output directory whose files are linted (default: generated content only, when absent). */
  outDir?: string;
  /** Only this environment (plus shared files). */
  env?: string;
  /** Name the model is reported under in diagnostics about the model itself. */
  modelFile?: string;
  /** Reads a file of the output directory; undefined when it does not exist. Tests pass their own. */
  read?: (path: string) => string | undefined;
  /** Lists files below a directory of the output directory (relative paths); [] when absent. */
  list?: (dir: string) => string[];
  /** Skip the model schema stage (for callers that validated the model already). */
  skipModelSchema?: boolean;
  /**
   * Folders laid out like the package's `schema/` (`charts/<chart>/<version>.schema.json`,
   * `crds/<group>/<kind>_<version>.json`), searched first: a consumer's own schemas, e.g. for a
   * newer chart version than the package pins.
   */
  schemaDirs?: readonly string[];
}

export const DRIFT_RULE = { id: "drift/out-of-date", description: "files on disk are what the model generates" } as const;
export const EMPTY_LOCAL_RULE = { id: "helmfile/empty-local-release", description: "every installed local release has manifests (Helmfile's chart directory exists)" } as const;

/** Ids and descriptions of every check `lint` runs. */
export function ruleCatalogue(): Array<{ id: string; description: string }> {
  return [...SCHEMA_RULES, { id: NEEDS_RULE, description: "every release a release needs is in the platform" }, { id: "model/missing-settings", description: "every installed release has the component settings its adapter reads" }, { id: "model/adapter-failed", description: "every installed release's adapter (the package's or the platform's own) returns its values or objects" }, DRIFT_RULE, EMPTY_LOCAL_RULE, ...allRules.map(({ id, description }) => ({ id, description }))];
}

function diskReader(outDir: string): (path: string) => string | undefined {
  return (path) => readIfExists(join(outDir, path));
}

function diskLister(outDir: string): (dir: string) => string[] {
  const walkDir = (rel: string): string[] => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(outDir, rel), { withFileTypes: true });
    } catch {
      return [];
    }
    return entries.flatMap((entry) => {
      const child = `${rel}/${entry.name}`;
      // The listing says what each entry is; only a link needs a stat to say where it leads.
      const dir = entry.isSymbolicLink() ? statSync(join(outDir, child)).isDirectory() : entry.isDirectory();
      return dir ? walkDir(child) : [child];
    });
  };
  return walkDir;
}

/**
 * Which release and kind of output a path is, for the files of one run: the releases are looked
 * up by name in a map made once (every file of a run is classified, thousands with 50 environments).
 */
function classifier(platform: Platform): (path: string) => { kind: FileKind; release?: Release } {
  const releases = new Map<string, Release>();
  for (const r of platform.releases) if (!releases.has(r.name)) releases.set(r.name, r);
  return (path) => classify(path, (name) => (name === undefined ? undefined : releases.get(name)));
}

function classify(path: string, byName: (name: string | undefined) => Release | undefined): { kind: FileKind; release?: Release } {
  const parts = path.split("/");
  if (parts[0] === "values" && parts.length === 3) return { kind: "values", release: byName(parts[2]?.replace(/\.yaml$/, "")) };
  if (parts[0] === "manifests" && parts.length >= 4) return { kind: "manifest", release: byName(parts[2]) };
  if (parts[0] === "environments") return { kind: "environment" };
  if (path === "helmfile.yaml.gotmpl") return { kind: "helmfile" };
  return { kind: "other" };
}

/**
 * The model schema stage. A valid model (the usual case) is confirmed by the cached compiled
 * schema; only an invalid one pays for `validateModel`'s compile, for its detailed messages.
 */
async function checkModel(platform: Platform, modelFile: string): Promise<Diagnostic[]> {
  const fast = await validatorFor("schema/platform.schema.json");
  if (fast && fast(platform)) return (await import("./release-registry.ts")).checkMeaning(platform, modelFile);
  const { validateModel } = await import("./validate.ts");
  return validateModel(platform, modelFile);
}

/** Every problem `lint` finds, all at once (not the first). */
export async function lint(platform: Platform, options: LintOptions = {}): Promise<Diagnostic[]> {
  const modelFile = options.modelFile ?? "src/platform/streamforge.ts";
  useExtraSchemaDirs(options.schemaDirs ?? []);
  const { gen: genCommand, check: checkCommand } = regenerateCommands(platform);
  if (options.env !== undefined) environmentNamed(platform, options.env);
  const modelErrors = options.skipModelSchema ? [] : await checkModel(platform, modelFile);
  // Shape before meaning: rules assume a well-formed model.
  if (modelErrors.length) return modelErrors;

  let records: FileRecord[];
  // With --env, the platform rules check that environment, and read the others' VMs from the model.
  let scope: ContextOptions = options.env === undefined ? {} : { environments: platform.environments.filter((e) => e.name === options.env) };
  try {
    records = generate(platform, options.env === undefined ? {} : { env: options.env });
    if (options.env !== undefined) scope = scopedTo(platform, options.env);
  } catch (error) {
    // A model the emitters reject: the rules below still say why, from the model alone.
    records = [];
    if (error instanceof AdapterError) modelErrors.push(error.diagnostic(modelFile));
    else modelErrors.push({ rule: "schema/model", severity: "error", message: `generation failed: ${(error as Error).message}`, file: modelFile });
  }
  const read = options.read ?? (options.outDir !== undefined ? diskReader(options.outDir) : () => undefined);
  const list = options.list ?? (options.outDir !== undefined ? diskLister(options.outDir) : () => []);
  const checkDisk = options.read !== undefined || options.outDir !== undefined;
  // Zone serials carry on from the files on disk, as `gen` writes them.
  if (checkDisk) records = carrySerials(records, read);
  const out: Diagnostic[] = [...modelErrors];
  const files: Array<{ file: LintFile; env?: string }> = [];
  const classified = classifier(platform);
  const toFile = (path: string, text: string, record?: FileRecord) => {
    const { kind, release } = classified(path);
    // The generator's documents stand for the text only while the text is exactly what it wrote.
    return new LintFile(path, text, kind, release, record && text === record.content ? record.documents : undefined);
  };

  for (const record of records) {
    const disk = checkDisk ? read(record.path) : record.content;
    if (disk === undefined) {
      out.push({ rule: DRIFT_RULE.id, severity: "error", message: `${record.path} is missing on disk`, file: record.path, hint: `run \`${genCommand}\` and commit the result` });
    } else if (disk !== record.content) {
      out.push({ rule: DRIFT_RULE.id, severity: "error", message: `${record.path} differs from what the model generates (edited by hand?)`, file: record.path, hint: `change the model instead, then run \`${genCommand}\`; \`${checkCommand}\` shows the diff` });
    }
    // An unchanged file's text from disk is dropped at once for the generated string (the same
    // text): kept, every file's text was held twice through the run.
    const text = disk === undefined || disk === record.content ? record.content : disk;
    files.push({ file: toFile(record.path, text, record), ...(record.env ? { env: record.env } : {}) });
  }
  // Generated sections of hand-written files (the README's prerequisites).
  if (checkDisk) {
    for (const section of sections(platform)) {
      const text = read(section.path);
      const next = text === undefined ? undefined : spliceSection(text, section);
      if (next !== undefined && next !== text) out.push({ rule: DRIFT_RULE.id, severity: "error", message: `${section.path}: its generated section "${section.name}" differs from what the model generates`, file: section.path, hint: `run \`${regenerateCommands(platform).gen}\` and commit the result` });
    }
  }
  // Helmfile installs a local release from its directory: one `gen` leaves empty is a release
  // that cannot install (a storage-classes release without storage classes, say).
  // Every folder above a record (`a/`, `a/b/`), collected once: a scan of every record per release
  // and environment grew with the square of the number of environments.
  const filled = new Set<string>();
  for (const { path } of records) for (let i = path.indexOf("/"); i >= 0; i = path.indexOf("/", i + 1)) filled.add(path.slice(0, i + 1));
  for (const env of platform.environments) {
    if (options.env !== undefined && env.name !== options.env) continue;
    platform.releases.forEach((release, i) => {
      if (release.chart !== "local" || env.disabled.includes(release.name)) return;
      const dir = `${manifestDir(env.name, release.name)}/`;
      if (filled.has(dir)) return;
      out.push({
        rule: EMPTY_LOCAL_RULE.id,
        severity: "error",
        file: modelFile,
        pointer: `/releases/${i}`,
        message: `local release ${release.name} is installed in ${env.name} but the model gives it no manifests: Helmfile's chart ./${dir} would not exist`,
        hint: `add what it deploys to the model, or add "${release.name}" to the disabled releases of ${env.name}`,
      });
    });
  }
  // Hand-added manifests are deployed by Helmfile too (a release's directory is its chart).
  const produced = new Set(records.map((r) => r.path));
  for (const env of platform.environments) {
    if (options.env !== undefined && env.name !== options.env) continue;
    for (const path of list(`manifests/${env.name}`)) {
      if (produced.has(path) || !/\.ya?ml$/.test(path)) continue;
      const text = read(path);
      if (text === undefined) continue;
      out.push({ rule: DRIFT_RULE.id, severity: "error", message: `${path} is not generated by the model`, file: path, hint: "model it (a manifest builder) or remove it" });
      files.push({ file: toFile(path, text), env: env.name });
    }
  }
  // Every generated file is in `files` (with --env, only that environment's and the shared ones).
  const everyFile = files.map((f) => f.file);

  out.push(...checkYaml(files.map((f) => f.file)));
  // Indexed once for the run: per environment, a scan of every file made lint quadratic.
  const output = new OutputFiles(everyFile);
  const filesOf = filesByEnvironment(files);
  const modelOnly = output.has(modelFile) ? undefined : modelFile;
  for (const env of platform.environments) {
    if (options.env !== undefined && env.name !== options.env) continue;
    const ctx = new RuleContext(platform, env, filesOf(env.name), modelFile, output);
    out.push(...(await checkValues(ctx)));
    out.push(...(await checkManifests(ctx)));
    for (const rule of allRules) if (rule.scope !== "platform") out.push(...guarded(rule, ` on ${env.name}`, () => rule.check(ctx), modelOnly));
  }
  const others = platform.environments.map((e) => e.name).filter((n) => options.env !== undefined && n !== options.env);
  const ofOtherEnv = (d: Diagnostic) => d.file.split("/").some((seg) => others.includes(seg) || others.some((o) => seg === `${o}.yaml`));
  // Platform rules check the environments of the run; with --env, those comparing environments
  // (one Proxmox cluster: VMIDs, MACs, host capacity) read the others' VMs from the model, and
  // only findings in the checked environment's (or shared) files are kept.
  const whole = new LintContext(platform, output, modelFile, scope);
  for (const rule of allRules) if (rule.scope === "platform") out.push(...guarded(rule, "", () => rule.check(whole), modelOnly).filter((d) => !ofOtherEnv(d)));
  return dedupe(out);
}

/**
 * The context options of a platform-rule run that checks `env` only: the other environments'
 * VMs (what the rules comparing environments need of them) come from the model, not from their
 * generated files.
 */
export function scopedTo(platform: Platform, env: string): { environments: Platform["environments"]; otherVms: VmSpecRead[] } {
  const others = platform.environments.filter((e) => e.name !== env);
  // In path order within an environment, as the files of a checked environment are read.
  const otherVms = others.flatMap((e) => vmSpecData(platform, e).map((spec) => ({ env: e, ...spec })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
  return { environments: platform.environments.filter((e) => e.name === env), otherVms };
}

/** The files an environment's rules see: its own and the shared ones (no `env`), in run order. */
function filesByEnvironment(files: ReadonlyArray<{ file: LintFile; env?: string | undefined }>): (env: string) => LintFile[] {
  const byEnv = new Map<string | undefined, LintFile[]>();
  for (const { file, env } of files) {
    const list = byEnv.get(env);
    if (list) list.push(file);
    else byEnv.set(env, [file]);
  }
  // Each environment's list keeps the order of `files`: shared files interleave by path.
  const order = new Map(files.map(({ file }, i) => [file, i]));
  const shared = byEnv.get(undefined) ?? [];
  return (env) => [...shared, ...(byEnv.get(env) ?? [])].sort((a, b) => order.get(a)! - order.get(b)!);
}

/**
 * A rule's findings; a rule that throws is a bug in the rule, reported with its id. So is a
 * finding against the model (`modelFile`) from a rule not marked `aboutModel`: `gen` would not
 * run it, and would write output lint rejects. Pass `modelFile` undefined where an output file
 * has the model's path (then a finding there need not be about the model).
 */
export function guarded(rule: Rule, where: string, check: () => Diagnostic[], modelFile: string | undefined): Diagnostic[] {
  let found: Diagnostic[];
  try {
    found = check();
  } catch (error) {
    throw new Error(`rule ${rule.id} failed${where}: ${(error as Error).message}`, { cause: error });
  }
  if (!rule.aboutModel && modelFile !== undefined && found.some((d) => d.file === modelFile)) {
    throw new Error(`rule ${rule.id} reported against the model${where} but is not marked aboutModel`);
  }
  return found;
}

/**
 * Shared files are checked once per environment; report each finding once. A finding is the same
 * one only at the same place: two with one message at two lines of a value are both kept.
 */
export function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = JSON.stringify([d.rule, d.file, d.pointer, d.message, d.position?.line, d.position?.column]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Errors the rules report against the model itself (not against a generated file), on the files
 * just generated. `gen` refuses a model with any, so it never writes output that lint rejects
 * for a reason only the model can fix. With `env`, that environment's rules and the platform's.
 * `searchFiles` forces the rules' searches of the files on (tests compare both ways) or off.
 */
export function modelRuleErrors(platform: Platform, records: readonly FileRecord[], modelFile: string, env?: string, searchFiles?: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const classified = classifier(platform);
  const files = records.map((r) => {
    const { kind, release } = classified(r.path);
    return { file: new LintFile(r.path, r.content, kind, release, r.documents), env: r.env };
  });
  const output = new OutputFiles(files.map((f) => f.file));
  const filesOf = filesByEnvironment(files);
  // Only rules marked `aboutModel` report against the model (`guarded` holds them to it), unless
  // an output file has the model's path, when every rule's findings there count.
  const modelOnly = output.has(modelFile) ? undefined : modelFile;
  // Findings in files are dropped below: they need no line:column, and the rules need not look
  // for them (`searchFiles`) unless an output file is the model.
  const options = { locate: false, searchFiles: searchFiles ?? modelOnly === undefined };
  const run = allRules.filter((rule) => rule.aboutModel || modelOnly === undefined);
  // `gen --env X` checks X, as `lint --env X` does: the others' rules are not its work.
  for (const environment of platform.environments.filter((e) => env === undefined || e.name === env)) {
    const ctx = new RuleContext(platform, environment, filesOf(environment.name), modelFile, output, options);
    for (const rule of run) if (rule.scope !== "platform") out.push(...guarded(rule, ` on ${environment.name}`, () => rule.check(ctx), modelOnly));
  }
  const whole = new LintContext(platform, output, modelFile, options);
  for (const rule of run) if (rule.scope === "platform") out.push(...guarded(rule, "", () => rule.check(whole), modelOnly));
  return dedupe(out.filter((d) => d.severity === "error" && d.file === modelFile));
}
