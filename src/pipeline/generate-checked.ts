/**
 * `generate()` as the package exports it: the same contract as `streamforge gen`. The model is
 * validated first (shape, and the meaning checks generation relies on), so a broken model from
 * JavaScript, JSON or a cast fails with `InvalidModelError` and JSON pointers into the model,
 * never with a `TypeError` from deep inside an emitter.
 */
import type { Platform } from "../core/model/types.ts";
import type { FileRecord } from "../core/files.ts";
import { generate as emitAll } from "./generate.ts";
import { validateModel } from "../core/check/model-schema.ts";
import { meaningProblems } from "../core/check/model-meaning.ts";
import { InvalidModelError } from "../core/errors.ts";

export interface GenerateOptions {
  /** Where the model comes from, named in each diagnostic (default `model`). */
  modelFile?: string;
}

/**
 * Every file the platform generates, sorted by path. Pure: reads and writes nothing.
 * @throws {InvalidModelError} the model does not validate; `diagnostics` holds each problem.
 */
export function generate(platform: Platform, options: GenerateOptions = {}): FileRecord[] {
  const file = options.modelFile ?? "model";
  const shape = validateModel(platform, file).filter((d) => d.severity === "error");
  // Meaning only on a well-formed model: the checks below read it as typed.
  const problems = shape.length ? shape : meaningProblems(platform, file);
  if (problems.length) throw new InvalidModelError(problems);
  return emitAll(platform);
}
