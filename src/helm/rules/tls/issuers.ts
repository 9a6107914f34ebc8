/** cert-manager issuers and certificates of an environment. */
import { toPointer, pointerSegments } from "../../../core/diagnostics/locate.ts";
import { isObject, type RuleContext, type Site } from "../../../core/lint/context.ts";

export interface CertificateInfo {
  secretName: string;
  issuer: string;
  issuerKind: string;
  site: Site;
}

/** Names of the ClusterIssuers and Issuers the environment's manifests create. */
export function issuerNames(ctx: RuleContext): Set<string> {
  const names = new Set<string>();
  for (const doc of ctx.kubeObjects) {
    if ((doc.kind === "ClusterIssuer" || doc.kind === "Issuer") && doc.apiVersion.startsWith("cert-manager.io/") && isObject(doc.object.metadata)) {
      names.add(String(doc.object.metadata.name));
    }
  }
  return names;
}

export function certificates(ctx: RuleContext): CertificateInfo[] {
  const out: CertificateInfo[] = [];
  for (const doc of ctx.kubeObjects) {
    if (doc.kind !== "Certificate" || !isObject(doc.object.spec)) continue;
    const { secretName, issuerRef } = doc.object.spec;
    if (typeof secretName !== "string" || !isObject(issuerRef)) continue;
    out.push({
      secretName,
      issuer: String(issuerRef.name),
      issuerKind: String(issuerRef.kind ?? "Issuer"),
      site: { ...doc, pointer: toPointer([...pointerSegments(doc.pointer), "spec", "issuerRef", "name"]) },
    });
  }
  return out;
}
