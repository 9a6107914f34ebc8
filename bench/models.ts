/**
 * The bench's models: the embedded StreamForge platform with N environments, derived from prod
 * and lab (alternately), each on its own LAN, domain, cluster and VM ids, so that cost can be
 * compared between 1 and 50 environments of the same kind. They share the Proxmox hosts, as lab
 * and prod do, so lint finds capacity problems in the larger model: that is work lint must do.
 */
import type { Environment, Platform } from "../src/core/model/types.ts";
import { streamforge } from "../src/platform/streamforge.ts";

function derive(base: Environment, i: number): Environment {
  const name = `${base.name}${i}`;
  const cluster = base.cluster.name;
  const text = JSON.stringify(base)
    // The LAN and every address in it.
    .replaceAll("192.168.1.", `10.${Math.floor(i / 200)}.${i % 200}.`)
    // Node and API host names start with the cluster's name.
    .replaceAll(`"${cluster}`, `"${cluster}x${i}`);
  const env = JSON.parse(text) as Environment;
  env.name = name;
  env.domain = `${name}.dmz.home`;
  for (const node of env.nodes) if (node.vm) node.vm.vmid = 10_000 + i * 100 + (node.vm.vmid % 100);
  return env;
}

/** The StreamForge platform with `count` environments. */
export function benchPlatform(count: number): Platform {
  const bases = streamforge.environments;
  const environments = Array.from({ length: count }, (_, i) => derive(bases[i % bases.length]!, i));
  return { ...structuredClone(streamforge), environments, defaultEnvironment: environments[0]!.name };
}
