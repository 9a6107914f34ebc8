import { type ManifestBuilder, managedLabels } from "./kube.ts";
import { namespaceOf } from "../../core/model/derive.ts";

/** The environment's L2 pool (S4, A7) and its advertisement. */
export const metallbPools: ManifestBuilder = ({ platform, env }) => {
  const namespace = namespaceOf(platform, "metallb");
  const { pool } = env.ingress;
  const labels = managedLabels("metallb");
  return [
    {
      apiVersion: "metallb.io/v1beta1",
      kind: "IPAddressPool",
      metadata: { name: "lan", namespace, labels },
      spec: { addresses: [`${pool.from}-${pool.to}`], autoAssign: false, avoidBuggyIPs: true },
    },
    {
      apiVersion: "metallb.io/v1beta1",
      kind: "L2Advertisement",
      metadata: { name: "lan", namespace, labels },
      spec: { ipAddressPools: ["lan"] },
    },
  ];
};
