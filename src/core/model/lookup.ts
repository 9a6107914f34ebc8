/**
 * Tables keyed by names from the model (adapters, subcommands) are plain objects, so a name like
 * `toString` or `constructor` would find Object.prototype's member instead of nothing. This module
 * sits in core/model, the innermost layer, so that the model's own derivations can use it too.
 */

/** The value `table` holds under its own key `key`; undefined for an inherited or absent key. */
export function lookup<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
