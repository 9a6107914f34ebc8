import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import type { Command, Io } from "../io.ts";
import { parse } from "../args.ts";
import { UsageError } from "../../core/errors.ts";
import { deriveValuesSchema, resolveRefs, type ChartOverrides, type JsonSchema } from "../../core/schema/derive.ts";
import { chartSchemaPath, chartSchemas, chartSchemaText, chartTypeRecords } from "../../helm/schema/charts.ts";
import { crdRecords, pinnedCrdRecords } from "../../core/schema/crd-catalogue.ts";
import { modelSchemaRecord } from "../../core/schema/model.ts";
import { staleRecords, writeRecords } from "../../core/write/files.ts";
import type { FileRecord } from "../../core/files.ts";

const DEFAULT_REFERENCE = "../shared/reference";

const usage = `Usage: streamforge schema <subcommand> [options]

  derive <chart> <version> --values <values.yaml> [--schema <values.schema.json>]
         [--overrides <overrides.json>] [--out <dir>]
      derive one chart version's values schema into <dir>/<chart>/<version>.schema.json
      (default <dir>: schema/charts)
  crds <crd.yaml...> [--out <dir>] [--kind <Kind>...]
      convert CRDs into <dir>/<group>/<kind>_<version>.json (default <dir>: schema/crds)
  crds --pinned [--reference <dir>] [--check]
      the CRDs of every custom resource kind the platform uses, into schema/crds
  charts [--reference <dir>] [--check]
      every pinned chart version's values schema (schema/charts) and TypeScript types
      (src/helm/charts/types), with the overrides in schema/overrides
  model [--check]
      schema/platform.schema.json from the types in src/core/model/types.ts

  --reference <dir>  upstream reference data (default: ${DEFAULT_REFERENCE})
  --check            write nothing; list stale files and exit 1 when any`;

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

async function derive(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { values: { type: "string" }, schema: { type: "string" }, overrides: { type: "string" }, out: { type: "string" } }, true);
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

async function crds(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: "string" }, kind: { type: "string", multiple: true }, pinned: { type: "boolean" }, reference: { type: "string" }, check: { type: "boolean" } }, true);
  if (values.pinned) {
    if (positionals.length) throw new UsageError("crds --pinned takes no files");
    return emit(pinnedCrdRecords(resolve(io.cwd, values.reference ?? DEFAULT_REFERENCE)), io, values.check);
  }
  if (!positionals.length) throw new UsageError("crds needs at least one CRD file (or --pinned)");
  const files = positionals.map((path) => ({ path, text: readText(io, path), kinds: values.kind ?? [] }));
  const records = crdRecords(files, ".", "streamforge schema crds").map((r) => ({ ...r, path: r.path.slice(2) }));
  if (!records.length) throw new UsageError("no served CustomResourceDefinition version found in the given files");
  return emit(records, io, values.check, resolve(io.cwd, values.out ?? "schema/crds"));
}

async function charts(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { reference: { type: "string" }, check: { type: "boolean" } });
  const { streamforge } = await import("../../platform/streamforge.ts");
  const started = Date.now();
  const set = chartSchemas(streamforge, resolve(io.cwd, values.reference ?? DEFAULT_REFERENCE), io.cwd);
  const derivedMs = Date.now() - started;
  const types = await chartTypeRecords(streamforge, set);
  for (const skip of set.skipped) io.err(`skipped ${skip.chart} ${skip.version}: ${skip.reason}\n`);
  io.out(`${set.records.length} chart schemas derived in ${derivedMs} ms, ${types.length} type files\n`);
  return emit([...set.records, ...types], io, values.check);
}

async function model(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { check: { type: "boolean" } });
  return emit([await modelSchemaRecord(io.cwd)], io, values.check);
}

const subcommands: Record<string, (args: string[], io: Io) => Promise<number>> = { derive, crds, charts, model };

export const schema: Command = {
  name: "schema",
  usage,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === undefined || sub === "--help" || sub === "-h") {
      io.out(`${usage}\n`);
      return sub === undefined ? 2 : 0;
    }
    const handler = subcommands[sub];
    if (!handler) throw new UsageError(`unknown subcommand "${sub}"`);
    if (rest.includes("--help") || rest.includes("-h")) {
      io.out(`${usage}\n`);
      return 0;
    }
    return handler(rest, io);
  },
};
