/**
 * A file record's `documents` stand for its text: lint's rules (and gen's check of the model's
 * rule errors) read them instead of parsing the text, so they must be exactly what the text parses to.
 */
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { generate } from "../../src/pipeline/generate.ts";
import { streamforge } from "../../src/platform/streamforge.ts";

describe("generated records' documents", () => {
  const records = generate(streamforge);

  it("are what each YAML file's text parses to", () => {
    const withDocs = records.filter((r) => r.documents !== undefined);
    expect(withDocs.length).toBeGreaterThan(100);
    for (const record of withDocs) {
      const parsed = parseAllDocuments(record.content, { version: "1.1" });
      expect(Array.isArray(parsed) ? parsed.map((d) => d.toJS()) : [], record.path).toEqual(record.documents);
    }
  });

  it("are given for every values file and manifest, including the values of a release an environment does not install", () => {
    const disabled = streamforge.environments.flatMap((e) => e.disabled.map((name) => `values/${e.name}/${name}.yaml`));
    expect(disabled.length).toBeGreaterThan(0);
    const deployed = records.filter((r) => r.path.startsWith("values/") || r.path.startsWith("manifests/"));
    expect(deployed.filter((r) => r.documents === undefined).map((r) => r.path)).toEqual([]);
    for (const path of disabled) expect(records.find((r) => r.path === path)?.documents).toEqual([{}]);
  });
});
