/**
 * `needs` of each release: the model's own (a Service or storage a release uses) plus what the
 * contracts imply: the release installing the CRD of every custom kind a release renders, and the
 * release whose admission webhook validates those kinds. Derived in every environment the release
 * is installed in, so one helmfile orders every environment.
 */
import type { Platform, Release } from "../core/model/types.ts";
import { isEnabled } from "../core/model/derive.ts";
import type { Values } from "./charts/adapter.ts";
import { runManifestBuilder, runValuesAdapter } from "./adapters.ts";
import { crdInstallers, releaseContract, type Deployed } from "./charts/evaluate.ts";

type Env = Platform["environments"][number];

function deployedOf(platform: Platform, env: Env, values: ReadonlyMap<string, Values>, release: Release): Deployed {
  if (release.chart === "local") return { objects: runManifestBuilder({ platform, env, values }, release) };
  return { values: values.get(release.name) ?? {} };
}

/** Every release's needs, by release name, in the platform's release order. */
export function derivedNeeds(platform: Platform): Map<string, string[]> {
  const extra = new Map<string, Set<string>>(platform.releases.map((r) => [r.name, new Set(r.needs)]));
  for (const env of platform.environments) {
    const installed = platform.releases.filter((r) => isEnabled(env, r));
    const values = new Map(installed.flatMap((r) => (r.chart === "local" ? [] : [[r.name, runValuesAdapter(platform, env, r)] as const])));
    const contracts = new Map(installed.map((r) => [r.name, releaseContract({ platform, env }, r, deployedOf(platform, env, values, r))]));
    for (const release of installed) {
      const needs = extra.get(release.name)!;
      for (const { group } of contracts.get(release.name)!.renders) {
        for (const installer of crdInstallers(installed, group)) needs.add(installer.name);
        for (const other of installed) if (contracts.get(other.name)!.validates?.includes(group)) needs.add(other.name);
      }
      // A claim waits for the release that creates its storage class.
      for (const claim of contracts.get(release.name)!.claims ?? []) {
        for (const other of installed) if (contracts.get(other.name)!.creates.some((p) => p.kind === "StorageClass" && p.name === claim.storageClass)) needs.add(other.name);
      }
      needs.delete(release.name);
    }
  }
  const order = platform.releases.map((r) => r.name);
  return new Map([...extra].map(([name, set]) => [name, order.filter((n) => set.has(n))]));
}
