import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { runGen } from "../../../src/pipeline/gen.ts";
import { InvalidModelError } from "../../../src/core/errors.ts";
import { badModels } from "../../fixtures/bad-models/corpus.ts";
import { tempDir } from "../../support/cli.ts";

const corpus = badModels();

describe("gen rejects each bad model of the corpus with a pointer into it, and writes nothing", () => {
  it("has at least 100 bad models", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
  });

  it.each(corpus.map((c) => [c.name, c] as const))("%s", async (_name, bad) => {
    const out = join(tempDir(), "out");
    const error = await runGen(bad.model, { outDir: out, modelFile: "bad.ts" }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidModelError);
    const diagnostics = (error as InvalidModelError).diagnostics;
    const here = diagnostics.filter((d) => d.pointer === bad.pointer);
    expect(here.map((d) => d.message), `diagnostics: ${diagnostics.map((d) => `${d.pointer} ${d.message}`).join("; ")}`).not.toEqual([]);
    for (const words of bad.says) expect(here.some((d) => d.message.includes(words)), `"${words}" in ${here.map((d) => d.message).join("; ")}`).toBe(true);
    expect(diagnostics.every((d) => d.file === "bad.ts")).toBe(true);
    // Nothing written: the output folder was not even created.
    expect(() => readdirSync(out)).toThrow(/ENOENT/);
  });
});
