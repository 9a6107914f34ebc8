import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { streamforge } from "../../src/platform/streamforge.ts";
import { validateModel } from "../../src/check/model-schema.ts";
import { InvalidModelError, render } from "../../src/pipeline/gen.ts";
import { applyAll, mutations } from "../support/mutations.ts";

/**
 * The promise "validateModel passes => generate succeeds", over random edits of the embedded
 * model (copied or dropped entries, names swapped for other names, prototype keys, huge or
 * non-finite numbers, over-long strings). A few hundred runs here; `npm run fuzz` runs 10,000.
 */
describe("a mutated model either generates or is rejected as InvalidModelError", () => {
  it("holds for 200 random mutations of the embedded model", async () => {
    await fc.assert(
      fc.asyncProperty(mutations(streamforge), async (list) => {
        const model = applyAll(streamforge, list);
        const valid = validateModel(model, "model").length === 0;
        try {
          await render(model);
          expect(valid).toBe(true);
        } catch (error) {
          if (!(error instanceof InvalidModelError)) throw error;
          expect(valid).toBe(false);
          expect(error.diagnostics.every((d) => typeof d.pointer === "string")).toBe(true);
        }
      }),
      { numRuns: 200, seed: Number(process.env.FUZZ_SEED ?? 20261130) },
    );
  });
});
