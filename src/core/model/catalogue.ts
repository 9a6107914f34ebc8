/**
 * The version catalogue as data (`versions.yaml` at the package root): read and validated for the
 * model, found relative to this module (from `src/` and from a packed `dist/` alike), never the
 * working directory.
 */
import { StreamforgeError } from "../errors.ts";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseDocument } from "yaml";
import { builtCatalogue } from "./catalogue-snapshot.ts";

export const CATALOGUE_PATH = "versions.yaml";

/** Where a chart version comes from and what it needs of the cluster. */
export interface ChartPin {
  /** Exact chart version, in the chart's own format. */
  version: string;
  /** The chart's `kubeVersion` constraint (`Chart.yaml`), when it declares one. */
  kubeVersion?: string;
  /** Custom resource API versions (`group/version`) whose CRDs this chart version installs and serves. */
  crdApiVersions?: readonly string[];
}

export interface ImagePin {
  repository: string;
  version: string;
}

export interface Catalogue {
  /** Every environment's default chart pin, by release. */
  charts: Record<string, ChartPin>;
  /** Per-environment pins that differ from `charts`, by environment, then release. */
  environments: Record<string, Record<string, ChartPin>>;
  images: Record<string, ImagePin>;
  software: Record<string, string>;
}

/** A catalogue that does not have the expected shape: file, JSON pointer, what was expected. */
export class CatalogueError extends StreamforgeError {
  override name = "CatalogueError";
  constructor(message: string) {
    super(message, 1);
  }
}

/** The folder holding the nearest package.json above `dir`: the package root. */
export function packageRoot(dir: string): string {
  let current = dir;
  while (!existsSync(join(current, "package.json"))) {
    const parent = dirname(current);
    if (parent === current) throw new CatalogueError(`no package.json above ${dir}: cannot find ${CATALOGUE_PATH}`);
    current = parent;
  }
  return current;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Parses and validates catalogue text; `file` names it in errors. */
export function parseCatalogue(text: string, file = CATALOGUE_PATH): Catalogue {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new CatalogueError(`${file}: ${doc.errors[0]!.message}`);
  const data = doc.toJS() as unknown;
  const fail = (pointer: string, expected: string, got?: unknown): never => {
    throw new CatalogueError(`${file}: ${pointer}: expected ${expected}${got === undefined ? "" : `, got ${JSON.stringify(got)}`}`);
  };
  if (!isMap(data)) return fail("/", "a map with charts, environments, images and software");
  const map = (value: unknown, pointer: string): Record<string, unknown> => (isMap(value) ? value : fail(pointer, "a map", value));
  // Versions must be quoted strings: an unquoted 1.10 would be read as a number (and Renovate's regex wants the quotes).
  const str = (value: unknown, pointer: string): string => (typeof value === "string" && value !== "" ? value : fail(pointer, "a quoted, non-empty string", value));
  const pin = (value: unknown, pointer: string): ChartPin => {
    const raw = map(value, pointer);
    for (const key of Object.keys(raw)) if (!["version", "kubeVersion", "crdApiVersions"].includes(key)) fail(`${pointer}/${key}`, "only version, kubeVersion and crdApiVersions");
    const out: ChartPin = { version: str(raw.version, `${pointer}/version`) };
    if (raw.kubeVersion !== undefined) out.kubeVersion = str(raw.kubeVersion, `${pointer}/kubeVersion`);
    if (raw.crdApiVersions !== undefined) {
      const list = Array.isArray(raw.crdApiVersions) ? raw.crdApiVersions : fail(`${pointer}/crdApiVersions`, "a list of group/version strings", raw.crdApiVersions);
      out.crdApiVersions = list.map((v, i) => str(v, `${pointer}/crdApiVersions/${i}`));
    }
    return out;
  };
  const charts: Record<string, ChartPin> = {};
  for (const [release, value] of Object.entries(map(data.charts, "/charts"))) charts[release] = pin(value, `/charts/${release}`);
  const environments: Record<string, Record<string, ChartPin>> = {};
  for (const [env, value] of Object.entries(map(data.environments ?? {}, "/environments"))) {
    environments[env] = {};
    for (const [release, p] of Object.entries(map(value ?? {}, `/environments/${env}`))) {
      if (!(release in charts)) fail(`/environments/${env}/${release}`, `a release of /charts (${Object.keys(charts).join(", ")})`);
      environments[env]![release] = pin(p, `/environments/${env}/${release}`);
    }
  }
  const images: Record<string, ImagePin> = {};
  for (const [name, value] of Object.entries(map(data.images ?? {}, "/images"))) {
    const raw = map(value, `/images/${name}`);
    images[name] = { repository: str(raw.repository, `/images/${name}/repository`), version: str(raw.version, `/images/${name}/version`) };
  }
  const software: Record<string, string> = {};
  for (const [name, value] of Object.entries(map(data.software ?? {}, "/software"))) software[name] = str(value, `/software/${name}`);
  // Each constraint limits a software version to what one pinned chart version supports.
  for (const [name, value] of Object.entries(map(data.constraints ?? {}, "/constraints"))) {
    const at = `/constraints/${name}`;
    const raw = map(value, at);
    const reviewedFor = str(raw.reviewedFor, `${at}/reviewedFor`);
    const [release, pinned] = [reviewedFor.slice(0, reviewedFor.lastIndexOf("@")), reviewedFor.slice(reviewedFor.lastIndexOf("@") + 1)];
    if (!charts[release]) fail(`${at}/reviewedFor`, `<release>@<version> of a release in /charts`, reviewedFor);
    const versions = (Array.isArray(raw.versions) ? raw.versions : fail(`${at}/versions`, "a list of versions", raw.versions)).map((v, i) => str(v, `${at}/versions/${i}`));
    const pins = [["charts", charts[release]!.version], ...Object.entries(environments).flatMap(([env, o]) => (o[release] ? [[`environments/${env}`, o[release]!.version]] : []))];
    for (const [where, version] of pins) {
      if (version !== pinned) throw new CatalogueError(`${file}: /${where}/${release}/version: ${version} is not ${pinned}, the version ${at} was reviewed for: check which ${name} versions ${release} ${version} supports and update ${at}`);
    }
    if (software[name] === undefined) fail(`/software/${name}`, `a version (${at} constrains it)`);
    if (!versions.includes(software[name]!)) throw new CatalogueError(`${file}: /software/${name}: ${software[name]} is not one ${release} ${pinned} supports (${versions.join(", ")})`);
  }
  return { charts, environments, images, software };
}

/**
 * Reads the catalogue of the package this module belongs to. The bundled CLI carries the
 * catalogue it was built with (`snapshot`): a file with exactly that text is not parsed again
 * (parsing it with `yaml` was a tenth of a `gen`); any other text is parsed and checked here.
 */
export function loadCatalogue(root = packageRoot(import.meta.dirname), snapshot = builtCatalogue): Catalogue {
  const file = join(root, CATALOGUE_PATH);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CatalogueError(`cannot read the version catalogue ${file}: ${(error as Error).message}`);
  }
  if (snapshot !== undefined && text === snapshot.text) return JSON.parse(snapshot.json) as Catalogue;
  return parseCatalogue(text, file);
}
