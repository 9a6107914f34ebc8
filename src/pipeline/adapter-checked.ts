import { AdapterError, InvalidModelError } from "../core/errors.ts";

/**
 * Runs the emitters; an adapter that throws (a consumer's, typically) becomes an
 * `InvalidModelError` against the model file, pointing at the release that names it.
 */
export function emitAdapterChecked<T>(emit: () => T, modelFile: string): T {
  try {
    return emit();
  } catch (error) {
    if (error instanceof AdapterError) throw new InvalidModelError([error.diagnostic(modelFile)]);
    throw error;
  }
}
