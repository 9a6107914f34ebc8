/**
 * Crash safety of `gen`, by fault injection: a run is stopped at a chosen step (as `kill -9`
 * would stop it: nothing after the step runs, no cleanup), then the folder must be the old
 * generation or hold a journal, and the next `gen` must leave exactly the new generation.
 * `npm run crash-trials` does the same with real processes and SIGKILL.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
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
import { streamforge } from "../../../src/platform/streamforge.ts";
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
    // Before the commit point the old generation is untouched (scratch files aside).
    if (!pending) expect(listFiles(dir).filter((p) => !p.startsWith(STAGING_DIR))).toEqual([...before.keys()].sort());
    const check = await cli(["gen", "--model", "test/fixtures/models/mini.ts", "--check", "--out", dir]);
    if (pending) expect(check.stderr).toContain("an interrupted gen left");
    const result = await runGen(renamed, { outDir: dir });
    if (pending) expect(result.recovered[0]).toMatch(/^completed an interrupted run/);
    expect(isTree(dir, after)).toBe(true);
  });
});

describe("leftovers of writers killed before this one", () => {
  it("removes <file>.<pid>.tmp next to owned files, and --check reports them first", async () => {
    const dir = tempDir();
    await runGen(mini, { outDir: dir });
    writeFileSync(join(dir, "environments/home.yaml.4242.tmp"), "half a file");
    const check = await cli(["gen", "--model", "test/fixtures/models/mini.ts", "--check", "--out", dir]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("environments/home.yaml.4242.tmp: leftover temporary file of an interrupted run");
    const result = await runGen(mini, { outDir: dir });
    expect(result.recovered).toEqual(["removed 1 leftover temporary file(s)"]);
    expect(isTree(dir, tree(mini))).toBe(true);
  });

  it("a scoped run (--env) removes those beside its environment's and the shared files, and leaves the others' to their own runs", async () => {
    const dir = tempDir();
    await runGen(streamforge, { outDir: dir });
    const leftovers = ["environments/prod.yaml.4242.tmp", "kubespray/inventory/prod/hosts.yaml.4242.tmp", "environments/lab.yaml.4243.tmp", "helmfile.yaml.gotmpl.4244.tmp"];
    for (const path of leftovers) writeFileSync(join(dir, path), "half a file");
    const scoped = await runGen(streamforge, { outDir: dir, env: "lab" });
    expect(scoped.recovered).toEqual(["removed 2 leftover temporary file(s)"]);
    expect(leftovers.filter((path) => existsSync(join(dir, path)))).toEqual(leftovers.slice(0, 2));
    const full = await runGen(streamforge, { outDir: dir });
    expect(full.recovered).toEqual(["removed 2 leftover temporary file(s)"]);
    expect(listFiles(dir).filter((p) => p.endsWith(".tmp"))).toEqual([]);
  });

  it("leaves a .tmp file alone when its name is not an owned file's", async () => {
    const dir = tempDir();
    await runGen(mini, { outDir: dir });
    writeFileSync(join(dir, "environments/notes.txt.12.tmp"), "mine");
    await runGen(mini, { outDir: dir });
    expect(existsSync(join(dir, "environments/notes.txt.12.tmp"))).toBe(true);
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
