/**
 * The committed derived data of the infrastructure layers is what the upstream data of the pinned
 * Kubespray and Proxmox versions gives today (`npm run schema:infra` refreshes it), and the VM
 * specs pass the API description derived afresh.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { upstreamPath as referencePath } from "../support/upstream.ts";
import { yamlOf, pathsUnder } from "../support/generated.ts";
import { checkParam, PROXMOX_RELEASE, proxmoxParams } from "../../src/proxmox/params.ts";
import { deriveKnownVars, knownVarsPath, knownVarsText } from "../../src/kubespray/vars-schema.ts";
import { deriveProxmoxParams, proxmoxParamsPath, proxmoxParamsText } from "../../src/proxmox/params-schema.ts";

import { softwareVersions } from "../../src/platform/versions.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const tag = softwareVersions.kubespray;

describe("derived infrastructure schemas", () => {
  it(`${knownVarsPath(tag)} is current`, () => {
    expect(readFileSync(join(ROOT, knownVarsPath(tag)), "utf8")).toBe(knownVarsText(deriveKnownVars(referencePath("kubespray", tag))));
  });

  it(`${proxmoxParamsPath(PROXMOX_RELEASE)} is current`, () => {
    expect(readFileSync(join(ROOT, proxmoxParamsPath(PROXMOX_RELEASE)), "utf8")).toBe(proxmoxParamsText(deriveProxmoxParams(referencePath("proxmox"))));
  });

  it("the known variables hold every variable of known-vars.txt, typed booleans, and Kubernetes 1.30.0..1.32.5", () => {
    const vars = deriveKnownVars(referencePath("kubespray", tag));
    const listed = readFileSync(referencePath("kubespray", tag, "known-vars.txt"), "utf8").split("\n").filter(Boolean);
    for (const name of listed) expect(vars.variables, name).toHaveProperty(name);
    expect(vars.variables).toMatchObject({ kube_vip_enabled: "boolean", kube_proxy_strict_arp: "boolean", kubelet_max_pods: "integer", node_labels: "dict" });
    expect(vars.kubernetes).toMatchObject({ default: "1.32.5", minimum: "1.30.0" });
    expect(vars.kubernetes.supported).toContain("1.30.0");
    expect(vars.kubernetes.supported[0]).toBe("1.32.5");
  });

  it("every VM spec passes the API description derived afresh from the cache, which equals the committed one", () => {
    const api = deriveProxmoxParams(referencePath("proxmox"));
    const specPaths = pathsUnder("proxmox/").filter((p) => p.includes("/vms/"));
    expect(specPaths.length).toBeGreaterThan(0);
    for (const path of specPaths) {
      for (const [name, value] of Object.entries(yamlOf(path).params as Record<string, string | number>)) expect(checkParam(name, value, api), `${path} ${name}`).toBeUndefined();
    }
    expect(api.parameters).toEqual(proxmoxParams().parameters);
  });
});
