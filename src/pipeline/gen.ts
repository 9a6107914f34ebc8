/**
 * `gen` as a library call: generate everything in memory, then either write it or report
 * drift. Generation errors surface before any file is touched.
 */
import type { Environment, Platform } from "../core/model/types.ts";
import type { FileRecord } from "../core/files.ts";
import { generate } from "./generate.ts";
import { validatorFor } from "../core/schema/validators.ts";
import { meaningProblems } from "../core/check/model-meaning.ts";
import type { Diagnostic } from "../core/diagnostics/types.ts";
import { apply, plan, type Plan } from "../core/write/writer.ts";
import type { Drift } from "../core/write/drift.ts";
import { InvalidModelError } from "../core/errors.ts";
import { environmentNamed } from "../core/environments.ts";

export interface GenOptions {
  outDir: string;
  /** Only this environment's files (plus shared ones). */
  env?: string;
  /** Report drift instead of writing. */
  check?: boolean;
  /** Where the model comes from (the `--model` module), named in shape diagnostics. */
  modelFile?: string;
}

export interface GenResult {
  plan: Plan;
  /** Present with `check`: every difference, with diffs. */
  drift?: Drift[];
}

/**
 * The model's shape: a cached compiled schema answers "valid" fast; only an invalid model pays for
 * the detailed diagnostics.
 */
async function checkShape(platform: Platform, modelFile: string | undefined): Promise<void> {
  const fast = await validatorFor("schema/platform.schema.json");
  if (!fast || !fast(platform)) {
    const { validateModel } = await import("../core/check/model-schema.ts");
    const shape = validateModel(platform, modelFile);
    if (shape.length) throw new InvalidModelError(shape);
  }
  const needs = meaningProblems(platform, modelFile);
  if (needs.length) throw new InvalidModelError(needs);
}

/** Every file of a well-formed model; throws on an unknown `env` or an invalid model. */
async function generateChecked(platform: Platform, env: string | undefined, modelFile: string | undefined): Promise<FileRecord[]> {
  if (env !== undefined) environmentNamed(platform, env);
  await checkShape(platform, modelFile);
  return generate(platform);
}

/**
 * The model's files in memory, after the shape check; with `env`, that environment's files and
 * the shared ones. Nothing is read or written.
 */
export async function render(platform: Platform, options: { env?: string; modelFile?: string } = {}): Promise<FileRecord[]> {
  const records = await generateChecked(platform, options.env, options.modelFile);
  return records.filter((r) => options.env === undefined || r.env === undefined || r.env === options.env);
}

export async function runGen(platform: Platform, options: GenOptions): Promise<GenResult> {
  // The owned-files list covers every environment, so plan with all records even for one `env`.
  const records = await generateChecked(platform, options.env, options.modelFile);
  return writeRecords(records, options);
}

/**
 * Writes (or with `check`, compares) a set of generated files under `outDir` with the same rules
 * as `gen`: owned files only, atomic writes, nothing written when any file would be refused.
 * A service repository writes what the service kit produced this way.
 */
export async function writeRecords(records: FileRecord[], options: Omit<GenOptions, "modelFile">): Promise<GenResult> {
  const p = plan(options.outDir, records, options.env);
  if (options.check) {
    const { drift } = await import("../core/write/drift.ts");
    return { plan: p, drift: drift(options.outDir, p) };
  }
  // A file we would overwrite is not ours: write nothing at all rather than half the tree.
  if (p.refused.length === 0) apply(options.outDir, p);
  return { plan: p };
}
