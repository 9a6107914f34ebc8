/**
 * The adapters' contracts point at real places of the values they describe: a `refers` pointer
 * that no longer exists in the generated values would make the reference rule skip it silently,
 * so every one must resolve to a name in every environment the release is installed in.
 */
import { describe, expect, it } from "vitest";
import { chartContracts } from "../../../src/helm/charts/contracts.ts";
import { valuesAdapter } from "../../../src/helm/charts/index.ts";
import { isEnabled } from "../../../src/core/model/derive.ts";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { pointerSegments } from "../../../src/core/diagnostics/locate.ts";

function at(tree: unknown, pointer: string): unknown {
  let node = tree;
  for (const s of pointerSegments(pointer)) node = Array.isArray(node) ? node[Number(s)] : node && typeof node === "object" ? (node as Record<string, unknown>)[s] : undefined;
  return node;
}

describe.each(streamforge.environments.map((e) => e.name))("contracts in %s", (envName) => {
  const env = streamforge.environments.find((e) => e.name === envName)!;
  const releases = streamforge.releases.filter((r) => r.chart !== "local" && isEnabled(env, r) && chartContracts[r.adapter]);

  it.each(releases.map((r) => [r.name, r] as const))("%s: every referring pointer holds a name", (_name, release) => {
    const values = valuesAdapter(release.adapter)!({ platform: streamforge, env });
    const contract = chartContracts[release.adapter]!({ platform: streamforge, env }, values, release);
    const matches = new Map<string, number>();
    for (const ref of contract.refers ?? []) {
      const value = at(values, ref.at);
      if (ref.pattern) {
        expect(typeof value, ref.at).toBe("string");
        matches.set(ref.at, (matches.get(ref.at) ?? 0) + [...String(value).matchAll(new RegExp(ref.pattern.source, "gm"))].length);
        // A list the values leave out names nothing; a list present names only strings.
      } else if (ref.list) expect(value === undefined || (Array.isArray(value) && value.every((v) => typeof v === "string")), ref.at).toBe(true);
      else expect(typeof value, ref.at).toBe("string");
    }
    // Patterns over one text block (the runner's TOML) find at least one name between them.
    for (const [pointer, count] of matches) expect(count, pointer).toBeGreaterThan(0);
    for (const claim of contract.claims ?? []) expect(env.storageClasses.map((c) => c.name)).toContain(claim.storageClass);
  });
});
