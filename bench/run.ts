/**
 * `npm run bench`: wall time of the CLI against the floor of starting `tsx` on an empty file,
 * measured in the same run and interleaved so machine load hits both alike. Medians of N runs.
 *
 * Targets: `gen` at most 1.3x the floor, `lint` at most 1.5x. The floor is `tsx empty.ts`, as the
 * targets are defined; `node --import tsx empty.ts` (the same loader without the second process
 * the `tsx` command starts) is printed beside it for comparison.
 * Usage: npm run bench [-- --runs 15]
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { OWNED_LIST_PATH, parseOwnedList } from "../src/core/write/owned.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "15" } } });
const runs = Number(values.runs);
const root = resolve(import.meta.dirname, "..");
const tsx = join(root, "node_modules/.bin/tsx");
// Relative specifiers of `--import` resolve from the working directory: run in the repository.
const work = mkdtempSync(join(tmpdir(), "streamforge-bench-"));
const empty = join(work, "empty.ts");
writeFileSync(empty, "");
// gen and lint run on a copy of the committed tree, so the benchmark never writes into the repository.
const tree = join(work, "tree");
const owned = parseOwnedList(readFileSync(join(root, OWNED_LIST_PATH), "utf8"));
for (const path of [OWNED_LIST_PATH, ...owned]) cpSync(join(root, path), join(tree, path));

interface Case {
  name: string;
  command: string;
  args: string[];
  target?: number;
}

// `npm run gen` runs `node --import tsx src/cli/main.ts gen`: tsx's loader in one process. The
// `tsx` command itself starts a second node process, which is most of the floor.
const cli = (...args: string[]) => ["--import", "tsx", join(root, "src/cli/main.ts"), ...args];
const cases: Case[] = [
  { name: "tsx empty.ts (floor)", command: tsx, args: [empty] },
  { name: "node --import tsx empty.ts", command: process.execPath, args: ["--import", "tsx", empty] },
  { name: "gen", command: process.execPath, args: cli("gen", "--out", tree), target: 1.3 },
  { name: "gen --check", command: process.execPath, args: cli("gen", "--check", "--out", tree) },
  { name: "lint", command: process.execPath, args: cli("lint", "--out", tree), target: 1.5 },
  { name: "tsx src/cli/main.ts gen", command: tsx, args: [join(root, "src/cli/main.ts"), "gen", "--out", tree] },
  { name: "npm run gen (with npm's own start-up)", command: "npm", args: ["run", "-s", "gen", "--", "--out", tree] },
];


function time(c: Case): number | undefined {
  const start = process.hrtime.bigint();
  const result = spawnSync(c.command, c.args, { cwd: root, stdio: "ignore" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return result.status === 0 || (c.name === "lint" && result.status === 1) ? ms : undefined;
}

const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]));
const failed = new Set<string>();
for (let i = 0; i < runs; i++) {
  for (const c of cases) {
    if (failed.has(c.name)) continue;
    const ms = time(c);
    if (ms === undefined) failed.add(c.name);
    else samples.get(c.name)!.push(ms);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const floor = median(samples.get(cases[0]!.name)!);
console.log(`runs per case: ${runs}; medians in ms; ratio against the tsx floor`);
for (const c of cases) {
  if (failed.has(c.name)) {
    console.log(`${c.name.padEnd(40)} failed (command exited with an error)`);
    continue;
  }
  const m = median(samples.get(c.name)!);
  const ratio = m / floor;
  const verdict = c.target === undefined ? "" : ratio <= c.target ? `  ok (target <= ${c.target}x)` : `  OVER target ${c.target}x`;
  console.log(`${c.name.padEnd(40)} ${m.toFixed(0).padStart(6)} ms  ${ratio.toFixed(2)}x${verdict}`);
}
