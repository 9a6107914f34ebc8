/**
 * The allowed import directions of src/, written down once (README "Architecture" draws them).
 * `npm run deps` checks them; `npm run verify` runs it.
 *
 *   cli -> pipeline -> worlds -> core        platform (the StreamForge data) -> core/model
 *
 * - core: model types and derivations, diagnostics, file records and YAML, schemas, writer and the
 *   lint engine. It imports nothing outside core.
 * - worlds: one folder per kind of output, each with its emitter, rules and derived data. A world
 *   imports core only; worlds share facts through the model (core/model), never directly.
 * - pipeline: the registries that list every world (all emitters, all rules) and run them.
 * - cli: parses arguments and calls the library; nothing imports it.
 */
const WORLDS = "(helm|kubespray|proxmox|dns|gitlab-ci|cert|versions|secrets)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-imports-core-only",
      comment: "core is the bottom layer: it must not know about worlds, the pipeline, the CLI or the platform data",
      severity: "error",
      from: { path: "^src/core/" },
      to: { path: "^src/", pathNot: "^src/core/" },
    },
    {
      name: "model-is-innermost",
      comment: "the model's types and derivations stand alone: diagnostics, schemas, lint and the writer build on them, not the reverse (the error base class, which the versions catalogue loader raises with its exit code, and the SHA-256 of text, a leaf that imports nothing of core, are the exceptions)",
      severity: "error",
      from: { path: "^src/core/model/" },
      to: { path: "^src/core/", pathNot: "^src/core/(model/|errors\\.ts$|sha256\\.ts$)" },
    },
    {
      name: "diagnostics-stand-alone",
      comment: "the diagnostic type and its renderers need nothing else of core but the SHA-256 of text (a leaf) for fingerprints",
      severity: "error",
      from: { path: "^src/core/diagnostics/" },
      to: { path: "^src/core/", pathNot: "^src/core/(diagnostics/|sha256\\.ts$)" },
    },
    {
      name: "worlds-do-not-import-each-other",
      comment: "a world (helm, kubespray, proxmox, dns, gitlab-ci, cert, versions, secrets) reaches another only through the model in core",
      severity: "error",
      from: { path: `^src/${WORLDS}/` },
      to: { path: `^src/${WORLDS}/`, pathNot: "^src/$1/" },
    },
    {
      name: "worlds-import-core-only",
      comment: "worlds sit below the pipeline and the CLI and do not read the platform data (it is passed in)",
      severity: "error",
      from: { path: `^src/${WORLDS}/` },
      to: { path: "^src/(pipeline|cli|platform)/|^src/index\\.ts$" },
    },
    {
      name: "platform-is-data",
      comment: "the StreamForge instance is data typed by the model; it imports the model only",
      severity: "error",
      from: { path: "^src/platform/" },
      to: { path: "^src/", pathNot: "^src/(platform|core/model)/" },
    },
    {
      name: "pipeline-below-cli",
      comment: "the pipeline is a library; only the CLI parses arguments and owns the process",
      severity: "error",
      from: { path: "^src/pipeline/" },
      to: { path: "^src/(cli/|index\\.ts$)" },
    },
    {
      name: "nothing-imports-cli",
      comment: "the CLI is the top layer",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/cli/" },
      to: { path: "^src/cli/" },
    },
    {
      name: "emitters-do-not-write",
      comment: "emitters are pure (model in, file records out): they never import the writer",
      severity: "error",
      from: { path: `^src/(${WORLDS.slice(1, -1)}|pipeline/generate)`, pathNot: "^src/(cert|versions|secrets)/" },
      to: { path: "^src/core/write/" },
    },
    {
      name: "adapters-are-pure",
      comment: "a chart adapter turns model facts into its chart's values: it imports no emitter, writer, schema or lint code",
      severity: "error",
      from: { path: "^src/helm/charts/" },
      to: { path: "^src/(helm/(releases|helmfile|environments|schema|rules)|core/(write|lint|schema)/|core/files\\.ts$)" },
    },
    {
      name: "rules-read-records",
      comment: "lint rules read file records and the model; they never run the pipeline or the writer",
      severity: "error",
      from: { path: `^src/(core/lint/|${WORLDS}/rules/)` },
      to: { path: "^src/(pipeline|core/write)/" },
    },
    {
      name: "no-circular",
      comment: "a cycle hides which module is the lower one",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    includeOnly: "^src/",
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
