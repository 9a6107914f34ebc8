import semver from "semver";
import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import type { Rule } from "../../../core/lint/context.ts";
import { isEnabled } from "../../../core/model/derive.ts";
import { atVersion, factsOf } from "./sites.ts";

/** Helm refuses to install a chart whose `kubeVersion` rejects the cluster (A9). */
export const kubeVersionAccepted: Rule = {
  id: "versions/kube-version",
  description: "each chart's kubeVersion constraint accepts the environment's Kubernetes version",
  aboutModel: true,
  check(ctx) {
    const out: Diagnostic[] = [];
    const kube = ctx.env.cluster.kubernetesVersion;
    for (const release of ctx.platform.releases) {
      if (release.chart === "local" || !isEnabled(ctx.env, release)) continue;
      const facts = factsOf(ctx, release.name);
      const version = ctx.env.versions[release.name];
      if (facts === undefined) {
        out.push(atVersion(ctx, this.id, release.name, `no facts recorded for ${release.name} ${version}: its kubeVersion cannot be checked`, { severity: "warning", hint: "record the chart's kubeVersion in the version catalogue" }));
        continue;
      }
      if (facts.kubeVersion === undefined) continue;
      if (!validRange(facts.kubeVersion)) {
        out.push(atVersion(ctx, this.id, release.name, `${release.name} ${version} has an unreadable kubeVersion "${facts.kubeVersion}"`));
      } else if (!accepts(facts.kubeVersion, kube)) {
        out.push(atVersion(ctx, this.id, release.name, `${release.name} ${version} requires Kubernetes ${facts.kubeVersion}, but ${ctx.env.name} runs ${kube}`, { hint: "pick a chart version that supports the cluster, or upgrade the cluster first" }));
      }
    }
    return out;
  },
};

/**
 * Constraints parsed once per process: every environment asks about the same charts' constraints,
 * and semver parses a range string on each call. Same answers as `semver.validRange` and
 * `semver.satisfies(version, range, { includePrerelease: true })`.
 */
const valid = new Map<string, boolean>();
function validRange(range: string): boolean {
  let known = valid.get(range);
  if (known === undefined) valid.set(range, (known = semver.validRange(range) !== null));
  return known;
}

const ranges = new Map<string, semver.Range | null>();
function accepts(range: string, version: string): boolean {
  let parsed = ranges.get(range);
  if (parsed === undefined) {
    try {
      parsed = new semver.Range(range, { includePrerelease: true });
    } catch {
      parsed = null;
    }
    ranges.set(range, parsed);
  }
  return parsed !== null && parsed.test(version);
}
