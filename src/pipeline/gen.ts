/**
 * `gen` as a library call: generate everything in memory, then either write it or report
 * drift. Generation errors surface before any file is touched.
 */
import type { Platform } from "../core/model/types.ts";
import type { FileRecord } from "../core/files.ts";
import { generate } from "./generate.ts";
import { validatorFor } from "../core/schema/validators.ts";
import { InvalidModelError } from "../core/errors.ts";
import { environmentNamed } from "../core/environments.ts";
import { apply, plan, type Plan } from "../core/write/writer.ts";
import type { Drift } from "../core/write/drift.ts";
import { sections, spliceSection } from "./sections.ts";
import { readIfExists, writeAtomic } from "../core/fs.ts";
import { join } from "node:path";

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
  if (fast && fast(platform)) return;
  const { validateModel } = await import("../core/check/model-schema.ts");
  const shape = validateModel(platform, modelFile);
  if (shape.length) throw new InvalidModelError(shape);
}

/** Every file of a well-formed model; throws on an unknown `env` or an invalid model. */
async function generateChecked(platform: Platform, env: string | undefined, modelFile: string | undefined): Promise<FileRecord[]> {
  if (env !== undefined) environmentNamed(platform, env);
  await checkShape(platform, modelFile);
  return generate(platform, env === undefined ? {} : { env });
}

/**
 * The model's files in memory, after the shape check; with `env`, that environment's files and
 * the shared ones. Nothing is read or written.
 */
export async function render(platform: Platform, options: { env?: string; modelFile?: string } = {}): Promise<FileRecord[]> {
  return generateChecked(platform, options.env, options.modelFile);
}

export async function runGen(platform: Platform, options: GenOptions): Promise<GenResult> {
  // With `env`, only that environment's emitters run; the plan keeps the other environments'
  // entries of the owned-files list as they are.
  const records = await generateChecked(platform, options.env, options.modelFile);
  const p = plan(options.outDir, records, options.env);
  const stale = staleSections(platform, options.outDir);
  if (options.check) {
    const { drift, sectionDrift } = await import("../core/write/drift.ts");
    return { plan: p, drift: [...drift(options.outDir, p), ...stale.map((s) => sectionDrift(s.path, s.current, s.next))] };
  }
  // A file we would overwrite is not ours: write nothing at all rather than half the tree.
  if (p.refused.length === 0) {
    apply(options.outDir, p);
    for (const s of stale) writeAtomic(join(options.outDir, s.path), s.next);
  }
  return { plan: p };
}

/** Generated sections of hand-written files whose text on disk is not the model's. */
function staleSections(platform: Platform, outDir: string): Array<{ path: string; current: string; next: string }> {
  return sections(platform).flatMap((section) => {
    const current = readIfExists(join(outDir, section.path));
    const next = current === undefined ? undefined : spliceSection(current, section);
    return current !== undefined && next !== undefined && next !== current ? [{ path: section.path, current, next }] : [];
  });
}
