/**
 * `needs` of each release: the model's own (a Service or storage a release uses) plus what the
 * contracts imply: the release installing the CRD of every custom kind a release renders, and the
 * release whose admission webhook validates those kinds. Derived in every environment the release
 * is installed in, so one helmfile orders every environment.
 */
import type { Platform, Release } from "../core/model/types.ts";
import { isEnabled } from "../core/model/derive.ts";
import { EnvironmentBuild } from "./environment-build.ts";
import { crdInstallers, releaseContract, type Deployed } from "./charts/evaluate.ts";

function deployedOf(build: EnvironmentBuild, release: Release): Deployed {
  if (release.chart === "local") return { objects: build.objects(release) };
  return { values: build.ctx.values.get(release.name) ?? {} };
}

/**
 * Needs derived one environment at a time: generation adds each environment while it emits that
 * environment's files, so no environment's build outlives its turn.
 */
export class NeedsDerivation {
  private readonly extra: Map<string, Set<string>>;

  constructor(private readonly platform: Platform) {
    this.extra = new Map(platform.releases.map((r) => [r.name, new Set(r.needs)]));
  }

  /** What `env` implies, from its build. */
  add(build: EnvironmentBuild): void {
    const { platform } = this;
    const { env } = build.ctx;
    const installed = platform.releases.filter((r) => isEnabled(env, r));
    const contracts = new Map(installed.map((r) => [r.name, releaseContract({ platform, env }, r, deployedOf(build, r))]));
    for (const release of installed) {
      const needs = this.extra.get(release.name)!;
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

  /** Every release's needs, by release name, in the platform's release order. */
  result(): Map<string, string[]> {
    const order = this.platform.releases.map((r) => r.name);
    return new Map([...this.extra].map(([name, set]) => [name, order.filter((n) => set.has(n))]));
  }
}

/** Every release's needs, by release name, in the platform's release order. */
export function derivedNeeds(platform: Platform): Map<string, string[]> {
  const derivation = new NeedsDerivation(platform);
  for (const env of platform.environments) derivation.add(new EnvironmentBuild(platform, env));
  return derivation.result();
}
