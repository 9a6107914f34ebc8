/**
 * `generate()` as the package exports it: the same contract as `streamforge gen`. The model is
 * validated first (shape, and the meaning checks generation relies on), so a broken model from
 * JavaScript, JSON or a cast fails with `InvalidModelError` and JSON pointers into the model,
 * never with a `TypeError` from deep inside an emitter.
 */
import type { Platform } from "../core/model/types.ts";
import type { FileRecord } from "../core/files.ts";
import { generate as emitAll } from "./generate.ts";
import { validateModel } from "./validate.ts";
import { InvalidModelError } from "../core/errors.ts";
import { emitAdapterChecked } from "./adapter-checked.ts";

export interface GenerateOptions {
  /** Where the model comes from, named in each diagnostic (default `model`). */
  modelFile?: string;
}

/**
 * Every file the platform generates, sorted by path. Pure: reads and writes nothing.
 * Releases the platform defines itself (`extendPlatform`, `withAdapters`) are generated like the
 * package's own.
 * @throws {InvalidModelError} the model does not validate, or an adapter throws; `diagnostics` holds each problem.
 */
export function generate(platform: Platform, options: GenerateOptions = {}): FileRecord[] {
  const file = options.modelFile ?? "model";
  // Shape, then meaning (unknown needs, missing settings, adapters nobody or two define).
  const problems = validateModel(platform, file).filter((d) => d.severity === "error");
  if (problems.length) throw new InvalidModelError(problems);
  return emitAdapterChecked(() => emitAll(platform), file);
}
