#!/usr/bin/env node
/**
 * What the npm scripts run: the CLI bundled into one CommonJS file by esbuild (`cli.cjs`, started
 * by `main.js`) and run with plain node. Starting `src/cli/main.ts` through tsx's loader costs every module a round
 * trip to the loader's thread; the bundle is most of the way to `node -e 0`.
 *
 * The bundle can never be stale: it lives in `.build/cli-<hash>/`, where <hash> is the SHA-256 of
 * every file below `src/` (paths and contents), `package.json`, `package-lock.json` (bundled
 * libraries), `tsconfig.json`, `versions.yaml`, this file and `build-time.mjs`, hashed again
 * whenever the file status of one of them changed (`.build/inputs.json`). A
 * run whose hash has no bundle builds one first (about a second) into a temporary folder renamed
 * into place, so concurrent runs never see half a bundle. `npm ci` builds it at `prepare`, so the
 * first run after an install writes nothing. Plain JavaScript, so that it starts without tsx.
 *
 * Usage: node scripts/cli.mjs <command> [options]
 *        node scripts/cli.mjs --build [<dir>]   only build (into <dir>, e.g. `dist/cli`, for the package)
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { sourceHash } from "./bundle-hash.mjs";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const buildRoot = join(root, ".build");

/**
 * Sources find files (`schema/`) and resolve packages relative to `import.meta`, from folders of
 * different depths. In the bundle, `import.meta` of each source stands for that source's own place
 * in the package: `__sfSource("src/x/y.ts")`, defined by the banner from the bundle's location
 * (always two levels below the package root: `.build/cli-<hash>/` or `dist/cli/`).
 */
const sourceLocation = {
  name: "source-location",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      if (!args.path.startsWith(join(root, "src") + sep)) return undefined;
      const source = readFileSync(args.path, "utf8");
      // import() of a module outside the bundle goes through main.js (see MAIN_CJS).
      const text = source.replace(/\bawait import\((?!["']\.)/g, "await __sfImport(");
      if (!text.includes("import.meta")) return { contents: text, loader: "ts" };
      const here = `__sfSource(${JSON.stringify(relative(root, args.path).split(sep).join("/"))})`;
      return { contents: text.replaceAll("import.meta.dirname", `${here}.dirname`).replaceAll("import.meta.url", `${here}.url`), loader: "ts" };
    });
  },
};

/**
 * ajv-formats stays external (its entry loads ajv), but its formats module, which every run
 * loads for the schema checks and which requires nothing, is bundled: one file less to resolve,
 * read and compile.
 */
const bundledFormats = {
  name: "bundled-formats",
  setup(b) {
    b.onResolve({ filter: /^ajv-formats\/dist\/formats\.js$/ }, (args) => ({ path: createRequire(join(args.resolveDir, "x")).resolve(args.path) }));
  },
};

const BANNER = [
  // The bundle is one CommonJS file: one file to read and compile, where an ES module bundle
  // was some fifty chunks to resolve, link and evaluate, about a tenth of a `gen`.
  'const __sfRoot = require("node:path").join(__dirname, "..", "..");',
  // import() of a module outside the bundle: main.js's own, where it compiles the bundle itself
  // (an import() in code compiled by node:vm has no loader without an experimental flag).
  'const __sfImport = typeof __sfHostImport === "function" ? __sfHostImport : (specifier) => import(specifier);',
  'const __sfSource = (path) => { const file = require("node:path").join(__sfRoot, path); return { url: require("node:url").pathToFileURL(file).href, dirname: require("node:path").dirname(file) }; };',
].join("\n");

/**
 * `dist/cli/main.js`, for whoever runs that path rather than the package's bin: an ES module, like
 * every other `.js` file of the package, that runs the bin (`main.cjs`).
 */
const MAIN_ESM_SHIM = `#!/usr/bin/env node
// The bundled CLI, written by scripts/cli.mjs: the package's bin is main.cjs beside this file.
import "./main.cjs";
`;

/**
 * How `main.js` wraps `cli.cjs` for V8, exactly as the code cache was made from it: V8 accepts a
 * cache only for a source of the same length (and the same V8 version and flags).
 */
const WRAP_HEAD = "(function (exports, require, module, __filename, __dirname, __sfHostImport) { ";
const WRAP_TAIL = "\n})";
const wrapped = (text) => WRAP_HEAD + text + WRAP_TAIL;

/**
 * V8's code cache of `cli.cjs`, made at build time by scripts/code-cache.cjs after a `gen --stdout`:
 * the bytecode of the bundle's top level and of every function a `gen` runs, so that a run
 * neither pre-parses the 800 KB bundle nor compiles those functions from source (a third of a
 * `gen`'s own instructions on the default model). Nothing is written at run time; a cache V8
 * rejects (another node, other V8 flags such as `--cpu-prof`) only means V8 compiles as without one.
 */
function writeCodeCache(dir) {
  const env = { ...process.env, SF_WRAP: JSON.stringify([WRAP_HEAD, WRAP_TAIL]) };
  // Node's default flags: V8 accepts a cache only under the flags it was made with.
  delete env.NODE_OPTIONS;
  execFileSync(process.execPath, [join(root, "scripts/code-cache.cjs"), dir], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
}
/**
 * The entry of a bundle: CommonJS, as `.build/cli-<hash>/main.js` (which the folder's own
 * package.json declares) and as the package's bin, `dist/cli/main.cjs` (beside tsc's ES modules,
 * so by its extension). An ES module entry made node set up its ES module loader first, some 10 ms
 * of every run; the loader now starts only for a `--model` module.
 *
 * `cli.cjs` is compiled with its code cache (`writeCodeCache`) as a function of the same
 * parameters as node's CommonJS wrapper, with this module's \`require\` (same folder, so the same
 * resolution). Under \`--enable-source-maps\` it is loaded by \`require\` as before, since node maps
 * stack traces only of the files it loads itself; so it is on a node without
 * \`vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER\` (needed for \`import()\` of a \`--model\` module).
 */
const MAIN_CJS = `#!/usr/bin/env node
// The bundled CLI, written by scripts/cli.mjs: the bundle runs the command line of this process.
const file = require("node:path").join(__dirname, "cli.cjs");
const vm = require("node:vm");
if (process.sourceMapsEnabled) require(file).runProcess();
else {
  const { readFileSync } = require("node:fs");
  let cachedData;
  try {
    cachedData = readFileSync(file + ".v8cache");
  } catch {}
  const source = ${JSON.stringify(WRAP_HEAD)} + readFileSync(file, "utf8") + ${JSON.stringify(WRAP_TAIL)};
  const script = new vm.Script(source, { filename: file, cachedData });
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, require, bundle, file, __dirname, (specifier) => import(specifier));
  bundle.exports.runProcess();
}
`;

/** package.json of kubernetes-models and of each @kubernetes-models package installed beside it. */
function kubernetesModelsManifests() {
  const modules = join(root, "node_modules");
  const scoped = join(modules, "@kubernetes-models");
  const names = existsSync(scoped) ? readdirSync(scoped).sort().map((name) => join(scoped, name)) : [];
  return [join(modules, "kubernetes-models"), ...names].map((dir) => join(dir, "package.json")).filter((file) => existsSync(file));
}

/**
 * The prebundled kubernetes-models kinds (scripts/build-time.mjs), which depend only on the
 * installed libraries: built once per installed kubernetes-models into `.build/kinds-<hash>/` (about a
 * second), then copied into each bundle.
 */
async function kindsFolder() {
  const { bundleKinds } = await import("./build-time.mjs");
  const hash = createHash("sha256");
  hash.update(readFileSync(fileURLToPath(new URL("./build-time.mjs", import.meta.url)))).update("\0");
  // The installed kubernetes-models packages themselves: a copy of the repository without its
  // package-lock.json (a Renovate branch's checkout before npm runs) still builds.
  for (const file of kubernetesModelsManifests()) hash.update(file.slice(root.length)).update("\0").update(readFileSync(file)).update("\0");
  const dir = join(buildRoot, `kinds-${hash.digest("hex").slice(0, 16)}`);
  if (existsSync(dir)) return dir;
  const temp = `${dir}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  await bundleKinds(temp);
  try {
    renameSync(temp, dir);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(dir)) throw error;
  }
  return dir;
}

/** `entry`: "scripts" for the npm scripts' `.build/cli-<hash>/`, "package" for `dist/cli/`. */
async function build(outDir, pruneOthers, entry = "scripts") {
  const { build: esbuild } = await import("esbuild");
  const { BUNDLED_KINDS, buildTimeData, catalogueSnapshot, kindsRuntime, precompiledTemplates } = await import("./build-time.mjs");
  const temp = `${outDir}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  const kinds = await kindsFolder();
  cpSync(kinds, join(temp, "kinds"), { recursive: true });
  const runtime = await kindsRuntime(root);
  const data = { snapshot: await catalogueSnapshot(root), templates: precompiledTemplates(root), kinds: BUNDLED_KINDS, runtime };
  await esbuild({
    entryPoints: [join(root, "src/cli/bundle.ts")],
    outfile: join(temp, "cli.cjs"),
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    // The libraries every run loads (yaml, handlebars' runtime, semver, diff, ajv-formats' formats) are
    // bundled: resolving and reading their hundred-odd CommonJS files was a third of a `gen`.
    // Kept external: what loads only on some paths (ajv, for messages about invalid data;
    // kubernetes-models, one kind module at a time; tar, for `pull`: a tenth of the bundle that
    // every run compiled) and the schema-deriving tools.
    external: ["ajv", "ajv-formats", "kubernetes-models", "tar", "json-schema-to-typescript", "ts-json-schema-generator", "typescript", "tsx", "esbuild"],
    // Whitespace and syntax minified: V8 reads and pre-parses the whole file at every start, and
    // the smaller file costs some 8 ms less. Names are kept (no identifier minification), so a stack
    // trace still names each function; `node --enable-source-maps` maps it to src/ through the
    // linked source map, which node reads only then.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: "linked",
    sourcesContent: false,
    banner: { js: BANNER },
    plugins: [bundledFormats, ...(runtime ? [runtime.plugin] : []), buildTimeData(root, data), sourceLocation],
    logLevel: "warning",
  });
  if (entry === "scripts") {
    writeFileSync(join(temp, "package.json"), '{ "type": "commonjs" }\n');
    writeFileSync(join(temp, "main.js"), MAIN_CJS, { mode: 0o755 });
  } else {
    writeFileSync(join(temp, "main.cjs"), MAIN_CJS, { mode: 0o755 });
    writeFileSync(join(temp, "main.js"), MAIN_ESM_SHIM, { mode: 0o755 });
  }
  writeCodeCache(temp);
  try {
    renameSync(temp, outDir);
  } catch (error) {
    // Another run built the same sources first: use its bundle.
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(outDir)) throw error;
  }
  // Bundles of other sources are never used again.
  if (pruneOthers) for (const name of readdirSync(buildRoot)) {
    const current = name.startsWith("cli-") ? outDir : name.startsWith("kinds-") ? kinds : undefined;
    if (current !== undefined && join(buildRoot, name) !== current && !name.endsWith(".tmp")) rmSync(join(buildRoot, name), { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === "--build" && args[1] !== undefined) {
  // The package's CLI (`npm run build`): the same bundle beside tsc's output, replacing its entry.
  const target = join(root, args[1]);
  const staged = join(buildRoot, `package-${process.pid}`);
  mkdirSync(buildRoot, { recursive: true });
  // Its entry is main.cjs: tsc's output beside it in that folder stays ES modules.
  await build(staged, false, "package");
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(staged)) {
    rmSync(join(target, name), { recursive: true, force: true });
    renameSync(join(staged, name), join(target, name));
  }
  rmSync(staged, { recursive: true, force: true });
} else {
  const outDir = join(buildRoot, `cli-${sourceHash(root, buildRoot)}`);
  if (!existsSync(join(outDir, "main.js"))) {
    mkdirSync(buildRoot, { recursive: true });
    await build(outDir, true);
  }
  if (args[0] !== "--build") {
    // A model written in TypeScript (`--model x.ts`) needs tsx's loader; only then is it loaded.
    const model = args.flatMap((arg, i) => (arg === "--model" ? [args[i + 1] ?? ""] : arg.startsWith("--model=") ? [arg.slice(8)] : []));
    if (model.some((path) => /\.[cm]?tsx?$/.test(path))) (await import("tsx/esm/api")).register();
    await import(pathToFileURL(join(outDir, "main.js")).href);
  }
}
