/**
 * Crash safety of `gen`, by fault injection: a run is stopped at a chosen step (as `kill -9`
 * would stop it: nothing after the step runs, no cleanup), then the folder must be the old
 * generation or hold a journal, and the next `gen` must leave exactly the new generation.
 * `npm run crash-trials` does the same with real processes and SIGKILL.
 */
import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { join } from "node:path";
import { runGen } from "../../../src/pipeline/gen.ts";
import { generate } from "../../../src/pipeline/generate.ts";
import { ownedListRecord } from "../../../src/core/write/owned.ts";
import { JOURNAL_PATH, STAGING_DIR } from "../../../src/core/write/journal.ts";
import { LOCK_PATH, LockedError, withLock } from "../../../src/core/write/lock.ts";
import type { Platform } from "../../../src/core/model/types.ts";
import { platform as mini } from "../../fixtures/models/mini.ts";
import { emptySection, sections, spliceSection } from "../../../src/pipeline/sections.ts";
import { cli, listFiles, tempDir } from "../../support/cli.ts";

/** The same platform under another environment name: every file moves, so a run writes and prunes. */
const renamed: Platform = { ...mini, defaultEnvironment: "cabin", environments: mini.environments.map((e) => ({ ...e, name: "cabin" })) };

function tree(model: Platform): Map<string, string> {
  const records = generate(model);
  return new Map([...records, ownedListRecord(records)].map((r) => [r.path, r.content]));
}

function isTree(dir: string, expected: Map<string, string>): boolean {
  const files = listFiles(dir);
  return files.length === expected.size && files.every((p) => expected.get(p) === readFileSync(join(dir, p), "utf8"));
}

class Killed extends Error {}

/** The steps a run from `mini` to `renamed` takes, in order. */
async function stepsOfSwitch(): Promise<string[]> {
  const dir = tempDir();
  await runGen(mini, { outDir: dir });
  const steps: string[] = [];
  await runGen(renamed, { outDir: dir, onStep: (s) => void steps.push(s) });
  return steps;
}

describe("gen interrupted at any step ends, after the next gen, as the new generation", async () => {
  const steps = await stepsOfSwitch();
  const before = tree(mini);
  const after = tree(renamed);
  // Every kind of step, the first and last of each run of steps, and every fifth in between.
  const chosen = steps.map((s, i) => ({ s, i })).filter(({ s, i }) => i % 5 === 0 || !steps[i - 1]?.startsWith(s.split(" ")[0]!) || !steps[i + 1]?.startsWith(s.split(" ")[0]!));

  it("a switch both writes and prunes (the steps under test)", () => {
    const changed = [...after].filter(([path, content]) => before.get(path) !== content).length;
    const gone = [...before.keys()].filter((path) => !after.has(path)).length;
    expect(steps.filter((s) => s.startsWith("stage")).length).toBe(changed);
    expect(steps.filter((s) => s.startsWith("remove")).length).toBe(gone);
    expect(gone).toBeGreaterThan(30);
    expect(steps).toContain("commit");
    expect(chosen.length).toBeGreaterThan(20);
  });

  it.each(chosen.map(({ s, i }) => [i, s] as const))("stopped before step %i (%s)", async (index) => {
    const dir = tempDir();
    await runGen(mini, { outDir: dir });
    let n = 0;
    const kill = (): void => {
      if (n++ === index) throw new Killed();
    };
    await expect(runGen(renamed, { outDir: dir, onStep: kill })).rejects.toBeInstanceOf(Killed);
    const pending = existsSync(join(dir, JOURNAL_PATH));
    // Scratch lives under .streamforge/ only: outside it every file is one of either generation
    // (which is why recovery never lists the output's folders for temporary files).
    expect(listFiles(dir).filter((p) => !p.startsWith(".streamforge/") && before.get(p) === undefined && after.get(p) === undefined)).toEqual([]);
    // Before the commit point the old generation is untouched (scratch files aside).
    if (!pending) expect(listFiles(dir).filter((p) => !p.startsWith(STAGING_DIR))).toEqual([...before.keys()].sort());
    const check = await cli(["gen", "--model", "test/fixtures/models/mini.ts", "--check", "--out", dir]);
    if (pending) expect(check.stderr).toContain("an interrupted gen left");
    const result = await runGen(renamed, { outDir: dir });
    if (pending) expect(result.recovered[0]).toMatch(/^completed an interrupted run/);
    expect(isTree(dir, after)).toBe(true);
  });
});

describe("scratch files and journals", () => {
  it("a README section is replaced through the journal: a run stopped before its rename leaves no temporary file, and the next gen finishes it", async () => {
    const dir = tempDir();
    await runGen(mini, { outDir: dir });
    const readme = `# Mine\n\n${emptySection("prerequisites")}`;
    writeFileSync(join(dir, "README.md"), readme);
    const next = spliceSection(readme, sections(mini)[0]!);
    expect(next).not.toBe(readme);
    const kill = (step: string): void => {
      if (step === "rename README.md") throw new Killed();
    };
    await expect(runGen(mini, { outDir: dir, onStep: kill })).rejects.toBeInstanceOf(Killed);
    expect(existsSync(join(dir, JOURNAL_PATH))).toBe(true);
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe(readme);
    expect(listFiles(dir).filter((p) => !p.startsWith(".streamforge/") && p !== "README.md" && !tree(mini).has(p))).toEqual([]);
    const result = await runGen(mini, { outDir: dir });
    expect(result.recovered).toEqual(["completed an interrupted run: 1 file(s) written, 0 removed"]);
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe(next);
    expect(listFiles(dir).filter((p) => p.startsWith(".streamforge/"))).toEqual([".streamforge/owned-files.txt"]);
  });

  it("a journal of an earlier version, whose staging mirrors the output's paths, is still rolled forward", async () => {
    const dir = tempDir();
    await runGen(mini, { outDir: dir });
    const expected = tree(renamed);
    const write = [...expected.keys()].filter((path) => tree(mini).get(path) !== expected.get(path));
    const remove = [...tree(mini).keys()].filter((path) => !expected.has(path));
    for (const path of write) {
      mkdirSync(join(dir, STAGING_DIR, path, ".."), { recursive: true });
      writeFileSync(join(dir, STAGING_DIR, path), expected.get(path)!);
    }
    writeFileSync(join(dir, JOURNAL_PATH), JSON.stringify({ write, remove }));
    const result = await runGen(renamed, { outDir: dir });
    expect(result.recovered).toEqual([`completed an interrupted run: ${write.length} file(s) written, ${remove.length} removed`]);
    expect(isTree(dir, expected)).toBe(true);
  });

  it("leaves a file it did not create alone, even one named like a temporary copy of an owned file", async () => {
    const dir = tempDir();
    await runGen(mini, { outDir: dir });
    writeFileSync(join(dir, "environments/notes.txt.12.tmp"), "mine");
    writeFileSync(join(dir, "environments/home.yaml.4242.tmp"), "mine too");
    await runGen(mini, { outDir: dir });
    expect(existsSync(join(dir, "environments/notes.txt.12.tmp"))).toBe(true);
    expect(existsSync(join(dir, "environments/home.yaml.4242.tmp"))).toBe(true);
  });
});

describe("one writer per output folder", () => {
  it("refuses to run while another live process holds the lock, naming it", async () => {
    const dir = tempDir();
    await runGen(mini, { outDir: dir });
    // The test runner's parent process is alive: a lock naming it is held.
    writeFileSync(join(dir, LOCK_PATH), JSON.stringify({ pid: process.ppid, host: hostname() }));
    const result = await cli(["gen", "--model", "test/fixtures/models/mini.ts", "--out", dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`is being written by another streamforge run (pid ${process.ppid} on ${hostname()})`);
    expect(() => withLock(dir, () => 0)).toThrow(LockedError);
  });

  it("takes over the lock of a process that is gone", async () => {
    const dir = tempDir();
    await runGen(mini, { outDir: dir });
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid;
    writeFileSync(join(dir, LOCK_PATH), JSON.stringify({ pid: dead, host: hostname() }));
    const result = await cli(["gen", "--model", "test/fixtures/models/mini.ts", "--out", dir]);
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, LOCK_PATH))).toBe(false);
  });
});
