/**
 * The values of the charts that ship a `values.schema.json` are valid against it, merged with the
 * chart's defaults as Helm merges them before it validates (Traefik, Reloader, linstor-cluster,
 * app-template's common library for Technitium and the mail relay).
 */
import { describe, expect, it } from "vitest";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { yamlOf } from "../../support/generated.ts";
import { upstreamValues } from "../../support/reference.ts";
import { chartValuesValidator, errorLines, helmMerge } from "../../support/schemas.ts";

const charts: Record<string, string[]> = {
  traefik: ["traefik", "36.1.0"],
  reloader: ["reloader", "2.2.0"],
  "linstor-cluster": ["linstor-cluster", "1.0.3"],
  technitium: ["app-template", "4.1.1", "charts", "common"],
  mailrelay: ["app-template", "4.1.1", "charts", "common"],
};

describe.each(streamforge.environments.map((e) => e.name))("chart values schemas in %s", (envName) => {
  const env = streamforge.environments.find((e) => e.name === envName)!;
  for (const [release, dir] of Object.entries(charts)) {
    it(`${release} values pass ${dir.slice(0, 2).join(" ")}'s values.schema.json`, () => {
      // The pins this test was written against: a bump must re-point the reference directory.
      expect(env.versions[release]).toBe(dir[1]);
      const validate = chartValuesValidator(...dir);
      const merged = helmMerge(upstreamValues(dir[0]!, dir.slice(1).join("/")), yamlOf(`values/${envName}/${release}.yaml`));
      validate(merged);
      expect(errorLines(validate.errors)).toEqual([]);
    });
  }

  it("the schema check rejects a wrong value (the test can fail)", () => {
    const validate = chartValuesValidator("traefik", "36.1.0");
    const values = yamlOf(`values/${envName}/traefik.yaml`);
    expect(validate(helmMerge(upstreamValues("traefik", "36.1.0"), { ...values, deployment: { replicas: "two" } }))).toBe(false);
  });
});
