/**
 * Writes V8's code cache of a bundle folder's `cli.cjs` (`cli.cjs.v8cache`, read by its `main.js`, or `main.cjs` in the package),
 * run by scripts/cli.mjs at build time in a process of its own, with node's default flags (V8
 * accepts a cache only under the flags it was made with). The bundle is compiled as `main.js`
 * compiles it, then runs `gen --stdout` and `lint` on the package's model (nothing is written but
 * the cache), so the cache holds the bytecode of what they run, not only the top level: without it
 * a run compiles each of those functions again from source.
 *
 * Usage: node scripts/code-cache.cjs <bundle dir>   (wrapper text in SF_WRAP, JSON [head, tail])
 */
"use strict";
const { execFileSync } = require("node:child_process");
const { readFileSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { join, resolve } = require("node:path");
const { Script } = require("node:vm");
const { setFlagsFromString } = require("node:v8");

const dir = resolve(process.argv[2]);
const file = join(dir, "cli.cjs");
const [head, tail] = JSON.parse(process.env.SF_WRAP);
const script = new Script(head + readFileSync(file, "utf8") + tail, { filename: file });
/**
 * V8's default interrupt budget, as this node prints it: the bundle raises the budget when it runs
 * (src/cli/optimiser-budget.ts), and the cache must carry the flags a run compiles under, the
 * defaults. Were they another's, V8 would reject the cache and runs would compile as without one
 * (test/scripts/code-cache.test.ts checks that it is accepted).
 */
function defaultInterruptBudget() {
  const options = execFileSync(process.execPath, ["--v8-options"], { encoding: "utf8" });
  const found = /default: --interrupt-budget=(\d+)/.exec(options);
  if (!found) throw new Error("code-cache: `node --v8-options` names no default --interrupt-budget");
  return Number(found[1]);
}
const budget = defaultInterruptBudget();
const write = () => {
  setFlagsFromString(`--interrupt-budget=${budget}`);
  writeFileSync(`${file}.v8cache`, script.createCachedData());
};
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, createRequire(file), bundle, file, dir, (specifier) => import(specifier));
// gen, then lint of the same files (lint writes nothing; its findings and exit code are not this
// build's), so that lint's own code is in the cache too.
const run = (...args) => {
  process.argv = [process.argv[0], join(dir, "main.js"), ...args];
  return bundle.exports.runProcess();
};
const ignore = () => {};
run("gen", "--stdout")
  .catch(ignore)
  .then(() => run("lint"))
  .catch(ignore)
  .then(() => {
    process.exitCode = 0;
    write();
  });
