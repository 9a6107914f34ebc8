/**
 * Checks of a well-formed model's meaning that generation relies on, run before anything is
 * emitted: every `needs` names a release of the platform, and every installed release has the
 * component settings its adapter reads.
 */
import type { Diagnostic } from "../diagnostics/types.ts";
import type { Platform } from "../model/types.ts";
import { danglingNeeds } from "./release-needs.ts";
import { missingSettings } from "../model/components.ts";

export function meaningProblems(platform: Platform, file = "model"): Diagnostic[] {
  return [...danglingNeeds(platform, file), ...missingSettings(platform, file)];
}
