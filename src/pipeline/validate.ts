/**
 * `validateModel` with what the worlds know of releases (adapter keys, the releases each adapter
 * looks up by name), so that "validateModel passes => generate succeeds" holds for the whole
 * pipeline. Core's check takes the registry as data; this is where the worlds are listed.
 */
import type { Diagnostic } from "../core/diagnostics/types.ts";
import type { Platform } from "../core/model/types.ts";
import { validateModel as validateWith } from "../core/check/model-schema.ts";
import { releaseRegistry } from "./release-registry.ts";

export { RELEASE_LOOKUPS, checkMeaning, releaseRegistry } from "./release-registry.ts";

/**
 * Validates a model, shape then meaning; every problem at once, each with the JSON pointer of the
 * bad value. A model with no diagnostics generates without error.
 */
export function validateModel(platform: Platform | unknown, file = "model"): Diagnostic[] {
  return validateWith(platform, file, releaseRegistry);
}
