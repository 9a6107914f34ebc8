/**
 * The README's prerequisites section is generated from the model: `gen` rewrites only the text
 * between its markers, `gen --check` and `lint` report it when it differs, and this repository's
 * README carries the markers (so the section can never silently stop being generated).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { emptySection, sections, spliceSection } from "../../src/pipeline/sections.ts";
import { runGen } from "../../src/pipeline/gen.ts";
import { lint } from "../../src/pipeline/lint.ts";
import { prerequisites } from "../../src/core/model/prerequisites.ts";
import { streamforge } from "../../src/platform/streamforge.ts";

const REPO = resolve(import.meta.dirname, "../..");

describe("generated README sections", () => {
  it("this repository's README carries the prerequisites section, current with the model", () => {
    const readme = readFileSync(join(REPO, "README.md"), "utf8");
    const [section] = sections(streamforge);
    expect(spliceSection(readme, section!)).toBe(readme);
    for (const env of streamforge.environments) for (const p of prerequisites(streamforge, env)) expect(readme).toContain(`| \`${p.name}\``);
  });

  it("gen fills the section and keeps the author's text around it; --check and lint report a hand edit", async () => {
    const out = mkdtempSync(join(tmpdir(), "sections-"));
    writeFileSync(join(out, "README.md"), `# Mine\n\nbefore\n\n${emptySection("prerequisites")}\nafter\n`);
    await runGen(streamforge, { outDir: out });
    const written = readFileSync(join(out, "README.md"), "utf8");
    expect(written.startsWith("# Mine\n\nbefore\n\n")).toBe(true);
    expect(written.endsWith("\nafter\n")).toBe(true);
    expect(written).toContain("| `minio-root` (MinIO's root login) | `minio` | `rootUser`, `rootPassword` |");
    expect((await runGen(streamforge, { outDir: out, check: true })).drift).toEqual([]);

    writeFileSync(join(out, "README.md"), written.replace("`minio-root`", "`minio-admin`"));
    const drift = (await runGen(streamforge, { outDir: out, check: true })).drift ?? [];
    expect(drift.map((d) => d.path)).toEqual(["README.md"]);
    expect(drift[0]!.diff).toContain("-| `minio-admin`");
    const diagnostics = await lint(streamforge, { outDir: out, skipModelSchema: true });
    expect(diagnostics.filter((d) => d.file === "README.md").map((d) => d.message)).toEqual(['README.md: its generated section "prerequisites" differs from what the model generates']);
  });
});
