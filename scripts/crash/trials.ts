/**
 * `kill -9` trials of `gen` (run: `npm run crash-trials -- [trials] [seed]`). Each trial switches
 * a folder between two generations (A <-> B, see models.ts), kills the writing process with
 * SIGKILL at a chosen step (staging, commit, renames, pruning, cleanup) or at a random time, checks
 * that the folder is the old generation, the new one, or has a pending journal, then runs `gen`
 * again (sometimes killing that one too, during its roll-forward) and checks the folder is exactly
 * the new generation: same files, same bytes, no temporary files, no staging, no journal, no lock.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { readdirSync, statSync } from "node:fs";
import { plan } from "../../src/core/write/writer.ts";
import { runGen } from "../../src/pipeline/gen.ts";
import { generate } from "../../src/pipeline/generate.ts";
import { JOURNAL_PATH, STAGING_DIR } from "../../src/core/write/journal.ts";
import { LOCK_PATH } from "../../src/core/write/lock.ts";
import { models } from "./models.ts";
import { carrySerials } from "../../src/dns/zone-serial.ts";
import { ownedListRecord } from "../../src/core/write/owned.ts";
import type { FileRecord } from "../../src/core/files.ts";

// Children load src/ afresh: do not edit the generator while trials run, or generations differ.

const trials = Number(process.argv[2] ?? 100);
let seed = Number(process.argv[3] ?? 1);
/** A small deterministic generator, so a failing trial can be replayed by its seed. */
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, root) : [relative(root, full)];
  });
}

/**
 * The generation of `which` as `gen` writes it over `before` (the folder's previous generation):
 * zone serials carry on from the zone files already there.
 */
function treeOver(which: "A" | "B", before: readonly FileRecord[]): FileRecord[] {
  const previous = new Map(before.map((r) => [r.path, r.content]));
  const records = carrySerials(generate(models[which]), (path) => previous.get(path));
  return [...records, ownedListRecord(records)];
}

/** Whether the folder holds exactly the files of `expected`. */
function isGeneration(dir: string, expected: readonly FileRecord[]): boolean {
  const files = listFiles(dir).sort();
  if (files.join("\n") !== expected.map((r) => r.path).sort().join("\n")) return false;
  return expected.every((r) => readFileSync(join(dir, r.path), "utf8") === r.content);
}

interface ChildRun {
  killed: boolean;
  paused?: string;
  code: number | null;
}

function runChild(dir: string, which: "A" | "B", phase: string, k: number, killAfterMs?: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/crash/child.ts", dir, which, phase, String(k)], { stdio: ["ignore", "pipe", "pipe"] });
    let paused: string | undefined;
    let killed = false;
    let err = "";
    const kill = () => {
      if (!killed && child.exitCode === null) {
        killed = true;
        child.kill("SIGKILL");
      }
    };
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      if (text.includes("STARTED") && killAfterMs !== undefined) setTimeout(kill, killAfterMs);
      const match = /PAUSED (.*)/.exec(text);
      if (match) {
        paused = match[1];
        kill();
      }
    });
    child.stderr.setEncoding("utf8").on("data", (t: string) => (err += t));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (!killed && code !== 0) reject(new Error(`gen exited ${code}: ${err}`));
      else resolve({ killed, ...(paused ? { paused } : {}), code });
    });
  });
}

/** How many steps of each phase a run from the folder's state to `which` has. */
function stepCounts(dir: string, which: "A" | "B"): Record<string, number> {
  const p = plan(dir, generate(models[which]));
  return { stage: p.write.length, commit: 1, rename: p.write.length, remove: p.remove.length, clear: 1 };
}

const dir = mkdtempSync(join(tmpdir(), "streamforge-crash-"));
const tally = { trials: 0, killed: 0, byPhase: {} as Record<string, number>, atKill: { old: 0, new: 0, pending: 0 }, recoveryKilled: 0, recovered: 0 };
let current: "A" | "B" = "A";
await runChild(dir, "A", "none", 0);
let currentTree = treeOver("A", []);
if (!isGeneration(dir, currentTree)) throw new Error("setup: the first gen did not produce generation A");
for (let trial = 1; trial <= trials; trial++) {
  const target: "A" | "B" = current === "A" ? "B" : "A";
  const targetTree = treeOver(target, currentTree);
  const counts = stepCounts(dir, target);
  const phases = Object.keys(counts).filter((p) => (counts[p] ?? 0) > 0);
  const phase = random() < 0.15 ? "time" : pick(phases);
  const run = phase === "time" ? await runChild(dir, target, "none", 0, Math.floor(random() * 2500)) : await runChild(dir, target, phase, 1 + Math.floor(random() * (counts[phase] ?? 1)));
  tally.trials++;
  if (run.killed) tally.killed++;
  const label = phase === "time" ? "random time" : phase;
  tally.byPhase[label] = (tally.byPhase[label] ?? 0) + 1;
  // Right after the kill: the old generation, the new one, or a journal that the next gen completes.
  const pending = existsSync(join(dir, JOURNAL_PATH));
  if (pending) tally.atKill.pending++;
  // A kill that lands after the run finished (between its last step and its exit) finds the new one.
  else if (isGeneration(dir, currentTree) || isGeneration(dir, targetTree)) tally.atKill[isGeneration(dir, currentTree) ? "old" : "new"]++;
  else if (existsSync(join(dir, STAGING_DIR)) || existsSync(join(dir, LOCK_PATH))) {
    // Killed while staging (old generation plus scratch) or after clearing the journal but before
    // releasing the lock (new generation plus the lock): scratch files belong to neither.
    const scratch = (p: string) => p.startsWith(".streamforge/staging/") || p === LOCK_PATH || p.endsWith(".tmp");
    const rest = listFiles(dir).filter((p) => !scratch(p)).sort();
    const same = (tree: readonly FileRecord[]) =>
      rest.join("\n") === tree.map((r) => r.path).sort().join("\n") && tree.every((r) => readFileSync(join(dir, r.path), "utf8") === r.content);
    if (same(currentTree)) tally.atKill.old++;
    else if (same(targetTree)) tally.atKill.new++;
    else throw new Error(`trial ${trial} (${label}): neither generation after the kill`);
  } else throw new Error(`trial ${trial} (${label}, ${run.paused ?? "no pause"}): neither generation after the kill`);
  // Sometimes kill the recovering run too, during its roll-forward.
  if (pending && random() < 0.3) {
    const again = await runChild(dir, target, "rename", 1);
    if (again.killed) tally.recoveryKilled++;
  }
  // The next gen, in this process (the same library call the CLI makes): it must finish the job.
  await runGen(models[target], { outDir: dir });
  for (const scratch of [JOURNAL_PATH, STAGING_DIR, LOCK_PATH]) {
    if (existsSync(join(dir, scratch))) throw new Error(`trial ${trial} (${label}): ${scratch} left after the recovering gen`);
  }
  if (!isGeneration(dir, targetTree)) throw new Error(`trial ${trial} (${label}, ${run.paused ?? "no pause"}): the recovering gen did not produce generation ${target}`);
  tally.recovered++;
  current = target;
  currentTree = targetTree;
  if (trial % 10 === 0) process.stderr.write(`${trial}/${trials}\n`);
}
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(tally, null, 2));
