/**
 * Every version the StreamForge platform pins, read from the data file `versions.yaml` at the
 * package root (see `src/versions/catalogue-file.ts`). Renovate and `streamforge bump` edit that
 * file; this module only names what the model needs from it, and fails at load with the file and
 * the path inside it when something is missing or malformed.
 */
import { CatalogueError, loadCatalogue, type ChartPin, type ImagePin } from "../core/model/catalogue.ts";

export type { ChartPin, ImagePin } from "../core/model/catalogue.ts";

const catalogue = loadCatalogue();

/** Chart versions by release name: every environment's default. */
export const chartVersions: Readonly<Record<string, ChartPin>> = catalogue.charts;

/** Releases that have a chart pin. */
export type PinnedRelease = string;

/** Per-environment chart versions that differ from `chartVersions`. */
export const environmentVersions: Readonly<Record<string, Readonly<Record<string, ChartPin>>>> = catalogue.environments;

/** The default pin of a release; throws naming the catalogue when it has none. */
export function chartPin(release: string): ChartPin {
  const pin = chartVersions[release];
  if (!pin) throw new CatalogueError(`versions.yaml: /charts has no release "${release}"`);
  return pin;
}

function pick<K extends string, V>(from: Record<string, V>, section: string, keys: readonly K[]): Record<K, V> {
  const missing = keys.filter((k) => from[k] === undefined);
  if (missing.length) throw new CatalogueError(`versions.yaml: /${section} lacks ${missing.join(", ")}`);
  return Object.fromEntries(keys.map((k) => [k, from[k]!])) as Record<K, V>;
}

/** Container images the model sets itself (charts pin the rest). */
export const images = pick<"technitium" | "mailrelay" | "kafkaUi" | "postgresClient" | "kaniko", ImagePin>(catalogue.images, "images", ["technitium", "mailrelay", "kafkaUi", "postgresClient", "kaniko"]);

/** Software versions that operators and Kubespray deploy from the model. */
export const softwareVersions = pick<"kubespray" | "kubernetes" | "kafka" | "elasticStack" | "postgres" | "arangodb", string>(catalogue.software, "software", [
  "kubespray",
  "kubernetes",
  "kafka",
  "elasticStack",
  "postgres",
  "arangodb",
]);
