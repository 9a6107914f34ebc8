/**
 * `needs` of each release: the model's own (a Service or storage a release uses) plus what the
 * contracts imply: the release installing the CRD of every custom kind a release renders, and the
 * release whose admission webhook validates those kinds. Derived in every environment the release
 * is installed in, so one helmfile orders every environment.
 */
import type { Environment, Platform, Release } from "../core/model/types.ts";
import { isEnabled } from "../core/model/derive.ts";
import { adaptersOf } from "../core/model/extensions.ts";
import { EnvironmentBuild } from "./environment-build.ts";
import { crdInstallers, releaseContract, type Deployed } from "./charts/evaluate.ts";

function deployedOf(build: EnvironmentBuild, release: Release): Deployed {
  if (release.chart === "local") return { objects: build.objects(release) };
  return { values: build.ctx.values.get(release.name) ?? {} };
}

const IPV4 = String.raw`\b\d{1,3}(?:\.\d{1,3}){3}\b`;

/**
 * What of an environment its needs can depend on: the environment with its identity renamed to
 * placeholders (its name, domain, cluster name and API host, node names, each by its place, and
 * its IPv4 addresses, each by first appearance, so equal addresses stay equal) and without what
 * only the infrastructure reads (its Proxmox settings, its VMs' ids and MACs). The needs come from the
 * kinds, CRD groups and storage classes releases render, which the package's adapters derive from
 * settings, never from names or addresses: two environments with one key imply the same needs.
 * `test/helm/needs-key.test.ts` holds the package's adapters to that.
 */
export function needsKey(env: Environment): string {
  const names = new Map<string, string>([
    [env.name, "$env"],
    [env.domain, "$domain"],
    [env.cluster.name, "$cluster"],
    [env.cluster.apiHost, "$api"],
    ...env.nodes.map((n, i): [string, string] => [n.name, `$node${i}`]),
  ]);
  // One pass, longest name first (a node name holds the cluster's, the domain the environment's);
  // "$" is escaped, so a placeholder never equals text the environment wrote.
  const alternatives = [...names.keys()].filter((n) => n !== "").sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp([IPV4, ...alternatives, String.raw`\$`].join("|"), "g");
  const addresses = new Map<string, string>();
  const { proxmox: _proxmox, ...rest } = env;
  const helmSide = { ...rest, nodes: env.nodes.map(({ vm: { vmid: _vmid, mac: _mac, ...vm }, ...node }) => ({ ...node, vm })) };
  // Renamed in the JSON text at once: names (DNS labels and names) and addresses occur only
  // inside its strings, and a pass over the text costs a fraction of one per string.
  return JSON.stringify(helmSide).replace(pattern, (match) => {
    if (match === "$") return "$$";
    const name = names.get(match);
    if (name !== undefined) return name;
    let placeholder = addresses.get(match);
    if (placeholder === undefined) addresses.set(match, (placeholder = `$ip${addresses.size}`));
    return placeholder;
  });
}

/**
 * Needs derived one environment at a time: generation adds each environment while it emits that
 * environment's files, so no environment's build outlives its turn.
 */
export class NeedsDerivation {
  private readonly extra: Map<string, Set<string>>;
  /** Keys (`needsKey`) of the environments whose needs are in, where `keyed`. */
  private readonly keys = new Set<string>();
  /**
   * Whether `needsKey` stands for an environment here: only where every adapter is the package's.
   * A platform's own adapter is code the package has not checked; such platforms build every
   * environment.
   */
  private readonly keyed: boolean;

  /** `byKey: false` derives from every environment, as a platform with its own adapters does (tests compare both ways). */
  constructor(
    private readonly platform: Platform,
    options: { byKey?: boolean } = {},
  ) {
    this.extra = new Map(platform.releases.map((r) => [r.name, new Set(r.needs)]));
    this.keyed = (options.byKey ?? true) && adaptersOf(platform).length === 0;
  }

  /**
   * What `env` implies, for an environment generation does not build: built here, and dropped,
   * only when no environment added so far has its key.
   */
  addEnvironment(env: Environment): void {
    if (!this.isNew(env)) return;
    this.built.push(env.name);
    this.contribute(new EnvironmentBuild(this.platform, env));
  }

  /** Whether `env` may imply needs not in yet: always, unless `keyed` and an environment with its key was added. */
  private isNew(env: Environment): boolean {
    if (!this.keyed) return true;
    const key = needsKey(env);
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    return true;
  }

  /** The environments `addEnvironment` had to build, in order (what a `--env` run paid for the needs). */
  readonly built: string[] = [];

  /**
   * What `env` implies, from its build; nothing to do where an environment with its key was
   * added (a tenth of the contract work, which the key's JSON costs, for each environment
   * derived from another).
   */
  add(build: EnvironmentBuild): void {
    if (this.isNew(build.ctx.env)) this.contribute(build);
  }

  private contribute(build: EnvironmentBuild): void {
    const { platform } = this;
    const { env } = build.ctx;
    const installed = platform.releases.filter((r) => isEnabled(env, r));
    const contracts = new Map(installed.map((r) => [r.name, releaseContract({ platform, env }, r, deployedOf(build, r))]));
    for (const release of installed) {
      const needs = this.extra.get(release.name)!;
      for (const { group } of contracts.get(release.name)!.renders) {
        for (const installer of crdInstallers(installed, group, contracts)) needs.add(installer.name);
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
