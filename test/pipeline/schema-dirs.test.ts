import { afterAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { lint } from "../../src/pipeline/lint.ts";
import { useExtraSchemaDirs } from "../../src/core/schema/validators.ts";
import { generate } from "../../src/pipeline/generate.ts";
import { platform as mini } from "../fixtures/models/mini.ts";
import { tempDir } from "../support/cli.ts";
import { REPO } from "../support/lint.ts";

/** The mini platform pinning a MetalLB version the package has no schema for. */
const env = mini.environments[0]!;
const pinned = env.versions.metallb!;
const newer = { ...mini, environments: [{ ...env, versions: { ...env.versions, metallb: "0.99.0" } }] };
const onDisk = (platform: typeof mini) => {
  const files = new Map(generate(platform).map((r) => [r.path, r.content]));
  return { read: (p: string) => files.get(p), list: () => [] };
};
const missingSchema = (d: { rule: string; message: string }) => d.rule === "schema/values" && d.message.startsWith("no values schema for chart metallb 0.99.0");

afterAll(() => useExtraSchemaDirs([]));

describe("lint with extra schema folders", () => {
  it("reports a chart version without a schema in the package", async () => {
    expect((await lint(newer, onDisk(newer))).some(missingSchema)).toBe(true);
  });

  it("finds the consumer's derived schema for it in a folder laid out like schema/", async () => {
    const dir = tempDir("streamforge-schemas-");
    mkdirSync(join(dir, "charts/metallb"), { recursive: true });
    copyFileSync(join(REPO, `schema/charts/metallb/${pinned}.schema.json`), join(dir, "charts/metallb/0.99.0.schema.json"));
    const diagnostics = await lint(newer, { ...onDisk(newer), schemaDirs: [dir] });
    expect(diagnostics.filter((d) => d.rule.startsWith("schema/"))).toEqual([]);
  });
});
