/**
 * "A model validateModel accepts generates" for renamed releases: adapters and manifest builders
 * look some releases up by name (their namespace, whether they are installed), and the table
 * the meaning check reads (RELEASE_LOOKUPS) must list every such lookup, or a rename passes
 * validation and then crashes the emitters.
 */
import { describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.ts";
import { validateModel } from "../../src/pipeline/validate.ts";
import type { Platform } from "../../src/core/model/types.ts";
import { streamforge } from "../../src/platform/streamforge.ts";

/** Renames one key of a record, keeping its place. */
function renameKey<T>(record: Record<string, T>, from: string, to: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}

/**
 * The platform with one release renamed everywhere the model names it by reference: `needs`,
 * `disabled`, version pins and chart facts. What remains are the names the code looks up.
 */
function renamed(platform: Platform, from: string, to: string): Platform {
  const copy = structuredClone(platform) as Platform;
  const swap = (n: string) => (n === from ? to : n);
  for (const r of copy.releases) Object.assign(r, { name: swap(r.name), needs: r.needs.map(swap) });
  for (const env of copy.environments) Object.assign(env, { disabled: env.disabled.map(swap), versions: renameKey(env.versions, from, to) });
  if (copy.chartFacts) copy.chartFacts = renameKey(copy.chartFacts, from, to);
  return copy;
}

describe("renaming a release", () => {
  for (const { name } of streamforge.releases) {
    it(`${name}: the model is refused, or it generates`, () => {
      const model = renamed(streamforge, name, "renamed-release");
      const diagnostics = validateModel(model, "model.ts");
      if (diagnostics.length > 0) {
        // Refused because code looks the old name up, not for some unrelated complaint.
        expect(diagnostics.map((d) => d.message).join("\n")).toContain(`looks up release "${name}"`);
        return;
      }
      expect(() => generate(model)).not.toThrow();
    });
  }
});
