/**
 * `blockYaml` writes what `yaml`'s `stringify` writes, byte for byte, or declines. Proved on every
 * document the default model and a 6-environment bench model generate, and on strings chosen
 * to hit each of `yaml`'s quoting and block-literal rules, in every position a value can take.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { benchPlatform } from "../../bench/models.ts";
import { generate } from "../../src/pipeline/generate.ts";
import { blockYaml, blockYamlPruned, YAML_OPTIONS } from "../../src/core/yaml-block.ts";
import { streamforge } from "../../src/platform/streamforge.ts";

const reference = (data: unknown) => stringify(data, YAML_OPTIONS);

const NASTY: unknown[] = [
  "plain", "a.b-c_d/e", "x1", "e5", "E", "e-5", "E1_0", "e5x", "Yes", "YES", "ON", "Off", "y", "N", "NULL", "Null", "True", "FALSE", "", " lead", "trail ", "on", "off", "yes", "No", "y", "n", "~", "null", "true", "0755", "0x1F", "1_000", "1:20", "1e3", ".5", "-", "- x",
  "a: b", "a:b", "#c", "a #c", "a# c", "---", "--- x", "...", "%TAG", "@x", "`x", "!tag", "&a", "*a", "|", ">", "'q'", '"q"', "[x]", "{x}", "a, b", "?", "? x",
  "line\nline", "line\nline\n", "line\nline\n\n", "\nlead", "  indented\nnext", "x\n  deeper\ny", "tab\there", "a\n\nb", "trailing space \nx", "---\nx", "x\n---\ny", "x\n...",
  "10.0.1.2", "1.2", "1.2.3", "1.2e3", "2024-01-01", "2024-1-1t10:00:00z", "1:30:00", "190:20:30.15", "a:", "a:b:", "x,y", ",x", "=", "<<", ".inf", ".NaN", "-.INF", "0b101", "0o17", "+1", "-1", "+.5", "-x", "?x", "-?", "?-", ":x", "x#y", "x!", "~x", "x~", "...x", "---x", "%x", "a&b", "a*b", "a|b", "a>b",
  "ünï©ødé", "emoji 😀", "back\\slash", "C:\\path", "http://h:80/p?q=1#f", "${VAR}", "{{ .Values.x }}",
  0, -0, 1.5, -2, 1e21, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, true, false, null, [], {},
];

function shapes(value: unknown): unknown[] {
  return [{ k: value }, { k: [value] }, { k: [{ a: value, b: value }] }, [value], [[value, value]], [{ a: value }], { a: { b: { c: value } } }, { list: [{ inner: [value] }] }];
}

describe("blockYaml", () => {
  it("writes every document of the default model and a 6-environment bench model as yaml does", () => {
    let handled = 0;
    let total = 0;
    for (const platform of [streamforge, benchPlatform(6)]) {
      for (const record of generate(platform)) {
        for (const doc of record.documents ?? []) {
          total++;
          const fast = blockYaml(doc);
          if (fast === undefined) continue;
          handled++;
          if (fast !== reference(doc)) expect({ path: record.path, fast }).toEqual({ path: record.path, fast: reference(doc) });
        }
      }
    }
    // It must actually take the documents over, or nothing is gained.
    expect(handled).toBeGreaterThan(total * 0.95);
  });

  it("writes hard scalars as yaml does, as values, items and keys at every depth", () => {
    let declined = 0;
    for (const value of NASTY) {
      for (const data of shapes(value)) {
        const fast = blockYaml(data);
        if (fast === undefined) declined++;
        else expect({ data, fast }).toEqual({ data, fast: reference(data) });
      }
      if (typeof value === "string") {
        const data = { [value]: 1, nested: { [value]: [value] } };
        const fast = blockYaml(data);
        if (fast === undefined) declined++;
        else expect({ data, fast }).toEqual({ data, fast: reference(data) });
      }
    }
    // Only multi-line keys (explicit `? ` keys) and keys like document markers are left to yaml.
    expect(declined).toBeLessThan(15);
  });

  it("writes any short string of YAML's indicator characters, digits and letters as yaml does", () => {
    // Strings built from the characters yaml's quoting rules look at, so that every rule is met.
    const alphabet = [..."0123456789.-+:_eExXoObBtTzZ ,[]{}#&*!|>'\"%@`?~=<yYnN/\\"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 8 }), (chars) => {
        const data = { k: chars.join(""), list: [chars.join("")] };
        expect(blockYaml(data)).toBe(reference(data));
      }),
      { numRuns: 3000 },
    );
  });

  it("writes any integer as yaml does", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.maxSafeInteger().map((n) => -n), fc.constantFrom(-0, 2 ** 53, -(2 ** 53), 1e21)), (n) => {
        const data = { k: n, list: [n] };
        expect(blockYaml(data)).toBe(reference(data));
      }),
      { numRuns: 1000 },
    );
  });

  it("writes any multi-line string as yaml does (block literals, or yaml's quoting where a block cannot hold it)", () => {
    // Lines of the characters that decide a block's header: leading and trailing spaces, blank
    // lines, final newlines, tabs, indicators; in every position a value takes.
    const alphabet = [..."ab \n\n\t#:-|>%.'\"{}"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }), (chars) => {
        const text = chars.join("");
        for (const data of [{ k: text }, { k: [text] }, { a: { b: [{ c: text, d: 1 }] } }, [[text]]]) expect(blockYaml(data)).toBe(reference(data));
      }),
      { numRuns: 3000 },
    );
  });

  it("declines what is not a non-empty map or sequence", () => {
    for (const data of ["x", 1, null, [], {}]) expect(blockYaml(data)).toBeUndefined();
  });
});

/** What `yamlContent` did before `blockYamlPruned`: a pruned copy, then yaml's text of it. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (v === undefined ? [] : [[k, prune(v)]])));
  return value;
}

describe("blockYamlPruned", () => {
  it("writes yaml's text of the pruned document and returns that pruned copy, sharing nothing with the input", () => {
    const shared = { name: "x" };
    const data = { a: undefined, b: { c: undefined }, list: [shared, shared, [], {}, { only: undefined }], shared, deep: { e: [1, "two\nlines\n"] } };
    const result = blockYamlPruned(data)!;
    // A collection met twice is two copies once pruned: no anchor and alias as yaml writes for `data` itself.
    expect(result.text).toBe(reference(prune(data)));
    expect(result.copy).toEqual(prune(data));
    expect(Object.keys(result.copy as object)).toEqual(["b", "list", "shared", "deep"]);
    const copy = result.copy as { list: unknown[]; shared: unknown };
    expect(copy.shared).not.toBe(shared);
    expect(copy.list[0]).not.toBe(copy.list[1]);
  });

  it("gives the copy and text of every document the bench model generates as prune and yaml do", () => {
    for (const record of generate(benchPlatform(2))) {
      for (const doc of record.documents ?? []) {
        const result = blockYamlPruned(doc);
        if (result === undefined) continue;
        expect(result.copy).toEqual(doc);
        if (result.text !== reference(doc)) expect({ path: record.path, text: result.text }).toEqual({ path: record.path, text: reference(doc) });
      }
    }
  });

  it("declines a document that prunes to nothing, and one whose list holds undefined", () => {
    expect(blockYamlPruned({ a: undefined })).toBeUndefined();
    expect(blockYamlPruned({ a: [1, undefined] })).toBeUndefined();
  });
});
