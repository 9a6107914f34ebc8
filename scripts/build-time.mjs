/**
 * What the bundled CLI (scripts/cli.mjs) works out once, when it is built, instead of at every
 * start: each costs tens of milliseconds of cold code per run and its result depends only on files
 * the bundle is built from.
 *
 * - The version catalogue: `versions.yaml` parsed and validated by the catalogue's own code, kept
 *   with the exact text it came from. At run time the file is still read; only identical text uses
 *   the snapshot, any other text is parsed (and its errors reported) as before.
 * - Handlebars templates: each `template(\`...\`, { ... })` call of `src/core/template.ts` is
 *   precompiled, so the bundle carries the Handlebars runtime and not its compiler.
 * - The kubernetes-models kinds the emitters write, each bundled into one file with its schemas.
 *
 * Plain JavaScript, like scripts/cli.mjs: it runs before any loader exists.
 */
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { runInThisContext } from "node:vm";

const require = createRequire(import.meta.url);

/** The module of the catalogue snapshot, and of templates, that the bundle replaces. */
export const SNAPSHOT_MODULE = "src/core/model/catalogue-snapshot.ts";
export const TEMPLATE_MODULE = "src/core/template.ts";
export const KINDS_MODULE = "src/core/lint/bundled-kinds.ts";

/**
 * The built-in kinds (`<apiVersion>/<Kind>` of kubernetes-models) that the package's emitters
 * write, which `lint` validates with kubernetes-models: each is prebundled with its schema graph
 * (a Job is some 190 files in node_modules). Any other kind loads from node_modules as before.
 */
export const BUNDLED_KINDS = [
  "v1/ConfigMap",
  "v1/Namespace",
  "v1/PersistentVolumeClaim",
  "v1/Secret",
  "v1/Service",
  "v1/ServiceAccount",
  "apps/v1/Deployment",
  "batch/v1/Job",
  "discovery.k8s.io/v1/EndpointSlice",
  "networking.k8s.io/v1/Ingress",
  "storage.k8s.io/v1/StorageClass",
];

/**
 * Writes each of BUNDLED_KINDS into `outDir/<apiVersion>/<Kind>.cjs`: the kind module and the
 * schema modules it requires, in one file. kubernetes-models' shared libraries stay outside
 * (`@kubernetes-models/base` holds the class every kind extends; `validate` the formats and
 * the messages), loaded from node_modules once for all kinds.
 */
export async function bundleKinds(outDir) {
  const { build } = await import("esbuild");
  await build({
    entryPoints: Object.fromEntries(BUNDLED_KINDS.map((kind) => [kind, `kubernetes-models/${kind}`])),
    outdir: outDir,
    outExtension: { ".js": ".cjs" },
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    minifyWhitespace: true,
    external: ["@kubernetes-models/base", "@kubernetes-models/validate", "tslib"],
    logLevel: "warning",
  });
}

/**
 * The exports of a module of `src/` (`path` from `root`), bundled on its own in memory and run from
 * there: the sources' own code at build time, with nothing written. `import.meta.url` is the module's.
 */
async function sourceModule(root, path) {
  const { build } = await import("esbuild");
  const file = join(root, path);
  const built = await build({ entryPoints: [file], write: false, bundle: true, format: "cjs", platform: "node", target: "node20", define: { "import.meta.url": JSON.stringify(pathToFileURL(file).href) }, logLevel: "error" });
  const module = { exports: {} };
  runInThisContext(`(function (exports, require, module) {${built.outputFiles[0].text}\n})`)(module.exports, createRequire(file), module);
  return module.exports;
}

/**
 * The libraries the prebundled kinds require (`src/core/lint/kinds-runtime.ts`), to be bundled into
 * the CLI: `{ source, plugin }`, where `source` is the JavaScript of its `KindsRuntime` and `plugin`
 * the esbuild plugin that gives the bundle the deferred `validate.js` (its messages and error class
 * bundled too: a failure reads nothing either, though `ajv` is external) and the deferred
 * ajv-formats-draft2019 index (whose four parser-backed checks, unused by kubernetes-models' schemas,
 * stay in node_modules until a first use: 110 KB less for every run to read). Undefined, and the
 * kinds load their libraries from node_modules as before, unless both packages resolve from the
 * package root as from the kinds (the kind files require them from the bundle's folder) and both
 * deferrals apply to the installed versions, as the sources decide at run time.
 */
export async function kindsRuntime(root) {
  const fromRoot = createRequire(join(root, "package.json"));
  let kindFile, base, validate;
  try {
    kindFile = fromRoot.resolve(`kubernetes-models/${BUNDLED_KINDS[0]}`);
    base = createRequire(kindFile).resolve("@kubernetes-models/base");
    validate = createRequire(base).resolve("@kubernetes-models/validate");
    if (fromRoot.resolve("@kubernetes-models/base") !== base || fromRoot.resolve("@kubernetes-models/validate") !== validate) return undefined;
  } catch {
    return undefined;
  }
  // As the bundle compares them with node_modules' when a kind loads from there.
  const { installedVersion } = await sourceModule(root, "src/core/lint/kinds-runtime.ts");
  const versions = { "@kubernetes-models/base": installedVersion(base, "@kubernetes-models/base"), "@kubernetes-models/validate": installedVersion(validate, "@kubernetes-models/validate") };
  if (Object.values(versions).some((version) => version === undefined)) return undefined;
  const messagesFile = join(root, "src/core/lint/validation-messages.ts");
  const formatsFile = join(root, "src/core/lint/deferred-formats.ts");
  const { deferrableValidateModule } = await sourceModule(root, "src/core/lint/validation-messages.ts");
  const { deferrableDraft2019Index } = await sourceModule(root, "src/core/lint/deferred-formats.ts");
  const validateModule = deferrableValidateModule(kindFile);
  const draft2019Index = deferrableDraft2019Index(kindFile);
  if (validateModule === undefined || draft2019Index === undefined) return undefined;
  const replaced = new Map([
    [
      validateModule,
      `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runValidateFunc = require(${JSON.stringify(messagesFile)}).deferredRunValidateFunc(() => ({
  ValidationError: require("./runtime/validation_error.js").default,
  localize: require("ajv-i18n/localize/en"),
}));
`,
    ],
    [
      draft2019Index,
      `"use strict";
const formats = require(${JSON.stringify(formatsFile)});
module.exports = formats.deferredFormats(formats.installedDraft2019Check, require("./duration.js"));
`,
    ],
  ]);
  const validateDir = dirname(dirname(validate));
  const source = `{ modules: () => ({ "@kubernetes-models/base": require(${JSON.stringify(base)}), "@kubernetes-models/validate": require(${JSON.stringify(validate)}) }), versions: ${JSON.stringify(versions)} }`;
  const plugin = {
    name: "kinds-runtime",
    setup(b) {
      const done = new Set();
      b.onLoad({ filter: /\.js$/ }, (args) => {
        const contents = replaced.get(args.path);
        if (contents === undefined) return undefined;
        done.add(args.path);
        return { contents, loader: "js", resolveDir: dirname(args.path) };
      });
      b.onResolve({ filter: /^ajv\/dist\/runtime\/validation_error\.js$/ }, (args) =>
        args.importer.startsWith(validateDir + sep) ? { path: createRequire(args.importer).resolve(args.path) } : undefined,
      );
      b.onEnd((result) => {
        // Both deferred modules must be in the bundle, or its runtime would not be the one tested.
        for (const file of replaced.keys()) {
          if (!done.has(file) && result.errors.length === 0) result.errors.push({ text: `kinds runtime: ${relative(root, file)} was not bundled` });
        }
      });
    },
  };
  return { source, plugin };
}

/**
 * `{ text, json }` of the package's `versions.yaml`, parsed by `parseCatalogue`; undefined when
 * the file does not parse (the bundle then reports that at run time, as the sources do) or when
 * its result would not survive JSON unchanged.
 */
export async function catalogueSnapshot(root, file = join(root, "versions.yaml")) {
  // The catalogue's own parser.
  const { parseCatalogue } = await sourceModule(root, "src/core/model/catalogue.ts");
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  let catalogue;
  try {
    catalogue = parseCatalogue(text);
  } catch {
    return undefined;
  }
  const json = JSON.stringify(catalogue);
  return isDeepStrictEqual(JSON.parse(json), catalogue) ? { text, json } : undefined;
}

/** The index just past the template literal that starts at `start` (a backtick). */
function literalEnd(text, start) {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === "`") return i + 1;
    else if (text[i] === "$" && text[i + 1] === "{") return -1;
  }
  return -1;
}

/**
 * Every `template(...)` call of a source file that imports `core/template.ts`: its source text (the
 * template literal as JavaScript reads it) and its options. A call in another form (a computed
 * source, a literal with substitutions, options that are not `name: true|false` pairs) is an
 * error: the bundle could not precompile it.
 */
export function templateCalls(file, text) {
  const calls = [];
  const callee = /\btemplate(?:<[^(]*>)?\(/g;
  for (const match of text.matchAll(callee)) {
    if (/function\s+$/.test(text.slice(Math.max(0, match.index - 20), match.index))) continue;
    const where = `${file}:${text.slice(0, match.index).split("\n").length}`;
    let i = match.index + match[0].length;
    while (/\s/.test(text[i])) i++;
    const end = text[i] === "`" ? literalEnd(text, i) : -1;
    if (end < 0) throw new Error(`${where}: template() takes a template literal without \${} substitutions, to be precompiled`);
    // A template literal without substitutions, evaluated as written: its escapes read as JavaScript reads them.
    const source = new Function(`return ${text.slice(i, end)};`)();
    const rest = /^\s*,\s*\{([^}]*)\}\s*,?\s*\)/.exec(text.slice(end));
    if (!rest) throw new Error(`${where}: template() takes its options as an object literal`);
    const options = {};
    for (const pair of rest[1].split(",").map((p) => p.trim()).filter(Boolean)) {
      const option = /^(\w+)\s*:\s*(true|false)$/.exec(pair);
      if (!option) throw new Error(`${where}: template() option "${pair}" is not name: true|false`);
      options[option[1]] = option[2] === "true";
    }
    calls.push({ where, source, options });
  }
  return calls;
}

/** The key under which the bundle finds a template: its source and options. */
export const templateKey = (source, options) => JSON.stringify([source, Object.entries(options).sort(([a], [b]) => (a < b ? -1 : 1))]);

/** Every template of `src/`, precompiled: `{ where, source, options, key, spec }` (spec is JavaScript). */
export function precompiledTemplates(root) {
  const Handlebars = require("handlebars");
  const src = join(root, "src");
  const out = [];
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    if (!/from\s+"[./]*(core\/)?template\.ts"/.test(text) || relative(root, file).split(sep).join("/") === TEMPLATE_MODULE) continue;
    for (const call of templateCalls(relative(root, file), text)) {
      out.push({ ...call, key: templateKey(call.source, call.options), spec: Handlebars.precompile(call.source, call.options) });
    }
  }
  return out;
}

/** The bundle's `core/template.ts`: the precompiled templates, on the Handlebars runtime. */
export function templateModule(templates) {
  const entries = templates.map((t) => `  [${JSON.stringify(t.key)}, ${t.spec}],`).join("\n");
  return `import Handlebars from "handlebars/runtime";
export interface TemplateOptions { noEscape?: boolean; strict?: boolean }
const specs = new Map<string, unknown>([
${entries}
]);
export function template<T>(source: string, options: TemplateOptions): (context: T) => string {
  const key = JSON.stringify([source, Object.entries(options).sort(([a], [b]) => (a < b ? -1 : 1))]);
  const spec = specs.get(key);
  if (spec === undefined) throw new Error("a template the bundle did not precompile: write it as template(\`...\`, { ... }) in a module importing core/template.ts");
  return Handlebars.template(spec as never) as (context: T) => string;
}
`;
}

/**
 * Every apiVersion kubernetes-models has kind modules for (`v1`, `apps/v1`, ...): a kind of any
 * other (a custom resource) is known not to be there without asking node to resolve it.
 */
export function kubernetesModelsApiVersions(root) {
  const dir = join(root, "node_modules/kubernetes-models");
  const out = new Set();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/^[A-Z].*\.js$/.test(entry.name)) continue;
    const folder = relative(dir, entry.parentPath ?? entry.path).split(sep).join("/");
    if (!folder.startsWith("_") && !folder.startsWith("node_modules")) out.add(folder);
  }
  return [...out].sort();
}

/** The esbuild plugin that puts the snapshot and the precompiled templates into the bundle. */
export function buildTimeData(root, { snapshot, templates, kinds, runtime }) {
  const snapshotFile = join(root, SNAPSHOT_MODULE);
  const templateFile = join(root, TEMPLATE_MODULE);
  const kindsFile = join(root, KINDS_MODULE);
  return {
    name: "build-time-data",
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path === snapshotFile) {
          const value = snapshot ? `{ text: ${JSON.stringify(snapshot.text)}, json: ${JSON.stringify(snapshot.json)} }` : "undefined";
          return { contents: `export const builtCatalogue: { text: string; json: string } | undefined = ${value};\n`, loader: "ts" };
        }
        if (args.path === templateFile) return { contents: templateModule(templates), loader: "ts", resolveDir: join(root, "src/core") };
        if (args.path === kindsFile) {
          // Beside the bundle, in its folder "kinds" (`__dirname` is the bundle's folder).
          const value = kinds
            ? `{ dir: require("node:path").join(__dirname, "kinds"), kinds: new Set(${JSON.stringify(kinds)}), apiVersions: new Set(${JSON.stringify(kubernetesModelsApiVersions(root))})${runtime ? `, runtime: ${runtime.source}` : ""} }`
            : "undefined";
          return { contents: `export const bundledKinds: { dir: string; kinds: ReadonlySet<string>; apiVersions: ReadonlySet<string>; runtime?: unknown } | undefined = ${value};\n`, loader: "ts", resolveDir: dirname(kindsFile) };
        }
        return undefined;
      });
    },
  };
}
