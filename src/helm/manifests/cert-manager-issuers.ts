import { type ManifestBuilder, managedLabels } from "./kube.ts";

/**
 * The internal CA issuer every host certificate comes from (S7). The CA key pair lives in an
 * existing Secret (`ingress.caSecret`, created out of band): the model only names it (A13).
 */
export const certManagerIssuers: ManifestBuilder = ({ env }) => [
  {
    apiVersion: "cert-manager.io/v1",
    kind: "ClusterIssuer",
    metadata: { name: env.ingress.issuer, labels: managedLabels("cert-manager") },
    spec: { ca: { secretName: env.ingress.caSecret } },
  },
];
