// Compiles src/ to dist/ (ESM + declarations) and copies the data files src/ reads at run time
// (anything that is not TypeScript: YAML catalogues, JSON), so the package works installed from
// git, a folder or a tarball. Plain JavaScript: it runs in `prepare`, before any loader exists.
// The CLI (dist/cli/) is then scripts/cli.mjs's bundle, its bin dist/cli/main.cjs.
// It fails, rather than leaving a partial dist/, when an entry point of `exports` or `bin` is missing.
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(dirname(new URL(import.meta.url).pathname), "..");
const dist = join(root, "dist");
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.json")], { cwd: root, stdio: "inherit" });

function copyData(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) copyData(path);
    else if (!/\.(c|m)?ts$/.test(entry.name)) cpSync(path, join(dist, relative(join(root, "src"), path)));
  }
}
copyData(join(root, "src"));

// The CLI itself is the esbuild bundle the npm scripts run (scripts/cli.mjs), put over tsc's
// dist/cli/main.js, with the bin main.cjs and V8's code cache beside it: one module graph to load
// instead of hundreds (the library entry stays tsc's).
execFileSync(process.execPath, [join(root, "scripts/cli.mjs"), "--build", "dist/cli"], { cwd: root, stdio: "inherit" });

const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const entries = [...Object.values(manifest.bin ?? {})];
for (const target of Object.values(manifest.exports ?? {})) {
  if (typeof target === "string") entries.push(target);
  else entries.push(...Object.values(target));
}
const missing = entries.filter((e) => e.startsWith("./dist/") || e.startsWith("dist/")).filter((e) => !e.includes("*") && !existsSync(join(root, e)));
if (missing.length) {
  console.error(`build: entry points missing after tsc: ${missing.join(", ")}`);
  process.exit(1);
}
for (const bin of Object.values(manifest.bin ?? {})) chmodSync(join(root, bin), 0o755);
