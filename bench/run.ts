/**
 * `npm run bench`: what the CLI costs, against floors measured in the same run, interleaved so
 * that machine load hits every case alike. Medians of N runs; wall time, CPU time (user + system)
 * and peak memory of each process, from `/usr/bin/time`.
 *
 * Targets (issue 14):
 * - `npm run gen` <= 1.3x and `npm run lint` <= 1.5x the floor `tsx empty.ts`. The scripts run
 *   `node scripts/cli.mjs` (the bundle, checked against src/ first), timed here without npm's own
 *   start-up, which the floor does not pay either.
 * - The bundled CLI: gen <= 0.15 s and lint <= 0.25 s wall (`node -e 0` printed beside it).
 * - 50 environments (`bench/models.ts`): gen and lint <= 2x their cost on 1 environment, peak
 *   memory <= 200 MB; `--env` on the 50-environment model costs about one environment.
 * - The first lint after an install (bundle just built, as `npm ci`'s `prepare` does) <= 1.5x a
 *   warm one, and a lint writes nothing into node_modules, the temp folder or the repository.
 * Usage: npm run bench [-- --runs 7]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { OWNED_LIST_PATH, parseOwnedList } from "../src/core/write/owned.ts";
import { benchPlatform } from "./models.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "7" } } });
const runs = Number(values.runs);
const root = resolve(import.meta.dirname, "..");
const tsx = join(root, "node_modules/.bin/tsx");
const launcher = join(root, "scripts/cli.mjs");
const work = mkdtempSync(join(tmpdir(), "streamforge-bench-"));
const empty = join(work, "empty.ts");
writeFileSync(empty, "");

// gen and lint run on a copy of the committed tree, so the benchmark never writes into the repository.
const tree = join(work, "tree");
const owned = parseOwnedList(readFileSync(join(root, OWNED_LIST_PATH), "utf8"));
for (const path of [OWNED_LIST_PATH, ...owned]) cpSync(join(root, path), join(tree, path));

// The bench models as plain modules (what `--model` loads), and their trees.
const models = new Map<number, string>();
for (const n of [1, 50]) {
  const file = join(work, `model-${n}.mjs`);
  writeFileSync(file, `export default ${JSON.stringify(benchPlatform(n))};\n`);
  models.set(n, file);
}
// One environment out of the 50, for `--env`.
const one = benchPlatform(50).environments[25]!.name;
const modelTree = (n: number) => join(work, `tree-${n}`);

// The bundle the npm scripts run (built now if src/ changed), started directly.
execFileSync(process.execPath, [launcher, "--build"], { cwd: root, stdio: "inherit" });
const bundleDir = readdirSync(join(root, ".build")).find((name) => name.startsWith("cli-") && !name.endsWith(".tmp"));
if (!bundleDir) throw new Error("no bundle in .build/ after `node scripts/cli.mjs --build`");
const bundle = join(root, ".build", bundleDir, "main.js");

interface Case {
  name: string;
  args: string[];
  command?: string;
  /** Exit codes that count as success (lint exits 1 on findings). */
  ok?: number[];
}
interface Sample {
  wall: number;
  cpu: number;
  rssMb: number;
}

const node = process.execPath;
const gen = (...args: string[]): string[] => [launcher, "gen", ...args];
const lint = (...args: string[]): string[] => [launcher, "lint", ...args];
const m = (n: number, ...args: string[]) => ["--model", models.get(n)!, "--out", modelTree(n), ...args];
const LINT_OK = [0, 1];
const cases: Case[] = [
  { name: "tsx empty.ts (floor)", command: tsx, args: [empty] },
  { name: "node -e 0", args: ["-e", "0"] },
  { name: "npm run gen", args: gen("--out", tree) },
  { name: "npm run check", args: gen("--check", "--out", tree) },
  { name: "npm run lint", args: lint("--out", tree), ok: LINT_OK },
  { name: "bundle gen", args: [bundle, "gen", "--out", tree] },
  { name: "bundle lint", args: [bundle, "lint", "--out", tree], ok: LINT_OK },
  { name: "gen, 1 environment", args: gen(...m(1)) },
  { name: "gen, 50 environments", args: gen(...m(50)) },
  { name: "gen --env, 50 environments", args: gen(...m(50, "--env", one)) },
  { name: "lint, 1 environment", args: lint(...m(1)), ok: LINT_OK },
  { name: "lint, 50 environments", args: lint(...m(50)), ok: LINT_OK },
  { name: "lint --env, 50 environments", args: lint(...m(50, "--env", one)), ok: LINT_OK },
];

function run(c: Case, env: NodeJS.ProcessEnv = process.env): Sample | undefined {
  const result = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", c.command ?? node, ...c.args], { cwd: root, env, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  const last = result.stderr.trim().split("\n").pop() ?? "";
  const [wall, user, sys, rssKb] = last.split(" ").map(Number);
  // /usr/bin/time reports a child's non-zero exit on a line of its own before the figures.
  const status = /exited with non-zero status (\d+)/.exec(result.stderr)?.[1];
  if (!(c.ok ?? [0]).includes(status === undefined ? 0 : Number(status)) || wall === undefined || Number.isNaN(wall)) return undefined;
  return { wall: wall!, cpu: user! + sys!, rssMb: rssKb! / 1024 };
}

// Trees of the bench models exist before timing, so every timed gen finds them in sync.
for (const n of models.keys()) execFileSync(node, gen(...m(n)), { cwd: root, stdio: "ignore" });

/** Every file below `dir` with its modification time: what a run wrote shows as a difference. */
function snapshot(dir: string, skip: (path: string) => boolean = () => false): Map<string, number> {
  const out = new Map<string, number>();
  const visit = (path: string) => {
    if (skip(path)) return;
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    out.set(path, stat.mtimeMs);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return out;
}
const changed = (before: Map<string, number>, after: Map<string, number>) => [...after].filter(([path, mtime]) => before.get(path) !== mtime).map(([path]) => path);

// Cold: the first lint after the bundle was built (what `npm ci` leaves: `prepare` builds it).
// Its temp folder (TMPDIR) is a fresh one of its own, so anything written there shows.
const cold: Sample[] = [];
const coldRuns = Math.max(3, Math.floor(runs / 2));
const writes: string[] = [];
const inRepo = (path: string) => path.includes("/node_modules") || path.startsWith(join(root, ".git"));
// vitest's own cache: written by test runs that may go on beside the bench, never by the CLI.
const notVitest = (path: string) => path.includes("/node_modules/.vite");
for (let i = 0; i < coldRuns; i++) {
  rmSync(join(root, ".build"), { recursive: true, force: true });
  execFileSync(node, [launcher, "--build"], { cwd: root, stdio: "ignore" });
  const temp = mkdtempSync(join(work, "tmp-"));
  const before = [snapshot(join(root, "node_modules"), notVitest), snapshot(root, inRepo)];
  const sample = run({ name: "cold lint", args: lint("--out", tree), ok: LINT_OK }, { ...process.env, TMPDIR: temp });
  const after = [snapshot(join(root, "node_modules"), notVitest), snapshot(root, inRepo)];
  if (sample) cold.push(sample);
  writes.push(...before.flatMap((b, j) => changed(b, after[j]!)), ...readdirSync(temp).map((name) => join("$TMPDIR", name)));
}

const samples = new Map<string, Sample[]>(cases.map((c) => [c.name, []]));
const failed = new Set<string>();
for (let i = 0; i < runs; i++) {
  for (const c of cases) {
    if (failed.has(c.name)) continue;
    const sample = run(c);
    if (sample === undefined) failed.add(c.name);
    else samples.get(c.name)!.push(sample);
  }
}
rmSync(work, { recursive: true, force: true });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const med = (name: string, key: keyof Sample): number => median((name === "cold lint" ? cold : samples.get(name)!).map((s) => s[key]));
const target = (ok: boolean, text: string) => `${ok ? "ok" : "OVER"} (${text})`;

console.log(`runs per case: ${runs} (cold lint: ${cold.length}); medians; wall and CPU in seconds, peak RSS in MB`);
for (const c of cases) {
  if (failed.has(c.name)) {
    console.log(`${c.name.padEnd(30)} failed (exit code or /usr/bin/time output unexpected)`);
    continue;
  }
  console.log(`${c.name.padEnd(30)} wall ${med(c.name, "wall").toFixed(2)}  cpu ${med(c.name, "cpu").toFixed(2)}  rss ${med(c.name, "rssMb").toFixed(0)}`);
}
console.log(`${"cold lint".padEnd(30)} wall ${med("cold lint", "wall").toFixed(2)}  cpu ${med("cold lint", "cpu").toFixed(2)}  rss ${med("cold lint", "rssMb").toFixed(0)}`);

const floor = med("tsx empty.ts (floor)", "wall");
const ratio = (name: string, base: number, key: keyof Sample = "wall") => med(name, key) / base;
const lines: string[] = [];
const check = (label: string, value: number, limit: number, unit: string) => lines.push(`${label.padEnd(48)} ${value.toFixed(2)}${unit}  ${target(value <= limit, `<= ${limit}${unit}`)}`);
if (!failed.size) {
  check("npm run gen / tsx floor (wall)", ratio("npm run gen", floor), 1.3, "x");
  check("npm run lint / tsx floor (wall)", ratio("npm run lint", floor), 1.5, "x");
  check("bundle gen (wall)", med("bundle gen", "wall"), 0.15, " s");
  check("bundle lint (wall)", med("bundle lint", "wall"), 0.25, " s");
  // The absolute targets were set where `node -e 0` took 0.055 s; on a slower machine the same
  // targets as multiples of node's own start-up say how far the CLI is from them there.
  const nodeFloor = med("node -e 0", "wall");
  for (const [name, limit] of [["bundle gen", 0.15], ["bundle lint", 0.25]] as const) {
    lines.push(`${`${name} / node -e 0 (wall), for reference`.padEnd(48)} ${ratio(name, nodeFloor).toFixed(2)}x  (the target at node 0.055 s: ${(limit / 0.055).toFixed(2)}x)`);
  }
  for (const [what, key] of [["wall", "wall"], ["cpu", "cpu"]] as const) {
    check(`gen 50 / 1 environment (${what})`, ratio("gen, 50 environments", med("gen, 1 environment", key), key), 2, "x");
    check(`lint 50 / 1 environment (${what})`, ratio("lint, 50 environments", med("lint, 1 environment", key), key), 2, "x");
    check(`gen --env / gen, 1 environment (${what})`, ratio("gen --env, 50 environments", med("gen, 1 environment", key), key), 2, "x");
    check(`lint --env / lint, 1 environment (${what})`, ratio("lint --env, 50 environments", med("lint, 1 environment", key), key), 2, "x");
  }
  // What one more environment costs, against what "50 within 2x of 1" leaves for each.
  for (const command of ["gen", "lint"]) {
    const one = med(`${command}, 1 environment`, "cpu");
    const perEnvironment = (med(`${command}, 50 environments`, "cpu") - one) / 49;
    lines.push(`${`${command}: CPU per extra environment, for reference`.padEnd(48)} ${(perEnvironment * 1000).toFixed(1)} ms  (50 within 2x of 1 allows ${((one / 49) * 1000).toFixed(1)} ms)`);
  }
  check("peak RSS, gen 50 environments", med("gen, 50 environments", "rssMb"), 200, " MB");
  check("peak RSS, lint 50 environments", med("lint, 50 environments", "rssMb"), 200, " MB");
  check("cold lint / warm lint (wall)", med("cold lint", "wall") / med("npm run lint", "wall"), 1.5, "x");
}
lines.push(`files the cold lints wrote (node_modules, TMPDIR, repository): ${writes.length ? writes.join(", ") : "none"}`);
console.log(`\n${lines.join("\n")}`);
