/** Runs one rule on a model's generated files (plus extra hand-made files), as `lint` would. */
import { generate } from "../../../src/pipeline/generate.ts";
import { LintFile, RuleContext, type FileKind, type Rule } from "../../../src/core/lint/context.ts";
import type { Diagnostic } from "../../../src/core/diagnostics/types.ts";
import type { Platform } from "../../../src/core/model/types.ts";

function kindOf(path: string): FileKind {
  if (path.startsWith("values/")) return "values";
  if (path.startsWith("manifests/")) return "manifest";
  return "other";
}

export function runRule(rule: Rule, platform: Platform, envName: string, extra: Array<{ path: string; text: string }> = []): Diagnostic[] {
  const env = platform.environments.find((e) => e.name === envName);
  if (!env) throw new Error(`no environment ${envName}`);
  const files = generate(platform)
    .filter((r) => r.env === undefined || r.env === envName)
    .map((r) => ({ path: r.path, text: r.content }))
    .concat(extra)
    .map((f) => new LintFile(f.path, f.text, kindOf(f.path), platform.releases.find((r) => f.path.split("/").includes(r.name) || f.path.endsWith(`/${r.name}.yaml`))));
  return rule.check(new RuleContext(platform, env, files, "src/platform/streamforge.ts"));
}
