/**
 * `needs` between releases, checked on the model before anything is emitted: a platform that
 * takes a subset of the catalogue's releases must say which `needs` it dropped, and the error
 * names both the release that needs and the release that is missing.
 */
import type { Diagnostic } from "../diagnostics/types.ts";
import type { Platform } from "../model/types.ts";

export const NEEDS_RULE = "model/unknown-need";

export function danglingNeeds(platform: Platform, file = "model"): Diagnostic[] {
  const names = new Set(platform.releases.map((r) => r.name));
  return platform.releases.flatMap((release, i) =>
    release.needs.flatMap((need, j): Diagnostic[] =>
      names.has(need)
        ? []
        : [
            {
              rule: NEEDS_RULE,
              severity: "error",
              file,
              pointer: `/releases/${i}/needs/${j}`,
              message: `release "${release.name}" needs "${need}", which is not a release of platform ${platform.name}`,
              hint: `add the release "${need}" to the platform, or remove it from the needs of "${release.name}"`,
            },
          ],
    ),
  );
}
