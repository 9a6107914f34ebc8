import { describe, expect, it } from "vitest";
import { ALWAYS_REQUIRED, type ComponentKey, settingsOfAdapter } from "../../../src/core/model/components.ts";
import { generate } from "../../../src/pipeline/generate-checked.ts";
import { InvalidModelError } from "../../../src/core/errors.ts";
import { lint } from "../../../src/pipeline/lint.ts";
import type { Environment, Platform } from "../../../src/core/model/types.ts";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { platform as mini } from "../../fixtures/models/mini.ts";

/** `env` with only the named component settings. */
function withSettings(env: Environment, keys: readonly ComponentKey[]): Environment {
  const components = Object.fromEntries(keys.map((k) => [k, env.components[k]])) as Environment["components"];
  return { ...structuredClone(env), components };
}

describe("component settings are needed only where a release that reads them is installed", () => {
  it.each(streamforge.releases.map((r) => [r.name, r.adapter] as const))(
    "%s generates with only the settings its adapter declares (and the DNS zone's)",
    (name, adapter) => {
      const prod = streamforge.environments[0]!;
      const only: Platform = {
        ...structuredClone(streamforge),
        environments: [{ ...withSettings(prod, [...ALWAYS_REQUIRED, ...(settingsOfAdapter[adapter] ?? [])]), disabled: streamforge.releases.map((r) => r.name).filter((n) => n !== name) }],
      };
      expect(() => generate(only)).not.toThrow();
    },
  );

  it("a missing setting of an installed release is an InvalidModelError naming every release that reads it", () => {
    const prod = streamforge.environments[0]!;
    const keys = (Object.keys(prod.components) as ComponentKey[]).filter((k) => k !== "kafka");
    const broken: Platform = { ...structuredClone(streamforge), environments: [withSettings(prod, keys)] };
    let error: unknown;
    try {
      generate(broken);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidModelError);
    expect((error as InvalidModelError).diagnostics).toEqual([
      expect.objectContaining({ rule: "model/missing-settings", pointer: "/environments/0/components/kafka", message: "environment prod has no components.kafka, which installed release(s) kafka-cluster, kafka-ui need" }),
    ]);
    // Disabling the releases that read it makes the model whole again.
    const disabled = { ...broken, environments: [{ ...broken.environments[0]!, disabled: ["kafka-cluster", "kafka-ui", "gateway-routes"] }] };
    expect(() => generate(disabled)).not.toThrow();
  });

  it("a platform of MetalLB and cert-manager needs only the DNS zone's settings; dropping the rest changes no lint finding", async () => {
    const lintOf = async (platform: Platform) => {
      const tree = new Map(generate(platform).map((f) => [f.path, f.content]));
      return (await lint(platform, { read: (p) => tree.get(p), list: () => [] })).map((d) => `${d.rule} ${d.file} ${d.pointer ?? ""} ${d.message}`).sort();
    };
    const bare: Platform = { ...mini, environments: [withSettings(mini.environments[0]!, ["dns"])] };
    const findings = await lintOf(bare);
    expect(findings).toEqual(await lintOf(mini));
    expect(findings.filter((f) => f.startsWith("storage/"))).toEqual([]);
  });
});
