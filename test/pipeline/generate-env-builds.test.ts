/**
 * `gen --env X` runs the values adapters and manifest builders of X, and of another environment
 * only when the helmfile's needs cannot take that environment's from one built before it (same
 * `needsKey`): on a bench model of environments derived from prod and lab, X and one of the other
 * kind. Counted on the seam every adapter run passes through.
 */
import { describe, expect, it, vi } from "vitest";
import * as adapters from "../../src/helm/adapters.ts";
import { generate } from "../../src/pipeline/generate.ts";
import { benchPlatform } from "../../bench/models.ts";

vi.mock("../../src/helm/adapters.ts", async (original) => {
  const real = await original<typeof import("../../src/helm/adapters.ts")>();
  return { ...real, runValuesAdapter: vi.fn(real.runValuesAdapter), runManifestBuilder: vi.fn(real.runManifestBuilder) };
});

/** The environments whose adapters ran during `run`. */
function adaptedIn(run: () => void): string[] {
  vi.mocked(adapters.runValuesAdapter).mockClear();
  vi.mocked(adapters.runManifestBuilder).mockClear();
  run();
  const envs = [...vi.mocked(adapters.runValuesAdapter).mock.calls.map(([, env]) => env.name), ...vi.mocked(adapters.runManifestBuilder).mock.calls.map(([ctx]) => ctx.env.name)];
  return [...new Set(envs)].sort();
}

describe("gen --env X builds", () => {
  const platform = benchPlatform(8);

  it("X, and one environment of the other kind for the helmfile's needs; the full run every environment", () => {
    expect(adaptedIn(() => generate(platform, { env: "lab5" }))).toEqual(["lab5", "prod0"]);
    expect(adaptedIn(() => generate(platform, { env: "prod6" }))).toEqual(["lab1", "prod6"]);
    expect(adaptedIn(() => generate(platform))).toEqual(platform.environments.map((e) => e.name).sort());
  });

  it("and gives the full run's files of X and the shared ones, the helmfile included", () => {
    const full = generate(platform);
    for (const env of ["prod0", "lab5"]) expect(generate(platform, { env })).toEqual(full.filter((r) => r.env === undefined || r.env === env));
  });
});
