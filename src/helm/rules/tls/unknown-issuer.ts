import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { pointerSegments, toPointer } from "../../../core/diagnostics/locate.ts";
import { didYouMean } from "../../../core/diagnostics/suggest.ts";
import { isObject, type Rule } from "../../../core/lint/context.ts";
import { endpoints } from "../../../core/lint/hosts.ts";
import { certificates, issuerNames } from "./issuers.ts";

/** cert-manager silently issues nothing for an issuer that does not exist. */
export const unknownIssuer: Rule = {
  id: "tls/unknown-issuer",
  description: "every TLS certificate comes from an issuer that exists in the environment",
  check(ctx) {
    const issuers = issuerNames(ctx);
    const known = [...issuers];
    const out: Diagnostic[] = [];
    const hint = (name: string) => didYouMean(name, known) ?? `issuers of ${ctx.env.name}: ${known.join(", ") || "none"}`;
    const certs = certificates(ctx);
    for (const cert of certs) {
      if (!issuers.has(cert.issuer)) out.push(ctx.at(this.id, cert.site, `Certificate for secret ${cert.secretName} names ${cert.issuerKind} "${cert.issuer}", which does not exist`, { hint: hint(cert.issuer) }));
    }
    const fromCertificate = new Set(certs.map((c) => c.secretName));
    for (const e of endpoints(ctx)) {
      if (!e.tls) continue;
      for (const issuer of e.issuers) {
        if (!issuers.has(issuer.name)) out.push(ctx.at(this.id, issuer.site, `${e.what} asks cert-manager for issuer "${issuer.name}", which does not exist`, { hint: hint(issuer.name) }));
      }
      if (e.issuers.length) continue;
      const orphans = e.secrets.filter((s) => !fromCertificate.has(s));
      if (orphans.length || !e.secrets.length) {
        out.push(ctx.at(this.id, e.site, `${e.what} uses TLS ${orphans.length ? `secret ${orphans.join(", ")}` : "without a secret"} that no certificate from an issuer provides`, { hint: `add the annotation cert-manager.io/cluster-issuer: ${ctx.env.ingress.issuer}, or a Certificate for the secret` }));
      }
    }
    // Gateway listeners terminate TLS with secrets that a Certificate (or the gateway's annotation) must provide.
    for (const doc of ctx.kubeObjects) {
      if (doc.kind !== "Gateway" || !isObject(doc.object.spec) || !Array.isArray(doc.object.spec.listeners)) continue;
      const meta = isObject(doc.object.metadata) ? doc.object.metadata : {};
      const annotated = isObject(meta.annotations) && (typeof meta.annotations["cert-manager.io/cluster-issuer"] === "string" || typeof meta.annotations["cert-manager.io/issuer"] === "string");
      if (annotated) {
        const anns = meta.annotations as Record<string, unknown>;
        const name = String(anns["cert-manager.io/cluster-issuer"] ?? anns["cert-manager.io/issuer"]);
        if (!issuers.has(name)) out.push(ctx.at(this.id, { ...doc, pointer: toPointer([...pointerSegments(doc.pointer), "metadata", "annotations"]) }, `Gateway ${String(meta.name)} asks for issuer "${name}", which does not exist`, { hint: hint(name) }));
        continue;
      }
      doc.object.spec.listeners.forEach((listener, i) => {
        if (!isObject(listener) || !isObject(listener.tls) || !Array.isArray(listener.tls.certificateRefs)) return;
        listener.tls.certificateRefs.forEach((ref, j) => {
          if (!isObject(ref) || fromCertificate.has(String(ref.name))) return;
          const pointer = toPointer([...pointerSegments(doc.pointer), "spec", "listeners", i, "tls", "certificateRefs", j, "name"]);
          out.push(ctx.at(this.id, { ...doc, pointer }, `listener "${String(listener.name)}" uses secret ${String(ref.name)}, which no Certificate from an issuer provides`, { hint: `add a Certificate for it from ${ctx.env.ingress.issuer}` }));
        });
      });
    }
    return out;
  },
};
