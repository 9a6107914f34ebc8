/**
 * The schema walk (`src/schema/verdict.ts`) decides "valid?" for lint and gen without ajv. It must
 * answer as ajv does, or lint would pass data ajv rejects. Proved here against ajv itself, with
 * the options lint's slow path uses, over every committed chart and CRD schema the default model
 * uses and the model's: the model's own data, and seeded mutations of it (wrong types, unknown and missing
 * keys, out-of-range numbers, strings that break patterns and formats).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { createRequire } from "node:module";
import type { Ajv as AjvClass } from "ajv";
import { describe, expect, it } from "vitest";
import { generate } from "../../../src/pipeline/generate.ts";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { verdict } from "../../../src/core/schema/verdict.ts";
import { REPO } from "../../support/lint.ts";

const require = createRequire(import.meta.url);

function ajvLikeLint(): AjvClass {
  const { Ajv } = require("ajv") as typeof import("ajv");
  const addFormats = require("ajv-formats") as (a: AjvClass) => AjvClass;
  return addFormats(new Ajv({ allErrors: false, strict: false, logger: false, validateSchema: false, unicodeRegExp: false }));
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".json") ? [path] : [];
  });
}

/** Samples of real data per schema file: values by chart name, objects by apiVersion and kind. */
function samples(): { byChart: Map<string, unknown[]>; byKind: Map<string, unknown[]> } {
  const byChart = new Map<string, unknown[]>();
  const byKind = new Map<string, unknown[]>();
  const add = (map: Map<string, unknown[]>, key: string, value: unknown) => map.set(key, [...(map.get(key) ?? []), value]);
  for (const record of generate(streamforge)) {
    const docs = record.documents ?? [];
    const [top, , name] = record.path.split("/");
    if (top === "values" && name) {
      const release = streamforge.releases.find((r) => `${r.name}.yaml` === name);
      if (release && release.chart !== "local") add(byChart, release.chart.name, docs[0]);
    }
    for (const doc of docs) {
      const object = doc as { apiVersion?: unknown; kind?: unknown };
      if (typeof object?.apiVersion === "string" && typeof object.kind === "string") add(byKind, `${object.apiVersion.split("/")[0]}/${object.kind.toLowerCase()}`, doc);
    }
  }
  return { byChart, byKind };
}

/** A small seeded generator, so every run tries the same mutations. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const REPLACEMENTS: unknown[] = [Number.NaN, Number.POSITIVE_INFINITY, "x", "", "not a date", "2024-13-45T99:00:00Z", "300.1.1.1", "z".repeat(300), "Ünï", 7, -1, 1.5, 2 ** 31, 2 ** 63, 0, true, false, null, [], [1, "a"], {}, { zzUnknown: 1 }];

/** `count` copies of `data`, each changed at one place. */
function mutants(data: unknown, count: number, rnd: () => number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const copy = structuredClone(data) as unknown;
    // Walk down a random path, then change what is there.
    let parent: Record<string, unknown> | unknown[] | undefined;
    let key: string | number | undefined;
    let node: unknown = copy;
    while (node !== null && typeof node === "object" && rnd() < 0.8) {
      const keys = Array.isArray(node) ? node.map((_, j) => j) : Object.keys(node);
      if (keys.length === 0) break;
      parent = node as Record<string, unknown>;
      key = keys[Math.floor(rnd() * keys.length)]!;
      node = (parent as Record<string, unknown>)[key];
    }
    const action = rnd();
    if (parent === undefined || key === undefined) out.push(REPLACEMENTS[Math.floor(rnd() * REPLACEMENTS.length)]);
    else {
      if (action < 0.15 && !Array.isArray(parent)) delete parent[key as string];
      else if (action < 0.3 && node !== null && typeof node === "object" && !Array.isArray(node)) (node as Record<string, unknown>).zzUnknown = "x";
      else (parent as Record<string, unknown>)[key] = REPLACEMENTS[Math.floor(rnd() * REPLACEMENTS.length)];
      out.push(copy);
    }
  }
  return out;
}

describe("the schema walk answers as ajv does", () => {
  it("on every schema the default model uses, for its data and 40 mutations of each sample", () => {
    const { byChart, byKind } = samples();
    const ajv = ajvLikeLint();
    const rnd = random(14);
    const schemaFiles = [...files(join(REPO, "schema/charts")), ...files(join(REPO, "schema/crds")), join(REPO, "schema/platform.schema.json")];
    let compared = 0;
    let rejected = 0;
    const disagreements: string[] = [];
    const undecided: string[] = [];
    for (const file of schemaFiles) {
      const path = relative(REPO, file);
      const schema = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
      delete schema.$schema;
      const parts = path.split("/");
      const real =
        path === "schema/platform.schema.json"
          ? [streamforge]
          : parts[1] === "charts"
            ? (byChart.get(parts[2]!) ?? [])
            : (byKind.get(`${parts[2]}/${parts[3]!.replace(/_[^_]+\.json$/, "")}`) ?? []);
      // Compiling with ajv is the cost of this test: other versions of a chart are left out.
      if (real.length === 0) continue;
      const data = [...real, ...real.flatMap((d) => mutants(d, 40, rnd)), {}, ...mutants({ apiVersion: "v1", kind: "X", spec: {} }, 5, rnd)];
      const validate = ajv.compile(schema);
      for (const d of data) {
        const fast = verdict(schema, d);
        if (fast === undefined) {
          undecided.push(path);
          break;
        }
        const slow = validate(d);
        compared++;
        if (!slow) rejected++;
        if (fast !== slow) disagreements.push(`${path}: walk ${fast}, ajv ${slow} for ${JSON.stringify(d).slice(0, 200)}`);
      }
    }
    expect(disagreements).toEqual([]);
    // Every schema in use is judged by the walk: none falls back to ajv on valid data.
    expect(undecided).toEqual([]);
    // The mutations do reach invalid data (else agreement proves little), and the model's own data passes.
    expect(compared).toBeGreaterThan(3000);
    expect(rejected).toBeGreaterThan(compared / 4);
  }, 300_000);

  it("rejects what each keyword forbids, as ajv does", () => {
    const cases: Array<[Record<string, unknown>, unknown, boolean]> = [
      [{ type: "integer" }, 1.5, false],
      // ajv's `strict: false` also turns off `strictNumbers`: what lint has always accepted.
      [{ type: "number" }, Number.POSITIVE_INFINITY, true],
      [{ type: "integer" }, Number.NaN, false],
      [{ type: "string", nullable: true }, null, true],
      [{ type: "object" }, null, false],
      [{ type: "string", maxLength: 1 }, "😀", true],
      [{ format: "int32" }, 2 ** 31, false],
      [{ format: "int32" }, "2147483648", true],
      [{ format: "date-time" }, "2024-02-30T00:00:00Z", false],
      [{ required: ["a"] }, { a: undefined }, false],
      [{ properties: { a: { type: "string" } }, additionalProperties: false }, { a: "x", b: 1 }, false],
      [{ patternProperties: { "^x-": { type: "string" } }, additionalProperties: false }, { "x-a": "y" }, true],
      [{ oneOf: [{ type: "string" }, { minLength: 1 }] }, "ab", false],
      [{ definitions: { s: { type: "string" } }, properties: { a: { $ref: "#/definitions/s" } } }, { a: 1 }, false],
      [{ if: { type: "string" }, then: { minLength: 2 }, else: { type: "number" } }, true, false],
      [{ dependencies: { a: ["b"] } }, { a: 1 }, false],
      [{ propertyNames: { pattern: "^[a-z]+$" } }, { A: 1 }, false],
    ];
    const ajv = ajvLikeLint();
    for (const [schema, data, expected] of cases) {
      expect({ schema, data, walk: verdict(schema, data) }).toEqual({ schema, data, walk: expected });
      expect({ schema, data, ajv: ajv.compile(schema)(data) }).toEqual({ schema, data, ajv: expected });
    }
  });

  it("compiles a node only when data reaches it, and answers each datum afresh with the same schema object", () => {
    // The unsupported keyword sits where only `a` leads: data without `a` is still judged.
    const schema = { properties: { a: { multipleOf: 2 }, b: { type: "string", pattern: "^x" } } };
    expect(verdict(schema, { b: "xy" })).toBe(true);
    expect(verdict(schema, { b: "y" })).toBe(false);
    expect(verdict(schema, { a: 3 })).toBeUndefined();
    // A later call on the same (now compiled) schema object is not answered from an earlier one.
    expect(verdict(schema, { b: "xz" })).toBe(true);
    expect(verdict(schema, { b: 7 })).toBe(false);
    const ref = { definitions: { n: { type: "integer", minimum: 1 } }, items: { $ref: "#/definitions/n" } };
    expect([verdict(ref, [1, 2]), verdict(ref, [1, 0]), verdict(ref, [3])]).toEqual([true, false, true]);
  });

  it("leaves to ajv what it does not implement, rather than guessing", () => {
    expect(verdict({ multipleOf: 3 }, 4)).toBeUndefined();
    expect(verdict({ $ref: "other.json#/x" }, 4)).toBeUndefined();
    expect(verdict({ pattern: "(?<" }, "a")).toBeUndefined();
    expect(verdict({ format: "no-such-format" }, "a")).toBeUndefined();
  });
});
