import { describe, expect, it } from "vitest";
import { yamlOf } from "../../support/generated.ts";

describe.each(["prod", "lab"] as const)("reloader values in %s", (envName) => {
  it("S33 Reloader watches every namespace for Secret and ConfigMap changes of workloads that opt in", () => {
    expect(yamlOf(`values/${envName}/reloader.yaml`).reloader).toMatchObject({
      watchGlobally: true,
      autoReloadAll: false,
      ignoreSecrets: false,
      ignoreConfigMaps: false,
      reloadStrategy: "annotations",
    });
  });

  it("S33 the platform's own app-template workloads opt in to Reloader", () => {
    for (const release of ["technitium", "mailrelay"]) {
      expect(yamlOf(`values/${envName}/${release}.yaml`).controllers.main.annotations["reloader.stakater.com/auto"]).toBe("true");
    }
  });
});
