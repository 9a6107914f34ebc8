import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { validateModel } from "../../../src/pipeline/validate.ts";
import { render } from "../../../src/pipeline/gen.ts";
import { InvalidModelError } from "../../../src/core/errors.ts";
import { generate } from "../../../src/pipeline/generate.ts";
import { applyAll, mutations } from "../../support/mutations.ts";

/**
 * The promise "validateModel passes => generate succeeds", over random edits of the embedded
 * model (copied or dropped entries, names swapped for other names, prototype keys, huge or
 * non-finite numbers, over-long strings). A few hundred runs here; `npm run fuzz` runs 10,000.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20261130);

describe("a mutated model either generates or is rejected with pointers", () => {
  it("validateModel passes => generate succeeds, for 300 random mutations", () => {
    fc.assert(
      fc.property(mutations(streamforge), (list) => {
        const model = applyAll(streamforge, list);
        const diagnostics = validateModel(model, "model");
        if (diagnostics.length === 0) generate(model);
        else expect(diagnostics.every((d) => typeof d.pointer === "string")).toBe(true);
      }),
      { numRuns: 300, seed },
    );
  }, 240_000);

  it("gen's render throws nothing but InvalidModelError, and agrees with validateModel, for 60 mutations", async () => {
    await fc.assert(
      fc.asyncProperty(mutations(streamforge), async (list) => {
        const model = applyAll(streamforge, list);
        const valid = validateModel(model, "model").length === 0;
        try {
          await render(model);
          expect(valid).toBe(true);
        } catch (error) {
          if (!(error instanceof InvalidModelError)) throw error;
          expect(error.diagnostics.every((d) => typeof d.pointer === "string")).toBe(true);
          // gen refuses more than validateModel: the errors lint's rules find in the model too.
          if (valid) expect(error.diagnostics.filter((d) => d.rule === "schema/model" || d.rule === "model/semantics")).toEqual([]);
        }
      }),
      { numRuns: 60, seed: seed + 1 },
    );
  }, 240_000);
});
