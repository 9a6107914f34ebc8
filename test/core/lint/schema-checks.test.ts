/**
 * Schema checks remember answers within a run (built-in objects by kind and content): lab and prod
 * repeat most of their objects. A remembered answer must never hide a finding: every file with an
 * invalid object is reported at its own place, whichever environment is checked first, and a
 * file edited on disk is checked from its text.
 */
import { describe, expect, it } from "vitest";
import { editYaml, lineOf, lintCase } from "../../support/lint.ts";
import type { Diagnostic } from "../../../src/core/diagnostics/types.ts";

const CLASS = (env: string) => `manifests/${env}/storage-classes/storageclass-glusterfs.yaml`;
const badPolicy = editYaml((d) => (d.reclaimPolicy = 5));
const unknownField = editYaml((d) => (d.reclaimPolizy = "Retain"));

async function findings(edit: Record<string, (text: string) => string>): Promise<{ found: Diagnostic[]; tree: Map<string, string> }> {
  // Every environment (prod is checked first, then lab), not only prod as the fixtures do.
  const { diagnostics, tree } = await lintCase({ name: "memo", rule: "schema/manifest", edit, expect: { file: "" } }, { env: undefined });
  return { found: diagnostics.filter((d) => d.rule === "schema/manifest"), tree };
}

describe("schema checks of built-in objects remembered within a run", () => {
  it("report equal invalid objects of two environments in each file, at each file's own line", async () => {
    // The same invalid object in both; prod's file has an extra line above it, so the lines differ.
    const { found, tree } = await findings({ [CLASS("prod")]: (text) => badPolicy(text).replace("\napiVersion", "\n# kept by hand\napiVersion"), [CLASS("lab")]: badPolicy });
    // A wrong type is reported once per keyword it breaks (type, enum): one place per file counts.
    const places = [...new Map(found.map((d) => [d.file, [d.file, d.pointer, d.position?.line] as const])).values()];
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(places).toEqual([
      [CLASS("prod"), "/reclaimPolicy", lineOf(tree.get(CLASS("prod"))!, "reclaimPolicy: 5")],
      [CLASS("lab"), "/reclaimPolicy", lineOf(tree.get(CLASS("lab"))!, "reclaimPolicy: 5")],
    ]);
    expect(places[0]![2]).toBe((places[1]![2] ?? 0) + 1);
  });

  it("find the one environment whose object differs, checked after an equal valid one", async () => {
    const { found } = await findings({ [CLASS("lab")]: unknownField });
    expect(found.map((d) => [d.file, d.pointer, d.message])).toEqual([[CLASS("lab"), "/reclaimPolizy", 'StorageClass /reclaimPolizy: unknown field "reclaimPolizy"']]);
  });

  it("find the one environment whose object differs, checked before an equal valid one", async () => {
    const { found } = await findings({ [CLASS("prod")]: unknownField });
    expect(found.map((d) => [d.file, d.pointer])).toEqual([[CLASS("prod"), "/reclaimPolizy"]]);
  });

  it("check a file edited on disk from its text, not from what the generator produced", async () => {
    // The edit keeps every key but changes a value: only the text says so.
    const { found } = await findings({ [CLASS("lab")]: (text) => text.replace("reclaimPolicy: Retain", "reclaimPolicy: [Retain]") });
    expect(new Set(found.map((d) => `${d.file} ${d.pointer}`))).toEqual(new Set([`${CLASS("lab")} /reclaimPolicy`]));
  });
});
