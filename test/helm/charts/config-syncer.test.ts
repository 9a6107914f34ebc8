import { describe, expect, it } from "vitest";
import { yamlOf } from "../../support/generated.ts";

describe.each([
  ["prod", "k2"],
  ["lab", "k2lab"],
] as const)("config-syncer values in %s", (envName, cluster) => {
  it(`S37 config-syncer (kubed's successor) runs open-source for cluster ${cluster}`, () => {
    expect(yamlOf(`values/${envName}/config-syncer.yaml`)).toEqual({ mode: "oss", config: { clusterName: cluster } });
  });
});
