/**
 * A string that stands for a JSON value's content, for memos of checks whose answer depends on
 * the content alone (a schema's verdict on an object): equal strings only for values no check
 * could tell apart. Anything JSON cannot spell exactly (undefined, NaN, -0, a Date, a class
 * instance) gives no key at all, so the caller checks that value itself rather than risk
 * answering for a different one.
 */
export function contentKey(value: unknown): string | undefined {
  let exact = true;
  const text = JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    // `this[key]` is the value before `toJSON` (a Date's), which a check would see.
    const raw = (this as Record<string, unknown>)[key];
    switch (typeof raw) {
      case "string":
      case "boolean":
        return v;
      case "number":
        if (!Number.isFinite(raw) || Object.is(raw, -0)) exact = false;
        return v;
      case "object": {
        if (raw === null || Array.isArray(raw)) return v;
        const proto = Object.getPrototypeOf(raw) as unknown;
        if (proto !== Object.prototype && proto !== null) exact = false;
        return v;
      }
      default:
        // undefined, functions, symbols, bigints: dropped or refused by JSON.
        exact = false;
        return v;
    }
  });
  return exact ? text : undefined;
}
