/**
 * The same shape checks `lint` makes on the platform's manifests, for a service's files: built-in
 * kinds against kubernetes-models, custom resources against the committed CRD schemas
 * (`schema/crds`, plus any extra schema folders), and kinds without a schema.
 */
import type { Diagnostic } from "../core/diagnostics/types.ts";
import type { FileRecord } from "../core/files.ts";
import type { Environment, Platform } from "../core/model/types.ts";
import { LintFile, RuleContext } from "../core/lint/context.ts";
import { checkManifests, checkYaml } from "../core/lint/schema-checks.ts";
import { useExtraSchemaDirs } from "../core/schema/validators.ts";
import { environmentNamed } from "../core/environments.ts";

export async function lintServiceFiles(platform: Platform, env: string | Environment, files: readonly FileRecord[], options: { schemaDirs?: readonly string[] } = {}): Promise<Diagnostic[]> {
  useExtraSchemaDirs(options.schemaDirs ?? []);
  const environment = typeof env === "string" ? environmentNamed(platform, env) : env;
  const manifests = files.filter((f) => /\.ya?ml$/.test(f.path) && !f.path.endsWith(".gitlab-ci.yml")).map((f) => new LintFile(f.path, f.content, "manifest", undefined));
  const ctx = new RuleContext(platform, environment, manifests, "service");
  return [...checkYaml(manifests), ...(await checkManifests(ctx))];
}
