/**
 * `npm run fuzz -- [runs] [seed]`: the property of test/check/model-property.test.ts at scale.
 * Mutates the embedded model `runs` times; for each, `render` (what `gen` runs: shape, meaning,
 * generate) must either succeed or throw InvalidModelError, and `validateModel` must agree with it.
 */
import fc from "fast-check";
import { streamforge } from "../src/platform/streamforge.ts";
import { render } from "../src/pipeline/gen.ts";
import { InvalidModelError } from "../src/core/errors.ts";
import { validateModel } from "../src/pipeline/validate.ts";
import { generate } from "../src/pipeline/generate.ts";
import { applyAll, mutations } from "../test/support/mutations.ts";

const runs = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 1);
const tally = { runs: 0, generated: 0, invalid: 0, refusedByLintRules: 0, otherErrors: 0 };
const rules = new Map<string, number>();
await fc.assert(
  fc.asyncProperty(mutations(streamforge), async (list) => {
    tally.runs++;
    const model = applyAll(streamforge, list);
    const diagnostics = validateModel(model, "fuzz");
    // The promise itself: a model validateModel accepts generates.
    if (diagnostics.length === 0) generate(model);
    try {
      await render(model, { modelFile: "fuzz" });
      tally.generated++;
      if (diagnostics.length) throw new Error(`validateModel rejects a model that generates: ${diagnostics[0]?.message}`);
    } catch (error) {
      if (!(error instanceof InvalidModelError)) {
        tally.otherErrors++;
        throw error;
      }
      tally.invalid++;
      // gen refuses more than validateModel: errors lint's rules find in the model.
      if (diagnostics.length === 0) {
        tally.refusedByLintRules++;
        if (error.diagnostics.some((d) => d.rule === "schema/model" || d.rule === "model/semantics")) throw new Error("render and validateModel disagree");
      }
      for (const d of error.diagnostics) {
        if (d.pointer === undefined) throw new Error(`a diagnostic without a pointer: ${d.message}`);
        rules.set(d.rule, (rules.get(d.rule) ?? 0) + 1);
      }
    }
  }),
  { numRuns: runs, seed },
);
console.log(JSON.stringify({ seed, ...tally, diagnosticsByRule: Object.fromEntries(rules) }, null, 2));
