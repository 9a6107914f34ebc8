/**
 * Defining a release the package does not know: adapters carry their schema, travel on the
 * platform value (never in a table of the package), and `extendPlatform` adds the release, its
 * repository and its pinned version.
 */
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { adaptersOf, AdapterDefinitionError, defineAdapter, defineManifests, extendPlatform, withAdapters } from "../../../src/core/model/extensions.ts";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { platform as mini } from "../../fixtures/models/mini.ts";
import { podinfo, podinfoSchema, type PodinfoValues } from "../../fixtures/models/podinfo.ts";
import { tempDir } from "../../support/cli.ts";

const chart = { repository: { alias: "podinfo", url: "https://stefanprodan.github.io/podinfo" }, name: "podinfo", version: "6.9.1" };

describe("defineAdapter", () => {
  it("reads the values schema from a file URL once, when the adapter is defined", () => {
    const dir = tempDir("streamforge-own-schema-");
    writeFileSync(join(dir, "podinfo.schema.json"), JSON.stringify(podinfoSchema));
    const adapter = defineAdapter<PodinfoValues>({ name: "podinfo", values: () => ({}), schema: new URL("podinfo.schema.json", pathToFileURL(`${dir}/`)) });
    expect(adapter.schema).toEqual(podinfoSchema);
    expect(adapter.schemaSource).toBe(join(dir, "podinfo.schema.json"));
  });

  it("refuses a schema it cannot read or that is not a JSON object, naming the file", () => {
    const dir = tempDir("streamforge-own-schema-");
    expect(() => defineAdapter({ name: "x", values: () => ({}), schema: join(dir, "absent.json") })).toThrow(new AdapterDefinitionError(`adapter "x": cannot read its values schema ${join(dir, "absent.json")} (ENOENT)`));
    writeFileSync(join(dir, "list.json"), "[]");
    expect(() => defineAdapter({ name: "x", values: () => ({}), schema: join(dir, "list.json") })).toThrow(/list\.json is not a JSON object/);
  });

  it("checks the values type at compile time (a key the chart lacks, a value of the wrong type)", () => {
    // Both lines fail `npm run typecheck` without the expect-error comments; the calls themselves run.
    // @ts-expect-error `colour` is not a key of PodinfoValues["ui"]
    defineAdapter<PodinfoValues>({ name: "a", values: () => ({ ui: { colour: "red" } }), schema: {} });
    // @ts-expect-error replicaCount is a number
    defineAdapter<PodinfoValues>({ name: "b", values: () => ({ replicaCount: "2" }), schema: {} });
  });
});

describe("withAdapters", () => {
  it("returns a copy carrying the adapters and leaves the platform it was given as it was", () => {
    const extended = withAdapters(mini, [podinfo]);
    expect(adaptersOf(extended).map((a) => a.name)).toEqual(["podinfo"]);
    expect(adaptersOf(mini)).toEqual([]);
    expect(extended.releases).toBe(mini.releases);
  });

  it("extends the frozen embedded model without changing it", () => {
    const extended = withAdapters(streamforge, [podinfo]);
    expect(adaptersOf(extended)).toHaveLength(1);
    expect(adaptersOf(streamforge)).toEqual([]);
    expect(Object.isFrozen(streamforge)).toBe(true);
  });

  it("keeps earlier adapters, and a spread of the platform keeps them all", () => {
    const welcome = defineManifests({ name: "welcome", build: () => [] });
    const twice = withAdapters(withAdapters(mini, [podinfo]), [welcome]);
    expect(adaptersOf({ ...twice, name: "renamed" }).map((a) => a.name)).toEqual(["podinfo", "welcome"]);
  });

  it("refuses something that is not an adapter definition", () => {
    expect(() => withAdapters(mini, [{ name: "x" } as never])).toThrow(AdapterDefinitionError);
  });
});

describe("extendPlatform", () => {
  it("adds the release, its repository, its version in every environment and its adapter", () => {
    const extended = extendPlatform(mini, [{ name: "podinfo", namespace: "apps", chart, adapter: podinfo }]);
    expect(extended.releases.at(-1)).toEqual({ name: "podinfo", namespace: "apps", chart: { repo: "podinfo", name: "podinfo" }, needs: [], adapter: "podinfo" });
    expect(extended.repositories.podinfo).toBe(chart.repository.url);
    expect(extended.environments.map((e) => e.versions.podinfo)).toEqual(["6.9.1"]);
    expect(adaptersOf(extended)).toEqual([podinfo]);
    expect(mini.releases.some((r) => r.name === "podinfo")).toBe(false);
  });

  it("keeps an environment's own pin and disables the release where asked", () => {
    const env = mini.environments[0]!;
    const pinned = { ...mini, environments: [{ ...env, versions: { ...env.versions, podinfo: "6.9.0" } }] };
    const extended = extendPlatform(pinned, [{ name: "podinfo", namespace: "apps", chart, adapter: podinfo, disabledIn: ["home"] }]);
    expect(extended.environments[0]!.versions.podinfo).toBe("6.9.0");
    expect(extended.environments[0]!.disabled).toContain("podinfo");
  });

  it("refuses a repository alias the platform maps elsewhere, and an adapter of the wrong kind", () => {
    expect(() => extendPlatform(mini, [{ name: "podinfo", namespace: "apps", chart: { ...chart, repository: { alias: "jetstack", url: "https://example.org/charts" } }, adapter: podinfo }])).toThrow(
      /release "podinfo": repository alias "jetstack" is https:\/\/charts\.jetstack\.io in the platform, not https:\/\/example\.org\/charts/,
    );
    expect(() => extendPlatform(mini, [{ name: "podinfo", namespace: "apps", chart: "local", adapter: podinfo }])).toThrow(/local release needs a manifest builder/);
  });
});
