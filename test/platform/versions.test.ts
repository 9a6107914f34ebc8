/**
 * The version catalogue (`versions.yaml`): the model reads it, every pin is exact and annotated
 * so that the regex manager of `renovate.json` finds it (per-environment overrides included), and
 * Renovate's replacement of a version is a one-line change the model reads back.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { chartPin, chartVersions, images, softwareVersions } from "../../src/platform/versions.ts";
import { streamforge } from "../../src/platform/streamforge.ts";
import { CatalogueError, parseCatalogue } from "../../src/core/model/catalogue.ts";
import { setOverridePin, setBasePin, basePin } from "../../src/versions/catalogue-edit.ts";
import { renovateMatches, renovateReplace, type RenovateMatch } from "../support/renovate.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const source = readFileSync(resolve(ROOT, "versions.yaml"), "utf8");
const renovate = JSON.parse(readFileSync(resolve(ROOT, "renovate.json"), "utf8"));

/** How Renovate names a chart release's source: Helm repository, OCI registry (an image to Renovate) or git tags. */
function expectedKey(release: string, version: string): string {
  const model = streamforge.releases.find((r) => r.name === release)!;
  if (model.chart === "local") throw new Error(`${release} is local`);
  const git = streamforge.gitRepositories?.[model.chart.repo];
  if (git) return `github-tags ${version}@/${new URL(git.url).pathname.slice(1).replace(/\.git$/, "")}`;
  const url = streamforge.repositories[model.chart.repo]!;
  return url.startsWith("oci://") ? `docker ${version}@/${ociDepName(url, model.chart.name)}` : `helm ${version}@${url}/${model.chart.name}`;
}
/** Renovate's depName of an OCI chart: its reference without the scheme (Renovate's helm managers do the same). */
const ociDepName = (url: string, chart: string) => `${url.slice("oci://".length).replace(/\/+$/, "")}/${chart}`;
/** depNames of the model's charts in OCI registries: docker matches that are chart pins, not images. */
const ociCharts = new Set(streamforge.releases.flatMap((r) => (r.chart !== "local" && streamforge.repositories[r.chart.repo]?.startsWith("oci://") ? [ociDepName(streamforge.repositories[r.chart.repo]!, r.chart.name)] : [])));
const isChartMatch = (m: RenovateMatch) => m.datasource === "helm" || m.datasource === "github-tags" || (m.datasource === "docker" && ociCharts.has(m.depName));
const keyOf = (m: RenovateMatch) => `${m.datasource} ${m.currentValue}@${m.registryUrl ?? ""}/${m.depName}`;

describe("renovate.json", () => {
  it("targets the catalogue file and nothing else", () => {
    const manager = renovate.customManagers[0];
    const pattern = new RegExp((manager.managerFilePatterns[0] as string).slice(1, -1));
    expect(pattern.test("versions.yaml")).toBe(true);
    expect(pattern.test("versions.lock.yaml")).toBe(false);
  });

  it("finds every chart pin with its source (Helm repository, or git tags) and current version", () => {
    const matches = renovateMatches(renovate, source);
    const found = new Set(matches.map(keyOf));
    for (const [release, pin] of Object.entries(chartVersions)) expect(found.has(expectedKey(release, pin.version)), release).toBe(true);
    expect(matches.filter(isChartMatch)).toHaveLength(Object.keys(chartVersions).length);
  });

  it("finds every image and software pin but the PostgreSQL major", () => {
    const others = renovateMatches(renovate, source).filter((m) => !isChartMatch(m));
    const expected = [...Object.values(images).map((i) => i.version), ...Object.entries(softwareVersions).filter(([name]) => name !== "postgres").map(([, v]) => v)];
    expect(others.map((m) => m.currentValue).sort()).toEqual(expected.sort());
  });

  it("finds a lab override as `bump --env lab` writes it, with the default's annotation", () => {
    const pin = basePin(source, "metallb")!;
    const text = setOverridePin(source, "lab", "metallb", { ...pin, version: "0.14.10" });
    const lab = renovateMatches(renovate, text).filter((m) => m.depName === "metallb");
    expect(lab.map(keyOf).sort()).toEqual([expectedKey("metallb", "0.14.10"), expectedKey("metallb", "0.14.9")].sort());
    expect(parseCatalogue(text).environments.lab!.metallb!.version).toBe("0.14.10");
  });

  it("finds a chart pin in an OCI registry annotated with the docker datasource and the chart's reference, and its lab override", () => {
    const text = source.replace(
      "# renovate: datasource=helm depName=metallb registryUrl=https://metallb.github.io/metallb",
      "# renovate: datasource=docker depName=ghcr.io/example/charts/metallb",
    );
    const match = renovateMatches(renovate, text).find((m) => m.depName === "ghcr.io/example/charts/metallb")!;
    expect({ datasource: match.datasource, registryUrl: match.registryUrl, currentValue: match.currentValue }).toEqual({ datasource: "docker", registryUrl: undefined, currentValue: "0.14.9" });
    expect(parseCatalogue(renovateReplace(text, match, "0.14.10")).charts.metallb!.version).toBe("0.14.10");
    const lab = setOverridePin(text, "lab", "metallb", { ...basePin(text, "metallb")!, version: "0.14.10" });
    expect(renovateMatches(renovate, lab).filter((m) => m.depName === "ghcr.io/example/charts/metallb").map((m) => `${m.datasource} ${m.currentValue}`).sort()).toEqual(["docker 0.14.10", "docker 0.14.9"]);
  });

  it("Renovate's replacement changes one line, which the model reads back (comments and order kept)", () => {
    const match = renovateMatches(renovate, source).find((m) => m.depName === "metallb")!;
    const text = renovateReplace(source, match, "0.14.10");
    const before = source.split("\n");
    expect(text.split("\n").filter((line, i) => line !== before[i])).toEqual(['    version: "0.14.10"']);
    expect(parseCatalogue(text).charts.metallb!.version).toBe("0.14.10");
  });

  it("runs pull, the chart schemas and gen after an update, so the branch carries what CI checks", () => {
    expect(renovate.postUpgradeTasks.commands).toEqual(["npm ci --no-audit --no-fund", "npm run -s streamforge -- pull", "npm run -s schema:charts", "npm run -s gen"]);
  });
});

describe("catalogue", () => {
  it("pins exact versions only, in each chart's own format", () => {
    for (const [release, pin] of Object.entries(chartVersions)) expect(pin.version, release).toMatch(/^v?\d+\.\d+\.\d+$/);
    expect(chartPin("cert-manager").version).toBe("v1.18.2");
    expect(chartPin("gpu-operator").version).toBe("v24.9.2");
  });

  it("S4 S5 S6 S15 S22 S36 pin the chart versions the platform document fixes", () => {
    expect(chartPin("metallb").version).toBe("0.14.9");
    expect(chartPin("traefik").version).toBe("36.1.0");
    expect(chartPin("ingress-nginx").version).toBe("4.12.1");
    expect(chartPin("nfs-subdir-external-provisioner").version).toBe("4.0.18");
    expect(chartPin("kube-prometheus-stack").version).toBe("71.1.0");
    expect(chartPin("gpu-operator").version).toBe("v24.9.2");
  });

  it("every chart release of the model has a pin, and every pin a release", () => {
    const releases = streamforge.releases.filter((r) => r.chart !== "local").map((r) => r.name);
    expect(Object.keys(chartVersions).sort()).toEqual(releases.sort());
  });

  it("an unquoted version is refused with the file and the path inside it", () => {
    const bad = source.replace('version: "0.14.9"', "version: 1.10");
    expect(() => parseCatalogue(bad, "versions.yaml")).toThrow(new CatalogueError('versions.yaml: /charts/metallb/version: expected a quoted, non-empty string, got 1.1'));
  });

  it("an override of a release the catalogue does not pin is refused", () => {
    const bad = source.replace("  lab: {}", '  lab:\n    metalb:\n      version: "0.14.10"');
    expect(() => parseCatalogue(bad, "versions.yaml")).toThrow(/versions\.yaml: \/environments\/lab\/metalb: expected a release of \/charts/);
  });

  it("S17 Kafka stays within the versions the pinned Strimzi supports; a Strimzi pin the list was not reviewed for fails", () => {
    expect(() => parseCatalogue(source.replace('kafka: "4.0.0"', 'kafka: "4.1.0"'), "versions.yaml")).toThrow(
      "versions.yaml: /software/kafka: 4.1.0 is not one strimzi-kafka-operator 0.47.0 supports (3.9.0, 3.9.1, 4.0.0)",
    );
    // An edit never writes a catalogue the model would refuse.
    expect(() => setOverridePin(source, "lab", "strimzi-kafka-operator", { version: "0.48.0" })).toThrow(/\/environments\/lab\/strimzi-kafka-operator\/version: 0\.48\.0 is not 0\.47\.0, the version \/constraints\/kafka was reviewed for/);
  });

  it("a base bump keeps every comment and changes only the version line", () => {
    const text = setBasePin(source, "traefik", { ...basePin(source, "traefik")!, version: "36.1.1" });
    const before = source.split("\n");
    expect(text.split("\n")).toHaveLength(before.length);
    expect(text.split("\n").filter((line, i) => line !== before[i])).toEqual(['    version: "36.1.1"']);
  });
});
