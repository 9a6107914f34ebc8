/** Step 3 of S13: the cert-manager `CertificateRequest` for a CSR. */
import { createHash } from "node:crypto";
import { orderKubeObject, toYaml } from "../core/yaml.ts";
import type { CertParams } from "./params.ts";

/** A name that changes with the CSR, since a CertificateRequest's `spec.request` is immutable. */
export function requestName(name: string, csrPem: string): string {
  return `${name}-${createHash("sha256").update(csrPem).digest("hex").slice(0, 8)}`;
}

export function certificateRequest(params: CertParams, csrPem: string): Record<string, unknown> {
  const usages = params.keyAlgorithm === "RSA" ? ["digital signature", "key encipherment", "server auth"] : ["digital signature", "server auth"];
  return orderKubeObject({
    apiVersion: "cert-manager.io/v1",
    kind: "CertificateRequest",
    metadata: {
      name: requestName(params.name, csrPem),
      namespace: params.namespace,
      labels: { "app.kubernetes.io/managed-by": "streamforge-cert", "streamforge.io/certificate": params.name },
    },
    spec: {
      request: Buffer.from(csrPem, "utf8").toString("base64"),
      issuerRef: { name: params.issuer, kind: "ClusterIssuer", group: "cert-manager.io" },
      duration: `${params.durationHours}h`,
      usages,
    },
  });
}

/** The request as a YAML file with a header naming the command (it is not a `gen` output). */
export function certificateRequestYaml(params: CertParams, csrPem: string): string {
  return `# Created by \`streamforge cert ${params.name}\` for environment ${params.env}; submit with kubectl create -f.\n${toYaml(certificateRequest(params, csrPem))}`;
}
