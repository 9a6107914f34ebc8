/**
 * Deep freezing for models shared by reference. The embedded model is imported by every consumer
 * of the package in a process; a consumer's assignment must fail at that line (ESM code is strict,
 * so it throws) instead of silently changing what every later `generate()` produces.
 */

/** Freezes `value` and everything reachable from it; returns it for chaining. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  return value;
}
