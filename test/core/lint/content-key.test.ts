/**
 * `contentKey` keys memos of checks by what a value holds. Equal keys must mean values no check
 * can tell apart; values JSON cannot spell exactly get no key, so they are always checked.
 */
import { describe, expect, it } from "vitest";
import { contentKey } from "../../../src/core/lint/content-key.ts";

describe("contentKey", () => {
  it("is equal for equal JSON content built separately, and differs when any value differs", () => {
    const a = { kind: "Service", spec: { ports: [{ port: 80 }], type: "ClusterIP" } };
    expect(contentKey(structuredClone(a))).toBe(contentKey(a));
    expect(contentKey({ ...a, spec: { ...a.spec, ports: [{ port: 81 }] } })).not.toBe(contentKey(a));
    expect(contentKey({ a: "1" })).not.toBe(contentKey({ a: 1 }));
    expect(contentKey({ a: null })).not.toBe(contentKey({}));
  });

  it("gives no key where JSON would merge different values", () => {
    // Each of these would serialize like a different value (absent key, null, "…" or 0).
    expect(contentKey({ a: undefined })).toBeUndefined();
    expect(contentKey([1, undefined])).toBeUndefined();
    expect(contentKey({ a: Number.NaN })).toBeUndefined();
    expect(contentKey({ a: Number.POSITIVE_INFINITY })).toBeUndefined();
    expect(contentKey({ a: -0 })).toBeUndefined();
    expect(contentKey({ a: new Date(0) })).toBeUndefined();
    expect(contentKey({ a: new Map() })).toBeUndefined();
    expect(contentKey({ a: () => 1 })).toBeUndefined();
    expect(contentKey({ a: { b: [{ c: undefined }] } })).toBeUndefined();
  });

  it("accepts objects without a prototype, which YAML and JSON parsers may give", () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
    expect(contentKey(bare)).toBe(contentKey({ a: 1 }));
  });
});
