/**
 * Checks of a well-formed model's meaning that generation relies on, run before anything is
 * emitted: every `needs` names a release of the platform, and every installed release has the
 * component settings its adapter reads.
 */
import type { Diagnostic } from "../diagnostics/types.ts";
import type { Platform } from "../model/types.ts";
import { danglingNeeds } from "./release-needs.ts";
import { ALWAYS_REQUIRED, type ComponentKey, settingsRead } from "../model/components.ts";

export function meaningProblems(platform: Platform, file = "model"): Diagnostic[] {
  return [...danglingNeeds(platform, file), ...missingSettings(platform, file)];
}

/** Every installed release whose adapter reads settings the environment lacks, with a pointer. */
export function missingSettings(platform: Platform, file = "model"): Diagnostic[] {
  const out: Diagnostic[] = [];
  platform.environments.forEach((env, e) => {
    const needed = new Map<ComponentKey, string[]>(ALWAYS_REQUIRED.map((k) => [k, []]));
    for (const release of platform.releases) {
      if (env.disabled.includes(release.name)) continue;
      for (const key of settingsRead(platform, release.adapter)) needed.set(key, [...(needed.get(key) ?? []), release.name]);
    }
    for (const [key, releases] of needed) {
      if (env.components[key] !== undefined) continue;
      out.push({
        rule: "model/missing-settings",
        severity: "error",
        file,
        pointer: `/environments/${e}/components/${key}`,
        message: releases.length
          ? `environment ${env.name} has no components.${key}, which installed release(s) ${releases.join(", ")} need`
          : `environment ${env.name} has no components.${key}, which every environment needs`,
        hint: releases.length ? `add components.${key}, or disable ${releases.join(", ")} in ${env.name}` : `add components.${key}`,
      });
    }
  });
  return out;
}
