import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import type { Command, Io } from "../io.ts";
import type { CommandSpec } from "../args.ts";
import { defineCommand, type Invocation } from "../command.ts";
import { UsageError } from "../../core/errors.ts";
import { deriveValuesSchema, resolveRefs, type ChartOverrides, type JsonSchema } from "../../core/schema/derive.ts";
import { chartSchemaPath, chartSchemas, chartSchemaText, chartTypeRecords } from "../../helm/schema/charts.ts";
import { crdRecords, pinnedCrdRecords } from "../../core/schema/crd-catalogue.ts";
import { modelSchemaRecord } from "../../core/schema/model.ts";
import { staleRecords, writeRecords } from "../../core/write/files.ts";
import type { FileRecord } from "../../core/files.ts";
import { CACHE_DIR, cacheRoot, PULL_COMMAND } from "../../core/cache.ts";
import { lookup } from "../../core/model/lookup.ts";


const check = { type: "boolean", help: "write nothing; list stale files and exit 1 when any" } as const;
const cache = { type: "string", value: "<dir>", help: `the upstream cache \`${PULL_COMMAND}\` fills (default: ${CACHE_DIR}, or $STREAMFORGE_CACHE)` } as const;

const deriveSpec = {
  name: "schema derive",
  args: "<chart> <version>",
  description: "Derives one chart version's values schema into <dir>/<chart>/<version>.schema.json.",
  options: {
    values: { type: "string", value: "<values.yaml>", help: "the chart version's values (required)" },
    schema: { type: "string", value: "<values.schema.json>", help: "the chart's own schema, merged in" },
    overrides: { type: "string", value: "<overrides.json>", help: "reviewed overrides of the derived schema" },
    out: { type: "string", value: "<dir>", help: "output folder (default: schema/charts)" },
  },
} as const satisfies CommandSpec;

const crdsSpec = {
  name: "schema crds",
  args: "[<crd.yaml>...]",
  description: "Converts CRDs into <dir>/<group>/<kind>_<version>.json; with --pinned, the CRDs of every\ncustom resource kind the platform uses, into schema/crds.",
  options: {
    out: { type: "string", value: "<dir>", help: "output folder (default: schema/crds)" },
    kind: { type: "string", multiple: true, value: "<Kind>", help: "only these kinds" },
    pinned: { type: "boolean", help: "the pinned CRDs, from the upstream cache" },
    cache,
    check,
  },
} as const satisfies CommandSpec;

const chartsSpec = {
  name: "schema charts",
  description: "Every pinned chart version's values schema (schema/charts) and TypeScript types\n(src/helm/charts/types), with the overrides in schema/overrides; fails (exit 1)\nwhen the cache lacks a pinned version.",
  options: { cache, check },
} as const satisfies CommandSpec;

const modelSpec = {
  name: "schema model",
  description: "schema/platform.schema.json from the types in src/core/model/types.ts.",
  options: { check },
} as const satisfies CommandSpec;

const specs: CommandSpec[] = [deriveSpec, crdsSpec, chartsSpec, modelSpec];

const usage = [
  "Usage: streamforge schema <subcommand> [options]",
  "",
  ...specs.flatMap((spec) => [`  ${spec.name.replace(/^schema /, "")}${spec.args ? ` ${spec.args}` : ""}`, ...spec.description.split("\n").map((line) => `      ${line}`)]),
  "",
  "Run `streamforge schema <subcommand> --help` for its options.",
].join("\n");

/** Writes records under `root`, or with `check` reports those that differ. */
function emit(records: FileRecord[], io: Io, check: boolean | undefined, root = io.cwd): number {
  if (check) {
    const stale = staleRecords(root, records);
    for (const path of stale) io.err(`${path}: stale; regenerate it\n`);
    if (stale.length) return 1;
    io.out(`in sync: ${records.length} files\n`);
    return 0;
  }
  const written = writeRecords(root, records);
  io.out(`wrote ${written.length}, unchanged ${records.length - written.length}\n`);
  return 0;
}

function readText(io: Io, path: string): string {
  try {
    return readFileSync(resolve(io.cwd, path), "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

async function derive({ values, positionals, io }: Invocation<typeof deriveSpec.options, undefined>): Promise<number> {
  const [chart, version, ...extra] = positionals;
  if (!chart || !version || extra.length) throw new UsageError("derive needs <chart> <version>");
  if (!values.values) throw new UsageError("derive needs --values <values.yaml>");
  const started = Date.now();
  const upstreamSchema = values.schema ? resolveRefs({ "values.schema.json": JSON.parse(readText(io, values.schema)) as JsonSchema }, "values.schema.json") : undefined;
  const overrides = values.overrides ? (JSON.parse(readText(io, values.overrides)) as ChartOverrides) : undefined;
  const schema = deriveValuesSchema({
    chart,
    version,
    values: parseYaml(readText(io, values.values)) ?? {},
    ...(upstreamSchema ? { upstreamSchema } : {}),
    ...(overrides ? { overrides } : {}),
  });
  const out = resolve(io.cwd, values.out ?? "schema/charts");
  const path = chartSchemaPath(chart, version, ".").slice(2);
  writeRecords(out, [{ path, content: chartSchemaText(schema, chart, version, `streamforge schema derive ${chart} ${version}`) }]);
  io.out(`${join(values.out ?? "schema/charts", path)} (${Date.now() - started} ms)\n`);
  return 0;
}

async function crds({ values, positionals, io }: Invocation<typeof crdsSpec.options, undefined>): Promise<number> {
  if (values.pinned) {
    if (positionals.length) throw new UsageError("crds --pinned takes no files");
    const cache = values.cache ? resolve(io.cwd, values.cache) : cacheRoot(io.cwd, io.env);
    return emit(pinnedCrdRecords(cache), io, values.check);
  }
  if (!positionals.length) throw new UsageError("crds needs at least one CRD file (or --pinned)");
  const files = positionals.map((path) => ({ path, text: readText(io, path), kinds: values.kind ?? [] }));
  const records = crdRecords(files, ".", "streamforge schema crds").map((r) => ({ ...r, path: r.path.slice(2) }));
  if (!records.length) throw new UsageError("no served CustomResourceDefinition version found in the given files");
  return emit(records, io, values.check, resolve(io.cwd, values.out ?? "schema/crds"));
}

async function charts({ values, io, model }: Invocation<typeof chartsSpec.options, "embedded">): Promise<number> {
  const streamforge = await model();
  const started = Date.now();
  const cache = values.cache ? resolve(io.cwd, values.cache) : cacheRoot(io.cwd, io.env);
  const set = chartSchemas(streamforge, cache, io.cwd);
  // A version the cache lacks cannot be checked or derived: that is a failure, never "in sync".
  if (set.skipped.length) {
    for (const skip of set.skipped) io.err(`${skip.chart} ${skip.version}: ${skip.reason}\n`);
    io.err(`${set.skipped.length} pinned chart versions are missing from the upstream cache; nothing was ${values.check ? "checked" : "written"}\n`);
    return 1;
  }
  const derivedMs = Date.now() - started;
  const types = await chartTypeRecords(streamforge, set);
  io.out(`${set.records.length} chart schemas derived in ${derivedMs} ms, ${types.length} type files\n`);
  return emit([...set.records, ...types], io, values.check);
}

async function model({ values, io }: Invocation<typeof modelSpec.options, undefined>): Promise<number> {
  return emit([await modelSchemaRecord(io.cwd)], io, values.check);
}

const subcommands: Record<string, Command> = {
  derive: defineCommand(deriveSpec, { run: derive }),
  crds: defineCommand(crdsSpec, { run: crds }),
  charts: defineCommand(chartsSpec, { model: "embedded", run: charts }),
  model: defineCommand(modelSpec, { run: model }),
};

export const schema: Command = {
  name: "schema",
  usage,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === undefined || sub === "--help" || sub === "-h") {
      io.out(`${usage}\n`);
      return sub === undefined ? 2 : 0;
    }
    const handler = lookup(subcommands, sub);
    if (!handler) throw new UsageError(`unknown subcommand "${sub}"`);
    // Help wins over any other argument here, as it always has for subcommands (the parser would reject `--bogus --help`).
    if (rest.includes("--help") || rest.includes("-h")) {
      io.out(`${handler.usage}\n`);
      return 0;
    }
    return handler.run(rest, io);
  },
};
