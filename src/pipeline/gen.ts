/**
 * `gen` as a library call: generate everything in memory, then either write it or report
 * drift. Generation errors surface before any file is touched.
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Platform } from "../core/model/types.ts";
import type { FileRecord } from "../core/files.ts";
import { generate } from "./generate.ts";
import { emitAdapterChecked } from "./adapter-checked.ts";
import { validatorFor } from "../core/schema/validators.ts";
import { InvalidModelError, UsageError } from "../core/errors.ts";
import { environmentNamed } from "../core/environments.ts";
import { apply, plan, type Plan } from "../core/write/writer.ts";
import { readIfExists } from "../core/fs.ts";
import { pendingJournal, recover, type StepHook } from "../core/write/journal.ts";
import { withLock } from "../core/write/lock.ts";
import type { Drift } from "../core/write/drift.ts";
import { carrySerials } from "../dns/zone-serial.ts";
import { sections, spliceSection } from "./sections.ts";

export interface GenOptions {
  outDir: string;
  /** Only this environment's files (plus shared ones). */
  env?: string;
  /** Report drift instead of writing. */
  check?: boolean;
  /** Where the model comes from (the `--model` module), named in shape diagnostics. */
  modelFile?: string;
  /** Called before each step of the write; fault-injection tests throw from it to simulate a kill. */
  onStep?: StepHook;
}

export interface GenResult {
  plan: Plan;
  /** Present with `check`: every difference, with diffs. */
  drift?: Drift[];
  /** What this run finished or cleaned up of an interrupted earlier run. */
  recovered: string[];
  /** With `check`: an interrupted run left the folder between two generations (run `gen`). */
  interrupted?: boolean;
}

/**
 * The model's shape: a cached compiled schema answers "valid" fast; only an invalid model pays for
 * the detailed diagnostics.
 */
async function checkShape(platform: Platform, modelFile: string | undefined): Promise<void> {
  const fast = await validatorFor("schema/platform.schema.json");
  if (fast && fast(platform)) {
    const { checkMeaning } = await import("./release-registry.ts");
    const meaning = checkMeaning(platform, modelFile ?? "model");
    if (meaning.length) throw new InvalidModelError(meaning);
    return;
  }
  const { validateModel } = await import("./validate.ts");
  const shape = validateModel(platform, modelFile);
  if (shape.length) throw new InvalidModelError(shape);
}

/** Every file of a well-formed model; throws on an unknown `env` or an invalid model. */
async function generateChecked(platform: Platform, env: string | undefined, modelFile: string | undefined): Promise<FileRecord[]> {
  if (env !== undefined) environmentNamed(platform, env);
  await checkShape(platform, modelFile);
  const records = emitAdapterChecked(() => generate(platform, env === undefined ? {} : { env }), modelFile ?? "src/platform/streamforge.ts");
  // What lint would reject in the model is refused here, before anything is written.
  const { modelRuleErrors } = await import("./lint.ts");
  const findings = modelRuleErrors(platform, records, modelFile ?? "src/platform/streamforge.ts", env);
  if (findings.length) throw new InvalidModelError(findings);
  return records;
}

/**
 * The model's files in memory, after the shape check; with `env`, that environment's files and
 * the shared ones. Nothing is read or written.
 */
export async function render(platform: Platform, options: { env?: string; modelFile?: string; outDir?: string } = {}): Promise<FileRecord[]> {
  const generated = await generateChecked(platform, options.env, options.modelFile);
  // What `gen` would write into `outDir`: zone serials carried from the files there.
  const outDir = options.outDir;
  const records = outDir === undefined ? generated : carrySerials(generated, (path) => readIfExists(join(outDir, path)));
  return records.filter((r) => options.env === undefined || r.env === undefined || r.env === options.env);
}

export async function runGen(platform: Platform, options: GenOptions): Promise<GenResult> {
  // With `env`, only that environment's emitters run; the plan keeps the other environments'
  // entries of the owned-files list as they are.
  const records = await generateChecked(platform, options.env, options.modelFile);
  return writeRecords(records, options, platform);
}

/**
 * Writes (or with `check`, compares) a set of generated files under `outDir` with the same rules
 * as `gen`: owned files only, lock, journal and atomic writes, nothing written when any file would
 * be refused. A service repository writes what the service kit produced this way (no `platform`:
 * no README sections to keep in step).
 */
export async function writeRecords(records: FileRecord[], options: Omit<GenOptions, "modelFile">, platform?: Platform): Promise<GenResult> {
  const outDir = options.outDir;
  const sectionsOf = (dir: string) => (platform ? staleSections(platform, dir) : []);
  const onDisk = (path: string) => readIfExists(join(outDir, path));
  if (options.check) {
    // Read-only: report what an interrupted run left instead of finishing it.
    const p = plan(outDir, carrySerials(records, onDisk), options.env);
    const { drift, sectionDrift } = await import("../core/write/drift.ts");
    return {
      plan: p,
      drift: [...drift(outDir, p), ...sectionsOf(outDir).map((s) => sectionDrift(s.path, s.current, s.next))],
      recovered: [],
      interrupted: pendingJournal(outDir),
    };
  }
  checkOutDir(outDir);
  return withLock(outDir, () => {
    const recovered = recover(outDir, options.onStep);
    const p = plan(outDir, carrySerials(records, onDisk), options.env);
    // A file we would overwrite is not ours: write nothing at all rather than half the tree.
    if (p.refused.length === 0) {
      // Sections go through the journal with the plan: a kill leaves no temporary file beside them.
      const sections = sectionsOf(outDir).map((s) => ({ path: s.path, content: s.next }));
      apply(outDir, p, options.onStep, sections);
    }
    return { plan: p, recovered };
  });
}

/**
 * `mkdir -p` one level at a time. Node's recursive `mkdirSync` never returns for a path under
 * `/proc` (it retries the ENOENT forever), so the missing levels are created one by one.
 */
function makeDirs(path: string): void {
  const missing: string[] = [];
  let dir = path;
  while (!existsSync(dir)) {
    missing.unshift(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const level of missing) mkdirSync(level);
}

/**
 * The output folder must be a writable directory, or creatable under one. Checked up front so a
 * path like `/proc/x` fails at once with its name rather than deep inside the writer.
 */
function checkOutDir(outDir: string): void {
  let stat;
  try {
    stat = statSync(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new UsageError(`--out ${outDir}: ${(error as Error).message}`);
    try {
      makeDirs(outDir);
    } catch (inner) {
      throw new UsageError(`--out ${outDir}: cannot create the output directory (${(inner as NodeJS.ErrnoException).code ?? (inner as Error).message})`);
    }
    return;
  }
  if (!stat.isDirectory()) throw new UsageError(`--out ${outDir}: not a directory`);
  try {
    accessSync(outDir, constants.W_OK);
  } catch {
    throw new UsageError(`--out ${outDir}: the directory is not writable`);
  }
}

/** Generated sections of hand-written files whose text on disk is not the model's. */
function staleSections(platform: Platform, outDir: string): Array<{ path: string; current: string; next: string }> {
  return sections(platform).flatMap((section) => {
    const current = readIfExists(join(outDir, section.path));
    const next = current === undefined ? undefined : spliceSection(current, section);
    return current !== undefined && next !== undefined && next !== current ? [{ path: section.path, current, next }] : [];
  });
}
