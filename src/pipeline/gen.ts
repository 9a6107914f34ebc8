/**
 * `gen` as a library call: generate everything in memory, then either write it or report
 * drift. Generation errors surface before any file is touched.
 */
import type { Platform } from "../model/types.ts";
import { generate } from "../emit/index.ts";
import { validateModel } from "../check/model-schema.ts";
import type { Diagnostic } from "../diagnostics/types.ts";
import { apply, drift, plan, type Drift, type Plan } from "../write/writer.ts";

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

export function runGen(platform: Platform, options: GenOptions): GenResult {
  if (options.env !== undefined && !platform.environments.some((e) => e.name === options.env)) {
    const known = platform.environments.map((e) => e.name).join(", ");
    throw new UsageError(`unknown environment "${options.env}"; the model has: ${known}`);
  }
  const shape = validateModel(platform, options.modelFile);
  if (shape.length) throw new InvalidModelError(shape);
  const records = generate(platform);
  const p = plan(options.outDir, records, options.env);
  if (options.check) return { plan: p, drift: drift(options.outDir, p) };
  // A file we would overwrite is not ours: write nothing at all rather than half the tree.
  if (p.refused.length === 0) apply(options.outDir, p);
  return { plan: p };
}

/** The model does not match `schema/platform.schema.json`; nothing was generated or written. */
export class InvalidModelError extends Error {
  override name = "InvalidModelError";
  constructor(readonly diagnostics: Diagnostic[]) {
    super(
      `the model is invalid (${diagnostics.length} problem(s)); nothing was written\n` +
        diagnostics.map((d) => `${d.file}: ${d.pointer || "/"}: ${d.message}${d.hint ? ` (${d.hint})` : ""}`).join("\n"),
    );
  }
}

/** A mistake in how a command was called (exit code 2). */
export class UsageError extends Error {
  override name = "UsageError";
}
