/**
 * Lint places a finding in a file the generator just wrote by counting through its documents, as
 * the writer lays them out, instead of parsing the text. These tests hold that count to the
 * parser's answer (`YamlSource.positionOf`) for every value and key of every document the default
 * model and a bench model generate, and for pointers that run past the tree.
 */
import { describe, expect, it } from "vitest";
import { LintFile } from "../../../src/core/lint/context.ts";
import { YamlSource, toPointer } from "../../../src/core/diagnostics/locate.ts";
import { generate } from "../../../src/pipeline/generate.ts";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { benchPlatform } from "../../../bench/models.ts";
import { yamlWithComments } from "../../../src/core/yaml.ts";

/** A file that may not parse its text: positions must come from its documents. */
class Unparsed extends LintFile {
  override get yaml(): YamlSource {
    throw new Error(`${this.path} was parsed`);
  }
}

/** Every pointer of a tree, and one past each map and list (a missing key, an index too far). */
function pointers(value: unknown, path: Array<string | number> = []): string[] {
  const out = [toPointer(path)];
  if (Array.isArray(value)) {
    value.forEach((item, i) => out.push(...pointers(item, [...path, i])));
    out.push(toPointer([...path, value.length]));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) out.push(...pointers(v, [...path, k]));
    out.push(toPointer([...path, "missing"]));
  } else {
    out.push(toPointer([...path, "below"]));
  }
  return out;
}

describe("LintFile.positionOf", () => {
  it("gives the parser's line:column for every value and key of every generated YAML file, without parsing it", () => {
    let counted = 0;
    for (const platform of [streamforge, benchPlatform(2)]) {
      for (const record of generate(platform)) {
        if (!record.documents || !/\.(ya?ml|gotmpl)$/.test(record.path)) continue;
        const parsed = new YamlSource(record.path, record.content);
        const fast = new Unparsed(record.path, record.content, "other", undefined, record.documents);
        const slow = new LintFile(record.path, record.content, "other", undefined, record.documents);
        record.documents.forEach((doc, i) => {
          for (const pointer of pointers(doc)) {
            for (const key of [false, true]) {
              const want = parsed.positionOf(pointer, i, key);
              let got;
              try {
                got = fast.positionOf(pointer, i, key);
                counted++;
              } catch {
                // A text the count does not cover is parsed: same answer.
                got = slow.positionOf(pointer, i, key);
              }
              if (JSON.stringify(got) !== JSON.stringify(want)) expect({ path: record.path, pointer, key, got }).toEqual({ path: record.path, pointer, key, got: want });
            }
          }
        });
      }
    }
    // Nearly every generated file is counted, not parsed.
    expect(counted).toBeGreaterThan(20000);
  });

  it("counts past comment lines, documents before it and block literals", () => {
    const documents = [{ a: 1 }, { script: "line one\nline two\n", list: [{ b: "x" }, ["y"]], after: true }];
    const { content, documents: written } = yamlWithComments("# one\n# two\n", documents, "# end\n");
    const file = new Unparsed("f.yaml", content, "other", undefined, written);
    expect(file.positionOf("/after", 1, false)).toEqual({ line: 11, column: 8 });
    expect(file.positionOf("/list/1/0", 1, false)).toEqual({ line: 10, column: 7 });
    expect(file.positionOf("/list/0", 1, false)).toEqual({ line: 9, column: 5 });
    expect(file.positionOf("/list", 1, false)).toEqual({ line: 8, column: 1 });
    expect(file.positionOf("/script", 1, true)).toEqual({ line: 5, column: 1 });
    expect(file.positionOf("/script", 1, false)).toEqual({ line: 5, column: 9 });
    expect(new YamlSource("f.yaml", content).positionOf("/after", 1, false)).toEqual({ line: 11, column: 8 });
  });

  it("parses a text that is not the documents' block layout (edited, JSON, a flow map)", () => {
    for (const [text, docs] of [["{}\n", [{}]], ['{"a": 1}\n', [{ a: 1 }]], ["a: 2\n", [{ a: 1 }]], ["a: 1\nb: 2\n", [{ a: 1 }]]] as const) {
      expect(() => new Unparsed("f.yaml", text, "other", undefined, docs).positionOf("/a", 0, false)).toThrow(/was parsed/);
      expect(new LintFile("f.yaml", text, "other", undefined, docs).positionOf("/a", 0, false)).toEqual(new YamlSource("f.yaml", text).positionOf("/a", 0, false));
    }
  });
});
