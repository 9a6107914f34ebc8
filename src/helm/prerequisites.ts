/**
 * `prerequisites/<env>.yaml`: what must exist before the first `helmfile apply` (name, namespace,
 * keys and what each holds; never a value), and the Markdown of the README's section.
 */
import type { Environment, Platform } from "../core/model/types.ts";
import { prerequisites } from "../core/model/prerequisites.ts";
import type { FileRecord } from "../core/files.ts";
import { yamlContent } from "../core/yaml.ts";

export function prerequisitesPath(env: string): string {
  return `prerequisites/${env}.yaml`;
}

export function emitPrerequisites(platform: Platform, env: Environment): FileRecord[] {
  const list = prerequisites(platform, env).map((p) => ({
    kind: p.kind,
    name: p.name,
    namespace: p.namespace,
    purpose: p.purpose,
    ...(p.type ? { type: p.type } : {}),
    ...(p.labels ? { labels: p.labels } : {}),
    ...(p.annotations ? { annotations: p.annotations } : {}),
    ...(p.syncedTo ? { copiedTo: p.syncedTo } : {}),
    ...(p.sameAs ? { sameValuesAs: `${p.sameAs.namespace}/${p.sameAs.name}` } : {}),
    keys: p.keys.map((k) => ({ key: k.key, holds: k.holds, value: k.value !== undefined ? `"${k.value}" (from the model)` : k.origin === "platform" ? "random (streamforge secrets create)" : "supplied by a person" })),
  }));
  return [{ path: prerequisitesPath(env.name), ...yamlContent({ environment: env.name, prerequisites: list }), env: env.name }];
}

/** The README's prerequisites section: one table per environment. */
export function prerequisitesMarkdown(platform: Platform): string {
  const lines: string[] = [];
  for (const env of platform.environments) {
    lines.push(`#### ${env.name}`, "", "| Secret | Namespace | Keys | Value |", "| --- | --- | --- | --- |");
    for (const p of prerequisites(platform, env)) {
      const origins = new Set(p.keys.map((k) => k.origin));
      const value = p.sameAs ? `same as \`${p.sameAs.namespace}/${p.sameAs.name}\`` : origins.has("external") ? "supplied by a person" : "random (`secrets create`)";
      lines.push(`| \`${p.name}\` (${p.purpose}) | \`${p.namespace}\` | ${p.keys.map((k) => `\`${k.key}\``).join(", ")} | ${value} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
