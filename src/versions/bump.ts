/**
 * `bump` and `promote`: change pinned chart versions in the catalogue source, regenerate,
 * re-lint, and describe the change as a pull request. When anything fails the tree is left
 * exactly as it was.
 *
 * The generator and lint run as child processes of the repository being changed, because the
 * model is TypeScript source that the edit itself changes.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import semver from "semver";
import { setPin, effectivePin, type Pin, CatalogueError } from "./catalogue-source.ts";
import { OWNED_LIST_PATH, parseOwnedList } from "../core/write/owned.ts";
import type { Diagnostic } from "../core/diagnostics/types.ts";
import type { Platform } from "../core/model/types.ts";

export const CATALOGUE_PATH = "src/platform/versions.ts";

/** Runs `streamforge <args>` in the repository; returns its exit code and output. */
export type CliRunner = (args: string[]) => { code: number; stdout: string; stderr: string };

export interface PinChange {
  release: string;
  /** Environment to pin in; absent for every environment's default. */
  env?: string;
  version: string;
  /** `values.yaml` of the new chart version, to derive its schema from. */
  valuesFile?: string;
}

export interface ChangeOptions {
  root: string;
  platform: Platform;
  run: CliRunner;
  allowMajor: boolean;
  /** Title of the pull-request description. */
  title: string;
}

export type ChangeKind = "major" | "minor" | "patch" | "prerelease" | "downgrade" | "other";

export interface ChangeResult {
  code: 0 | 1;
  /** Markdown pull-request description (also on failure, saying why). */
  description: string;
  /** What went wrong, for stderr. */
  problems: string[];
}

function semverOf(version: string): semver.SemVer | null {
  return semver.parse(version.replace(/^v/, ""));
}

/** The semver size of a change from `from` to `to`. */
export function changeKind(from: string, to: string): ChangeKind {
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
function read(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

/** Every file a change can touch: the catalogue, the owned generated files, chart schemas. */
function snapshot(root: string, extra: string[]): Map<string, string | undefined> {
  const owned = parseOwnedList(read(join(root, OWNED_LIST_PATH)) ?? "");
  const paths = [CATALOGUE_PATH, OWNED_LIST_PATH, ...owned, ...extra];
  return new Map(paths.map((p) => [p, read(join(root, p))]));
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

/** Facts of a chart version from the `Chart.yaml` beside its `values.yaml`, when there is one. */
function chartYamlFacts(valuesFile: string | undefined): { kubeVersion?: string } {
  if (!valuesFile) return {};
  const text = read(join(dirname(valuesFile), "Chart.yaml"));
  const m = text?.match(/^kubeVersion:\s*["']?([^"'\n]+?)["']?\s*$/m);
  return m ? { kubeVersion: m[1]! } : {};
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
export function applyChanges(changes: PinChange[], options: ChangeOptions): ChangeResult {
  const { root, platform, run } = options;
  const problems: string[] = [];
  const catalogueFile = join(root, CATALOGUE_PATH);
  const original = read(catalogueFile);
  if (original === undefined) return { code: 1, description: "", problems: [`${CATALOGUE_PATH} not found under ${root}: run this in the platform repository`] };
  const envNames = platform.environments.map((e) => e.name);
  const rows: string[] = [];
  let text = original;
  const createdSchemas: string[] = [];

  for (const change of changes) {
    const chart = chartOf(platform, change.release);
    if (!chart) {
      problems.push(`release "${change.release}" is not a chart release of ${platform.name}`);
      continue;
    }
    if (change.env !== undefined && !envNames.includes(change.env)) {
      problems.push(`unknown environment "${change.env}"; the model has: ${envNames.join(", ")}`);
      continue;
    }
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
    const schemaPath = `schema/charts/${chart}/${change.version}.schema.json`;
    const hasSchemas = existsSync(join(root, "schema/charts", chart));
    if (hasSchemas && !existsSync(join(root, schemaPath))) {
      if (!change.valuesFile) {
        problems.push(
          `no values schema for ${chart} ${change.version} (${schemaPath}). Get that version's values.yaml (helm show values ${chart} --version ${change.version}) and re-run with --values <values.yaml>; a values.schema.json and Chart.yaml beside it are used too`,
        );
        continue;
      }
      const args = ["schema", "derive", chart, change.version, "--values", change.valuesFile, "--out", "schema/charts"];
      const upstreamSchema = join(dirname(change.valuesFile), "values.schema.json");
      if (existsSync(upstreamSchema)) args.push("--schema", upstreamSchema);
      const derived = run(args);
      if (derived.code !== 0 || !existsSync(join(root, schemaPath))) {
        problems.push(`deriving the schema of ${chart} ${change.version} failed: ${(derived.stderr || derived.stdout).trim()}`);
        continue;
      }
      createdSchemas.push(schemaPath);
    }
    const facts = chartYamlFacts(change.valuesFile);
    const pin: Pin = {
      version: change.version,
      ...(facts.kubeVersion ?? current.kubeVersion ? { kubeVersion: facts.kubeVersion ?? current.kubeVersion } : {}),
      ...(current.crdApiVersions ? { crdApiVersions: current.crdApiVersions } : {}),
    };
    try {
      text = setPin(text, change.release, pin, { env: change.env, defaultEnv: platform.defaultEnvironment, envs: envNames });
    } catch (error) {
      problems.push((error as CatalogueError).message);
      continue;
    }
    const notes = [
      facts.kubeVersion === undefined && current.kubeVersion !== undefined ? `kubeVersion \`${current.kubeVersion}\` carried over: confirm it in the new Chart.yaml` : "",
      current.crdApiVersions ? "CRD API versions carried over: confirm the new version still serves them" : "",
    ].filter(Boolean);
    rows.push(`| ${change.release} | ${chart} | ${targetEnvs.join(", ")} | ${current.version} | ${change.version} | ${kind} | ${notes.join("; ") || "-"} |`);
  }

  const heading = [`## ${options.title}`, "", "| release | chart | environments | from | to | change | notes |", "| --- | --- | --- | --- | --- | --- | --- |", ...rows, ""];
  const undoSchemas = () => createdSchemas.forEach((p) => rmSync(join(root, p), { force: true }));
  if (problems.length || rows.length === 0) {
    undoSchemas();
    if (!problems.length) problems.push("nothing to change");
    return { code: 1, description: heading.join("\n"), problems };
  }

  const inSync = run(["gen", "--check"]);
  if (inSync.code !== 0) {
    undoSchemas();
    return { code: 1, description: heading.join("\n"), problems: ["the generated files are not in sync with the model before the change: run `npm run gen` (and commit) first"] };
  }
  // Schemas derived above did not exist before the change.
  const before = snapshot(root, []);
  for (const p of createdSchemas) before.set(p, undefined);

  const restore = () => {
    writeFileSync(catalogueFile, original);
    undoSchemas();
    run(["gen"]);
  };
  writeFileSync(catalogueFile, text);
  const generated = run(["gen"]);
  if (generated.code !== 0) {
    restore();
    return { code: 1, description: heading.join("\n"), problems: [`generation failed after the change; nothing changed:\n${generated.stderr.trim()}`] };
  }
  const linted = lintDiagnostics(run);
  const changedReleases = new Set(changes.map((c) => c.release));
  const rejected = linted.diagnostics.filter(
    (d) => d.rule === "schema/values" && d.severity === "error" && [...changedReleases].some((r) => d.file.endsWith(`/${r}.yaml`)),
  );
  const files = changedFiles(root, before, createdSchemas);
  const description = [
    ...heading,
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
    return { code: 1, description, problems: ["lint fails after the change, so the tree was restored as it was:", ...(errors.length ? errors : [linted.raw.trim()])] };
  }
  return { code: 0, description, problems: [] };
}
