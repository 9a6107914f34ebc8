/** Where version facts of an environment stand in its generated files. */
import type { RuleContext, Site } from "../../../core/lint/context.ts";
import type { Diagnostic } from "../../../core/diagnostics/types.ts";

/** The `<release>.version` entry of `environments/<env>.yaml`, where Helmfile reads the pin. */
export function versionSite(ctx: RuleContext, release: string): Site | undefined {
  const file = ctx.files.find((f) => f.path === `environments/${ctx.env.name}.yaml`);
  return file ? { file, doc: 0, pointer: `/${release}/version` } : undefined;
}

/** A diagnostic at a release's pinned version: in the environment file, else in the model. */
export function atVersion(ctx: RuleContext, rule: string, release: string, message: string, options: { hint?: string; severity?: "error" | "warning" } = {}): Diagnostic {
  const site = versionSite(ctx, release);
  return site ? ctx.at(rule, site, message, options) : ctx.model(rule, ["versions", release], message, options);
}

/** The facts the platform records for the version an environment pins. */
export function factsOf(ctx: RuleContext, release: string) {
  const version = ctx.env.versions[release];
  return version === undefined ? undefined : ctx.platform.chartFacts?.[release]?.[version];
}
