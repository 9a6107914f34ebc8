/**
 * Typed overrides: an environment derived from another one names only what differs.
 * Objects merge key by key; arrays and scalars replace whole, so a list of nodes is never
 * half-merged with the list it replaces.
 */

/** What an override may say about `T`. */
export type Override<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: Override<T[K]> }
    : T;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Returns a new value: `base` with `patch` applied. Neither input is modified. */
export function applyOverride<T>(base: T, patch: Override<T>): T {
  if (!isPlainObject(base) || !isPlainObject(patch)) {
    return structuredClone(patch as T);
  }
  const out: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = key in out ? applyOverride(out[key], value as Override<unknown>) : structuredClone(value);
  }
  return out as T;
}
