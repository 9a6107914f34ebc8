/** A model with one environment wrapped so that every property read of it (at any depth) is recorded. */
import type { Environment, Platform } from "../../src/core/model/types.ts";

export function watching(platform: Platform, watched: string): { platform: Platform; env: Environment; reads: Set<string> } {
  const reads = new Set<string>();
  const wrap = <T extends object>(value: T, path: string): T =>
    new Proxy(value, {
      get(target, key, receiver) {
        const child = Reflect.get(target, key, receiver) as unknown;
        if (typeof key === "symbol") return child;
        reads.add(`${path}/${key}`);
        return child !== null && typeof child === "object" ? wrap(child, `${path}/${key}`) : child;
      },
    });
  // A copy: the embedded model is deeply frozen, and a proxy must return a frozen property's own value.
  const environments = platform.environments.map((e) => (e.name === watched ? wrap(structuredClone(e), "") : e));
  const env = environments.find((e) => e.name === watched);
  if (!env) throw new Error(`no environment ${watched} to watch`);
  return { platform: { ...platform, environments }, env, reads };
}
