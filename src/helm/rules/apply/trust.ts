import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { webBackends } from "../../charts/web-backends.ts";
import { webHosts } from "../../../core/model/derive.ts";
import { isObject, walk, type LintFile, type Rule, type SitedVisit } from "../../../core/lint/context.ts";
import { inventory } from "./inventory.ts";
import { ownAdapter } from "../../../core/model/extensions.ts";

/** Keys whose URL a browser follows (redirects, links), not a call the pod makes itself. */
const BROWSER_KEY = /redirect|logout|signout|root_?url|externalUrl|publicBaseUrl|baseUrl|webOrigins|auth_url|authorization_endpoint/i;
/** Keys that switch certificate verification off. */
const SKIP_VERIFY = /^(tlsSkipVerify|insecure_skip_verify|insecureSkipVerify|tls_skip_verify_insecure|skip_tls_verify|skipTlsVerify)$/;

/**
 * Every web host's certificate comes from the platform CA (A11), which no image trusts by default:
 * a pod that calls such a host without that CA fails its TLS handshake (an OIDC login, a data source).
 */
export const platformCaTrust: Rule = {
  id: "apply/platform-ca-trust",
  description: "every client of an internal HTTPS endpoint whose certificate the platform CA issues is given that CA, and no client turns verification off",
  check(ctx) {
    const { platform, env } = ctx;
    const inv = inventory(ctx);
    const out: Diagnostic[] = [];
    const servedBy = new Map(webHosts(env).map(({ ui, fqdn }) => [fqdn, webBackends[ui].release]));
    // The first document's values of each values file, from the context's one walk (same order).
    const visits = new Map<LintFile, SitedVisit[]>();
    // Tested by `doc` and `file`: `site` builds the value's pointer, needed for a finding only.
    const values = ctx.values();
    for (let index = 0; index < values.length; index++) {
      const visit = values[index]!;
      if (visit.doc !== 0 || visit.file.kind !== "values") continue;
      const list = visits.get(visit.file);
      if (list) list.push(visit);
      else visits.set(visit.site.file, [visit]);
    }
    for (const file of ctx.deployed.filter((f) => f.kind === "values" && f.release)) {
      const release = file.release!;
      if (!inv.contracts.has(release.name)) continue;
      const calls: Array<{ host: string; visit: SitedVisit }> = [];
      const data = file.docs[0];
      for (const visit of visits.get(file) ?? []) {
        const { value, key, parent } = visit;
        if (typeof key === "string" && SKIP_VERIFY.test(key) && value === true) {
          out.push(ctx.at(this.id, { file, doc: 0, pointer: visit.site.pointer }, `${release.name} turns certificate verification off (${key}: true)`, { hint: "give the client the CA of the endpoint instead" }));
        }
        // Both patterns below need "https://" in the line: most values have none.
        if (typeof value !== "string" || !value.includes("https://") || !isObject(parent) && !Array.isArray(parent)) continue;
        for (const line of value.split("\n")) {
          const m = /^\s*"?([A-Za-z0-9_.-]+)"?\s*[:=]\s*"?https:\/\/([a-z0-9.-]+)/.exec(line) ?? (/^https:\/\/([a-z0-9.-]+)/.exec(line) ? [line, String(key), /^https:\/\/([a-z0-9.-]+)/.exec(line)![1]] : null);
          if (!m) continue;
          const [, lineKey, host] = m;
          const server = servedBy.get(host!);
          if (!server || server === release.name || BROWSER_KEY.test(lineKey!) || BROWSER_KEY.test(String(key))) continue;
          calls.push({ host: host!, visit });
        }
      }
      if (!calls.length) continue;
      const settings = inv.contracts.get(release.name)!.trustsPlatformCa ?? [];
      const given = settings.some((s) => [...walk(data)].some(({ key, value }) => typeof key === "string" && (typeof s.key === "string" ? key === s.key : s.key.test(key)) && (typeof value === "string" ? value !== "" && (s.contains === undefined || value.includes(s.contains)) : Array.isArray(value) && value.length > 0)));
      if (given) continue;
      const first = calls[0]!;
      out.push(ctx.at(this.id, { file, doc: 0, pointer: first.visit.site.pointer }, `${release.name} calls https://${first.host}, whose certificate ${env.ingress.issuer} issues, but is not given the platform CA`, {
        hint: settings.length
          ? `set ${settings.map((s) => String(s.key)).join(" or ")} to the CA the platform distributes`
          : ownAdapter(platform, release.adapter)
            ? `declare in the contract of the platform's adapter "${release.adapter}" (trustsPlatformCa) where its chart takes a CA, and set it`
            : `declare in src/helm/charts/contracts.ts where ${release.adapter} takes a CA, and set it`,
      }));
    }
    return out;
  },
};
