import { describe, expect, it } from "vitest";
import { generate } from "../../../src/pipeline/generate-checked.ts";
import { InvalidModelError } from "../../../src/core/errors.ts";
import { lint } from "../../../src/pipeline/lint.ts";
import type { Platform } from "../../../src/core/model/types.ts";
import { streamforge } from "../../../src/platform/streamforge.ts";

/** A subset of the catalogue that forgot to prune a `needs`: Kafka UI and others without config-syncer. */
function subsetWithDanglingNeed(): Platform {
  const platform = structuredClone(streamforge) as Platform;
  platform.releases = platform.releases.filter((r) => r.name !== "config-syncer");
  // Its version pins and chart facts go too: only the forgotten `needs` is left to report.
  for (const env of platform.environments) delete env.versions["config-syncer"];
  if (platform.chartFacts) delete platform.chartFacts["config-syncer"];
  return platform;
}

describe("needs on a release the platform does not have", () => {
  it("generate() throws InvalidModelError naming the release that needs and the missing one, with a pointer", () => {
    const platform = subsetWithDanglingNeed();
    const needing = platform.releases.findIndex((r) => r.needs.includes("config-syncer"));
    expect(needing).toBeGreaterThanOrEqual(0);
    let error: unknown;
    try {
      generate(platform);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidModelError);
    const [first] = (error as InvalidModelError).diagnostics;
    expect(first?.pointer).toBe(`/releases/${needing}/needs/${platform.releases[needing]!.needs.indexOf("config-syncer")}`);
    expect(first?.message).toBe(`release "${platform.releases[needing]!.name}" needs "config-syncer", which is not a release of platform streamforge`);
  });

  it("lint reports it as a model problem before any rule", async () => {
    const diagnostics = await lint(subsetWithDanglingNeed());
    expect(diagnostics.map((d) => d.rule)).toContain("model/unknown-need");
    expect(diagnostics.every((d) => d.rule === "model/unknown-need")).toBe(true);
  });
});
