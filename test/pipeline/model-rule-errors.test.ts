/**
 * `gen` refuses a model on the rules' findings against the model, running only the rules marked
 * `aboutModel`; lint holds every other rule to never report against the model.
 */
import { describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.ts";
import { guarded, modelRuleErrors, rules } from "../../src/pipeline/lint.ts";
import type { Rule } from "../../src/core/lint/context.ts";
import type { Diagnostic } from "../../src/core/diagnostics/types.ts";
import type { Platform } from "../../src/core/model/types.ts";
import { streamforge } from "../../src/platform/streamforge.ts";
import { cases as network } from "../fixtures/invalid/network.ts";
import { cases as placementStorage } from "../fixtures/invalid/placement-storage.ts";
import { cases as hostsTls } from "../fixtures/invalid/hosts-tls.ts";
import { cases as policy } from "../fixtures/invalid/policy.ts";
import { cases as apply } from "../fixtures/invalid/apply.ts";
import { cases as handEdits } from "../fixtures/invalid/hand-edits.ts";

const MODEL = "src/platform/streamforge.ts";
const ruleIds = new Set(rules.map((r) => r.id));
// Model changes whose finding lint reports against the model, from a rule of the registry.
const candidates = [...network, ...placementStorage, ...hostsTls, ...policy, ...apply].filter((c) => c.model && !c.edit && !c.add && c.expect.file === MODEL && ruleIds.has(c.rule) && (c.expect.severity ?? "error") === "error");
/**
 * The cases whose model generates, with it and its files. Some models do not even generate (an
 * adapter or the docs refuse them first): gen refuses those before its rule check.
 */
function generating<C extends { model?: (platform: Platform) => Platform }>(cases: readonly C[]) {
  return cases.flatMap((c) => {
    const platform = c.model!(structuredClone(streamforge));
    try {
      return [{ ...c, platform, records: generate(platform) }];
    } catch {
      return [];
    }
  });
}
const modelCases = generating(candidates);

describe("gen's check of the model's rule errors", () => {
  it("covers the model-reporting rules through the invalid fixtures", () => {
    expect(modelCases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(modelCases.map((c) => [`${c.rule}: ${c.name}`, c] as const))("refuses %s", (_title, c) => {
    const found = modelRuleErrors(c.platform, c.records, MODEL);
    expect(found.map((d) => d.rule)).toContain(c.rule);
  });

  it("finds nothing in the embedded model", () => {
    expect(modelRuleErrors(streamforge, generate(streamforge), MODEL)).toEqual([]);
  });
});

// Every model change of the invalid fixtures that still generates, whatever file lint points at.
const everyModelCase = generating([...network, ...placementStorage, ...hostsTls, ...policy, ...apply, ...handEdits].filter((c) => c.model));

describe("gen's check without the rules' searches of the generated files", () => {
  // gen keeps only findings against the model, so the rules skip what can only report against a
  // file; a rule that skipped a search able to report against the model would fail here.
  it("refuses every model that the check with those searches refuses, with the same findings", () => {
    expect(everyModelCase.length).toBeGreaterThanOrEqual(15);
    for (const c of [...everyModelCase, { name: "embedded", platform: streamforge, records: generate(streamforge) }]) {
      expect(modelRuleErrors(c.platform, c.records, MODEL), c.name).toEqual(modelRuleErrors(c.platform, c.records, MODEL, undefined, true));
    }
  });

  it("still searches the files when an output file has the model's path (every finding there counts)", () => {
    const records = generate(streamforge);
    const modelPath = records.find((r) => r.path.startsWith("values/"))!.path;
    expect(modelRuleErrors(streamforge, records, modelPath)).toEqual(modelRuleErrors(streamforge, records, modelPath, undefined, true));
  });
});

describe("a rule's findings against the model", () => {
  const finding = (file: string): Diagnostic => ({ rule: "test/rule", severity: "error", message: "m", file, pointer: "/" });
  const rule = (aboutModel: boolean): Rule => ({ id: "test/rule", description: "d", ...(aboutModel ? { aboutModel: true as const } : {}), check: () => [] });

  it("are a bug in a rule not marked aboutModel, which gen would skip", () => {
    expect(() => guarded(rule(false), " on lab", () => [finding(MODEL)], MODEL)).toThrow(/rule test\/rule reported against the model on lab but is not marked aboutModel/);
  });

  it("are what a marked rule may report", () => {
    expect(guarded(rule(true), "", () => [finding(MODEL)], MODEL)).toEqual([finding(MODEL)]);
  });

  it("are not told apart when an output file has the model's path", () => {
    expect(guarded(rule(false), "", () => [finding(MODEL)], undefined)).toEqual([finding(MODEL)]);
  });

  it("do not include findings in generated files", () => {
    expect(guarded(rule(false), "", () => [finding("helmfile.yaml")], MODEL)).toEqual([finding("helmfile.yaml")]);
  });
});
