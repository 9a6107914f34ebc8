/**
 * Runs a piece of an ES module in a fresh node process (with tsx), whose CommonJS module cache is
 * empty: for behaviour that depends on what a process has loaded. The body sees `require` (from
 * the repository root), `kindFile` (kubernetes-models' Job module), `loaded(name)` (whether a
 * loaded file's path contains `name`) and each module of `modules` by its given name; what it
 * prints with `console.log` is parsed as JSON.
 */
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");

export function fresh(body: string, modules: Record<string, string> = {}): unknown {
  const imports = Object.entries(modules).map(([name, path]) => `import * as ${name} from ${JSON.stringify(join(ROOT, path))};`);
  const script = `
    import { createRequire } from "node:module";
    ${imports.join("\n")}
    const require = createRequire(${JSON.stringify(join(ROOT, "package.json"))});
    const kindFile = require.resolve("kubernetes-models/batch/v1/Job");
    const loaded = (name) => Object.keys(require.cache).some((f) => f.includes(name));
    ${body}`;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}
