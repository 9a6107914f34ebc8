/** The derived variable list of the pinned Kubespray release (`schema/kubespray/<tag>/known-vars.json`). */
import { readFileSync } from "node:fs";
import { type KnownVars, knownVarsPath } from "./vars-schema.ts";

const cache = new Map<string, KnownVars>();

/** The known variables of Kubespray `tag`; throws when the project has not derived them. */
export function knownVars(tag: string): KnownVars {
  let vars = cache.get(tag);
  if (!vars) {
    const url = new URL(`../../${knownVarsPath(tag)}`, import.meta.url);
    try {
      vars = JSON.parse(readFileSync(url, "utf8")) as KnownVars;
    } catch {
      throw new Error(`no derived variable list for Kubespray ${tag} (${knownVarsPath(tag)}); run \`npm run schema:infra\``);
    }
    cache.set(tag, vars);
  }
  return vars;
}
