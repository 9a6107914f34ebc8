/**
 * `bump` and `promote`: change pinned chart versions in the catalogue source, regenerate,
 * re-lint, and describe the change as a pull request. When anything fails the tree is left
 * exactly as it was.
 *
 * The generator and lint run as child processes of the repository being changed, because the
 * model is TypeScript source that the edit itself changes.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse as parseYaml } from "yaml";
import semver from "semver";
import type { JsonSchema } from "../core/schema/derive.ts";
import { chartCacheDir } from "../core/cache.ts";
import type { FileRecord } from "../core/files.ts";
import { LOCK_PATH } from "../upstream/lock.ts";
import { leafPaths, readChartVersion, upstreamChanges } from "./upstream-diff.ts";
import { setPin, effectivePin, type Pin, CatalogueError } from "./catalogue-edit.ts";
import { OWNED_LIST_PATH, parseOwnedList } from "../core/write/owned.ts";
import type { Diagnostic } from "../core/diagnostics/types.ts";
import type { Platform } from "../core/model/types.ts";
import { UsageError } from "../core/errors.ts";
import { readIfExists } from "../core/fs.ts";

export { CATALOGUE_PATH } from "../core/model/catalogue.ts";
import { CATALOGUE_PATH } from "../core/model/catalogue.ts";

/** Runs `streamforge <args>` in the repository; returns its exit code and output. */
export type CliRunner = (args: string[]) => { code: number; stdout: string; stderr: string };

export interface PinChange {
  release: string;
  /** Environment to pin in; absent for every environment's default. */
  env?: string;
  version: string;
  /** `values.yaml` of the new chart version, to derive its schema from (offline; else `pull` fetches it). */
  valuesFile?: string;
}

interface ChangeOptions {
  root: string;
  platform: Platform;
  run: CliRunner;
  allowMajor: boolean;
  /** Title of the pull-request description. */
  title: string;
  /** The upstream cache `pull` fills. */
  cache: string;
  /** Extra arguments of `pull` (`--repo-url`, `--timeout`...). */
  pullArgs?: string[];
  /** The chart derivations of `schema:charts` (the CLI passes the Helm world's), so bump derives the same way. */
  derive: ChartDerivation;
}

/** How a chart version's values schema and the adapters' types are derived. */
export interface ChartDerivation {
  /** The committed path of a chart version's schema. */
  schemaPath(chart: string, version: string): string;
  /** The schema (and its committed text) from a `values.yaml` given offline, else from the cache; undefined when neither has it. */
  schema(root: string, chart: string, version: string, valuesFile: string | undefined): { schema: JsonSchema; text: string } | undefined;
  /** The adapters' types of a chart version. */
  types(chart: string, version: string, schema: JsonSchema): Promise<FileRecord>;
}

type ChangeKind = "major" | "minor" | "patch" | "prerelease" | "downgrade" | "other";

interface ChangeResult {
  code: 0 | 1;
  /** Markdown pull-request description (also on failure, saying why). */
  description: string;
  /** What went wrong, for stderr. */
  problems: string[];
  /** Whether the files were changed (and, when lint failed, restored): the description says how. */
  changed: boolean;
}

function semverOf(version: string): semver.SemVer | null {
  return semver.parse(version.replace(/^v/, ""));
}

/** The semver size of a change from `from` to `to`. */
function changeKind(from: string, to: string): ChangeKind {
  const a = semverOf(from);
  const b = semverOf(to);
  if (!a || !b) return "other";
  if (semver.lt(b, a)) return "downgrade";
  const diff = semver.diff(a, b);
  if (diff === "major" || diff === "premajor") return "major";
  if (diff === "minor" || diff === "preminor") return "minor";
  if (diff === "patch" || diff === "prepatch") return "patch";
  return diff === "prerelease" ? "prerelease" : "other";
}

/** Reads a file if it exists. */
/** Every file a change can touch: the catalogue, the owned generated files, chart schemas. */
function snapshot(root: string, extra: string[]): Map<string, string | undefined> {
  const owned = parseOwnedList(readIfExists(join(root, OWNED_LIST_PATH)) ?? "");
  const paths = [CATALOGUE_PATH, LOCK_PATH, OWNED_LIST_PATH, ...owned, ...extra];
  return new Map(paths.map((p) => [p, readIfExists(join(root, p))]));
}

function changedFiles(root: string, before: Map<string, string | undefined>, extra: string[]): string[] {
  const after = snapshot(root, extra);
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}

function chartOf(platform: Platform, release: string): string | undefined {
  const r = platform.releases.find((x) => x.name === release);
  return r && r.chart !== "local" ? r.chart.name : undefined;
}



function lintDiagnostics(run: CliRunner): { code: number; diagnostics: Diagnostic[]; raw: string } {
  const result = run(["lint", "--format", "json"]);
  try {
    const parsed = JSON.parse(result.stdout) as Diagnostic[] | { diagnostics: Diagnostic[] };
    return { code: result.code, diagnostics: Array.isArray(parsed) ? parsed : parsed.diagnostics, raw: result.stdout };
  } catch {
    return { code: result.code, diagnostics: [], raw: result.stdout + result.stderr };
  }
}

/** Applies pin changes with every check; the whole of `bump` and `promote`. */
export async function applyChanges(changes: PinChange[], options: ChangeOptions): Promise<ChangeResult> {
  const { root, platform, run } = options;
  const problems: string[] = [];
  const catalogueFile = join(root, CATALOGUE_PATH);
  const original = readIfExists(catalogueFile);
  if (original === undefined) return { code: 1, changed: false, description: "", problems: [`${CATALOGUE_PATH} not found under ${root}: run this in the platform repository`] };
  const envNames = platform.environments.map((e) => e.name);
  // Arguments that name nothing (a release, an environment, a version) are usage errors, found
  // before anything is derived or written.
  for (const change of changes) {
    if (!chartOf(platform, change.release)) throw new UsageError(`release "${change.release}" is not a chart release of ${platform.name}`);
    if (change.env !== undefined && !envNames.includes(change.env)) throw new UsageError(`unknown environment "${change.env}"; the model has: ${envNames.join(", ")}`);
    if (semverOf(change.version) === null) throw new UsageError(`"${change.version}" is not an exact version`);
  }
  const originalLock = readIfExists(join(root, LOCK_PATH));
  const rows: string[] = [];
  let text = original;
  const createdSchemas: string[] = [];
  const typeUpdates: Array<{ chart: string; version: string; schema: JsonSchema }> = [];
  const comparisons: Array<{ chart: string; release: string; envs: string[]; from: { version: string; files: ReturnType<typeof readChartVersion> }; to: { version: string; files: ReturnType<typeof readChartVersion> } }> = [];

  for (const change of changes) {
    const chart = chartOf(platform, change.release);
    if (!chart) continue;
    const targetEnvs = change.env === undefined ? envNames : [change.env];
    const current = effectivePin(text, change.env ?? platform.defaultEnvironment, change.release);
    if (!current) {
      problems.push(`${CATALOGUE_PATH} has no pin for "${change.release}"`);
      continue;
    }
    const kind = changeKind(current.version, change.version);
    if (current.version === change.version) {
      problems.push(`${change.release} is already at ${change.version} in ${targetEnvs.join(", ")}`);
      continue;
    }
    if (kind === "major" && !options.allowMajor) {
      problems.push(`${change.release} ${current.version} -> ${change.version} is a major change; values keys may have moved. Re-run with --allow-major after reading the chart's upgrade notes`);
      continue;
    }
    if (semverOf(change.version) === null) {
      problems.push(`"${change.version}" is not an exact version`);
      continue;
    }
    // The new version (and then the current one, for the description) in the cache, unless given offline.
    // Without a committed schema of the new version, it must be pulled: the schema is derived from it.
    const cached = (v: string) => existsSync(join(chartCacheDir(options.cache, chart, v), "values.yaml"));
    const needed = existsSync(join(root, "schema/charts", chart)) && !existsSync(join(root, options.derive.schemaPath(chart, change.version)));
    if (!change.valuesFile) {
      if (!cached(change.version)) {
        const pulled = run(["pull", `${chart}@${change.version}`, ...(options.pullArgs ?? [])]);
        if (pulled.code !== 0 && needed) {
          problems.push(`pulling ${chart} ${change.version} failed: ${(pulled.stderr || pulled.stdout).trim()}`);
          continue;
        }
      }
      if (cached(change.version) && !cached(current.version)) run(["pull", `${chart}@${current.version}`, ...(options.pullArgs ?? [])]);
    }
    const schemaPath = options.derive.schemaPath(chart, change.version);
    const hasSchemas = existsSync(join(root, "schema/charts", chart));
    let schema: JsonSchema | undefined;
    if (hasSchemas && !existsSync(join(root, schemaPath))) {
      // The one derivation of `npm run schema:charts`: upstream values, subcharts, upstream schema, reviewed overrides.
      let derived: ReturnType<ChartDerivation["schema"]>;
      try {
        derived = options.derive.schema(root, chart, change.version, change.valuesFile);
      } catch (error) {
        problems.push(`deriving the schema of ${chart} ${change.version} failed: ${(error as Error).message}`);
        continue;
      }
      if (!derived) {
        problems.push(`no values.yaml of ${chart} ${change.version} in the upstream cache`);
        continue;
      }
      schema = derived.schema;
      mkdirSync(dirname(join(root, schemaPath)), { recursive: true });
      writeFileSync(join(root, schemaPath), derived.text);
      createdSchemas.push(schemaPath);
    } else if (existsSync(join(root, schemaPath))) {
      schema = JSON.parse(readFileSync(join(root, schemaPath), "utf8")) as JsonSchema;
    }
    const newFiles = change.valuesFile ? undefined : readChartVersion(chartCacheDir(options.cache, chart, change.version));
    const oldFiles = cached(current.version) ? readChartVersion(chartCacheDir(options.cache, chart, current.version)) : undefined;
    const offlineChart = change.valuesFile ? readIfExists(join(dirname(change.valuesFile), "Chart.yaml")) : undefined;
    const offlineKube = offlineChart ? (parseYaml(offlineChart) as { kubeVersion?: string } | null)?.kubeVersion : undefined;
    const facts: { kubeVersion?: string } = newFiles ? (newFiles.kubeVersion !== undefined ? { kubeVersion: newFiles.kubeVersion } : {}) : offlineKube !== undefined ? { kubeVersion: String(offlineKube) } : {};
    const pin: Pin = {
      version: change.version,
      // A chart that declares no kubeVersion (read from it) has none; offline without a Chart.yaml the old one is kept.
      ...(facts.kubeVersion !== undefined ? { kubeVersion: facts.kubeVersion } : newFiles || offlineChart || current.kubeVersion === undefined ? {} : { kubeVersion: current.kubeVersion }),
      ...(current.crdApiVersions ? { crdApiVersions: current.crdApiVersions } : {}),
    };
    if (schema && (change.env === undefined || change.env === platform.defaultEnvironment)) typeUpdates.push({ chart, version: change.version, schema });
    if (newFiles && oldFiles) comparisons.push({ chart, release: change.release, envs: targetEnvs, from: { version: current.version, files: oldFiles }, to: { version: change.version, files: newFiles } });
    try {
      text = setPin(text, change.release, pin, { env: change.env, defaultEnv: platform.defaultEnvironment, envs: envNames });
    } catch (error) {
      problems.push((error as CatalogueError).message);
      continue;
    }
    const notes = [
      pin.kubeVersion !== undefined && facts.kubeVersion === undefined ? `kubeVersion \`${current.kubeVersion}\` carried over: confirm it in the new Chart.yaml` : "",
      current.crdApiVersions ? "CRD API versions carried over: confirm the new version still serves them" : "",
    ].filter(Boolean);
    rows.push(`| ${change.release} | ${chart} | ${targetEnvs.join(", ")} | ${current.version} | ${change.version} | ${kind} | ${notes.join("; ") || "-"} |`);
  }

  const heading = [`## ${options.title}`, "", "| release | chart | environments | from | to | change | notes |", "| --- | --- | --- | --- | --- | --- | --- |", ...rows, ""];
  // `pull` may have recorded digests in the lock before anything else changed: a failed change undoes that too.
  const undoSchemas = () => {
    createdSchemas.forEach((p) => rmSync(join(root, p), { force: true }));
    if (originalLock === undefined) rmSync(join(root, LOCK_PATH), { force: true });
    else writeFileSync(join(root, LOCK_PATH), originalLock);
  };
  if (problems.length || rows.length === 0) {
    undoSchemas();
    if (!problems.length) problems.push("nothing to change");
    return { code: 1, changed: false, description: heading.join("\n"), problems };
  }

  const inSync = run(["gen", "--check"]);
  if (inSync.code !== 0) {
    undoSchemas();
    return { code: 1, changed: false, description: heading.join("\n"), problems: ["the generated files are not in sync with the model before the change: run `npm run gen` (and commit) first"] };
  }
  // Schemas derived above did not exist before the change; the types and the lock are restored as they were.
  const typeRecords = await Promise.all(typeUpdates.map((t) => options.derive.types(t.chart, t.version, t.schema)));
  const typePaths = typeRecords.map((r) => r.path);
  const before = snapshot(root, typePaths);
  for (const p of createdSchemas) before.set(p, undefined);

  const restore = () => {
    for (const path of [CATALOGUE_PATH, LOCK_PATH, ...typePaths]) {
      const old = before.get(path);
      if (old === undefined) rmSync(join(root, path), { force: true });
      else writeFileSync(join(root, path), old);
    }
    undoSchemas();
    run(["gen"]);
  };
  writeFileSync(catalogueFile, text);
  // The adapters' types follow the default environment's pin.
  for (const record of typeRecords) writeFileSync(join(root, record.path), record.content);
  const locked = run(["pull", "--lock-only"]);
  if (locked.code !== 0) {
    restore();
    return { code: 1, changed: false, description: heading.join("\n"), problems: [`updating ${LOCK_PATH} failed; nothing changed:\n${(locked.stderr || locked.stdout).trim()}`] };
  }
  const generated = run(["gen"]);
  if (generated.code !== 0) {
    restore();
    return { code: 1, changed: false, description: heading.join("\n"), problems: [`generation failed after the change; nothing changed:\n${generated.stderr.trim()}`] };
  }
  const linted = lintDiagnostics(run);
  const changedReleases = new Set(changes.map((c) => c.release));
  const rejected = linted.diagnostics.filter(
    (d) => d.rule === "schema/values" && d.severity === "error" && [...changedReleases].some((r) => d.file.endsWith(`/${r}.yaml`)),
  );
  const files = changedFiles(root, before, [...createdSchemas, ...typePaths]);
  // What the platform sets of each bumped chart: every leaf of its generated values in the target environments.
  const upstream = comparisons.flatMap((c) => {
    const set = c.envs.flatMap((env) => {
      const file = readIfExists(join(root, "values", env, `${c.release}.yaml`));
      return file ? leafPaths(parseYaml(file, { version: "1.1" })) : [];
    });
    return upstreamChanges(c.chart, c.from, c.to, set);
  });
  const description = [
    ...heading,
    ...upstream,
    "### Files changed",
    "",
    ...files.map((f) => `- \`${f}\``),
    "",
    "### Values keys the new chart versions no longer accept",
    "",
    ...(rejected.length ? rejected.map((d) => `- \`${d.file}\` \`${d.pointer ?? "/"}\`: ${d.message}`) : ["- none"]),
    "",
    "### Checks",
    "",
    `- \`npm run gen\`: regenerated`,
    `- \`npm run lint\`: ${linted.code === 0 ? "passes" : `fails (${linted.diagnostics.filter((d) => d.severity === "error").length} errors)`}`,
    "",
  ].join("\n");
  if (linted.code !== 0) {
    restore();
    const errors = linted.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}${d.position ? `:${d.position.line}:${d.position.column}` : ""} ${d.rule}: ${d.message}`);
    return { code: 1, changed: true, description, problems: ["lint fails after the change, so the tree was restored as it was:", ...(errors.length ? errors : [linted.raw.trim()])] };
  }
  return { code: 0, changed: true, description, problems: [] };
}
