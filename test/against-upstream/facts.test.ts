/**
 * Every fact of the platform document (S1-S38) and every default of the model (A1-A16) is proved
 * by at least one test whose title names it. The ids are read from the platform document as the
 * upstream cache holds it (`expected/PLATFORM.md`), so a fact added there without a test fails here.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { expectedPath } from "../support/upstream.ts";

const PLATFORM_MD = expectedPath("PLATFORM.md");
/** Every test of both suites, this one excepted. */
const TEST_DIR = resolve(import.meta.dirname, "..");

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === "golden" ? [] : testFiles(full);
    return name.endsWith(".test.ts") && full !== import.meta.filename ? [full] : [];
  });
}

/** The title strings of `it(...)`/`describe(...)` calls (first argument, a string literal). */
function titles(source: string): string[] {
  return [...source.matchAll(/\b(?:it|test|describe)(?:\.each\([^)]*\))?\(\s*(["'`])((?:\\.|(?!\1).)*)\1/g)].map((m) => m[2]!);
}

describe("facts of PLATFORM.md", () => {
  const ids = [...readFileSync(PLATFORM_MD, "utf8").matchAll(/^- ([SA]\d+) /gm)].map((m) => m[1]!);
  const allTitles = testFiles(TEST_DIR).flatMap((f) => titles(readFileSync(f, "utf8")));

  it("lists S1-S38 and A1-A16", () => {
    expect(ids.filter((id) => id.startsWith("S"))).toHaveLength(38);
    expect(ids.filter((id) => id.startsWith("A"))).toHaveLength(16);
  });

  it.each(ids)("%s is named by a test title", (id) => {
    const pattern = new RegExp(`\\b${id}\\b`);
    expect(allTitles.filter((t) => pattern.test(t)).length, id).toBeGreaterThan(0);
  });
});
