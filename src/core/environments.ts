/** Looking up an environment by the name a user typed. */
import type { Environment, Platform } from "./model/types.ts";
import { UsageError } from "./errors.ts";

/** The environment called `name`; a usage error naming the known ones when there is none. */
export function environmentNamed(platform: Platform, name: string): Environment {
  const env = platform.environments.find((e) => e.name === name);
  if (!env) throw new UsageError(`unknown environment "${name}"; the model has: ${platform.environments.map((e) => e.name).join(", ")}`);
  return env;
}
