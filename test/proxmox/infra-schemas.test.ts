/**
 * The committed derived data of the infrastructure layers is what the reference data gives
 * today (`npx tsx scripts/derive-infra-schemas.ts` refreshes it).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { hasReference, referencePath } from "../support/reference.ts";
import { deriveKnownVars, knownVarsPath, knownVarsText } from "../../src/kubespray/vars-schema.ts";
import { deriveProxmoxParams, proxmoxParamsPath, proxmoxParamsText } from "../../src/proxmox/params-schema.ts";
import { PROXMOX_RELEASE } from "../../src/proxmox/params.ts";
import { softwareVersions } from "../../src/platform/versions.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const tag = softwareVersions.kubespray;

describe.runIf(hasReference("kubespray", tag))("derived infrastructure schemas", () => {
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
});
