import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import type { Rule } from "../../../core/lint/context.ts";
import { atVersion, versionSite } from "./sites.ts";

/** An exact release version: optional `v`, three numbers, optional pre-release or build. */
const EXACT = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** How the chart spells its versions, from the other versions the platform records for it. */
function usesV(versions: string[]): boolean | undefined {
  const known = versions.filter((v) => EXACT.test(v));
  if (known.length === 0) return undefined;
  return known.every((v) => v.startsWith("v")) ? true : known.every((v) => !v.startsWith("v")) ? false : undefined;
}

/**
 * A range or `latest` makes two deployments of one commit differ. A chart's own spelling
 * matters too: Helm looks `v1.18.2` up as written, so `1.18.2` finds nothing for cert-manager.
 */
export const exactPin: Rule = {
  id: "versions/exact-pin",
  description: "chart versions are exact pins (no ranges, no latest), in the chart's own format",
  aboutModel: true,
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const release of ctx.platform.releases) {
      if (release.chart === "local") continue;
      const version = ctx.env.versions[release.name];
      // The environment file is what Helmfile reads: a range typed there is checked there too.
      const site = versionSite(ctx, release.name);
      const onDisk = site ? (site.file.docs[0] as Record<string, { version?: unknown } | undefined> | null)?.[release.name]?.version : undefined;
      if (site && onDisk !== undefined && onDisk !== version && !(typeof onDisk === "string" && EXACT.test(onDisk))) {
        out.push(ctx.at(this.id, site, `${release.name} version ${JSON.stringify(onDisk)} in ${site.file.path} is not an exact pin`, { hint: "pin one published version, e.g. 1.2.3; ranges and latest are not allowed" }));
      }
      if (version === undefined) {
        out.push(ctx.model(this.id, ["versions"], `no version pinned for release ${release.name}`, { hint: `add "${release.name}" to the version catalogue` }));
        continue;
      }
      if (!EXACT.test(version)) {
        out.push(atVersion(ctx, this.id, release.name, `${release.name} version "${version}" is not an exact pin`, { hint: "pin one published version, e.g. 1.2.3; ranges and latest are not allowed" }));
        continue;
      }
      // The catalogue's recorded versions show the chart's spelling; environments may be wrong.
      const v = usesV(Object.keys(ctx.platform.chartFacts?.[release.name] ?? {}).filter((known) => known !== version));
      if (v !== undefined && v !== version.startsWith("v")) {
        const fixed = v ? `v${version}` : version.slice(1);
        out.push(atVersion(ctx, this.id, release.name, `${release.name} version "${version}" is not in the chart's format`, { hint: `did you mean "${fixed}"?` }));
      }
    }
    return out;
  },
};
