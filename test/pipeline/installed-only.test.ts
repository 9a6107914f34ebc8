import { describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.ts";
import { lint } from "../../src/pipeline/lint.ts";
import type { Platform } from "../../src/core/model/types.ts";
import { streamforge } from "../../src/platform/streamforge.ts";
import { platform as mini } from "../fixtures/models/mini.ts";

/** Mini plus the storage-classes release, with the environment's classes replaced. */
function withStorageRelease(classes: Platform["environments"][number]["storageClasses"]): Platform {
  const env = { ...structuredClone(mini.environments[0]!), storageClasses: classes };
  return { ...mini, releases: [...mini.releases, streamforge.releases.find((r) => r.name === "storage-classes")!], environments: [env] };
}

async function findings(platform: Platform) {
  const tree = new Map(generate(platform).map((f) => [f.path, f.content]));
  return lint(platform, { read: (p) => tree.get(p), list: () => [] });
}

describe("lint looks at what is installed", () => {
  it("reports no storage class of a component whose release is not installed, though its settings are still in the model", async () => {
    const platform = withStorageRelease([{ name: "only", provisioner: "nfs-subdir", accessModes: ["ReadWriteMany"], default: true }]);
    expect(platform.environments[0]!.components.kafka?.storageClass).toBe("linstor-r2");
    expect((await findings(platform)).filter((d) => d.rule.startsWith("storage/"))).toEqual([]);
  });

  it("reports an installed local release that gets no manifests (Helmfile's chart folder would not exist)", async () => {
    // Only GlusterFS classes are written by the release (the others come from their provisioners).
    const platform = withStorageRelease([{ name: "only", provisioner: "nfs-subdir", accessModes: ["ReadWriteMany"], default: true }]);
    const empty = (await findings(platform)).filter((d) => d.rule === "helmfile/empty-local-release");
    expect(empty).toEqual([expect.objectContaining({ pointer: "/releases/4", message: expect.stringContaining("local release storage-classes is installed in home but the model gives it no manifests") })]);
    const disabled = { ...platform, environments: [{ ...platform.environments[0]!, disabled: ["storage-classes"] }] };
    expect((await findings(disabled)).filter((d) => d.rule === "helmfile/empty-local-release")).toEqual([]);
  });
});
