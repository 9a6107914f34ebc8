/**
 * `lookup` finds only a table's own keys: a name from the model that happens to be a member of
 * Object.prototype (an adapter called `toString`) finds nothing, instead of a function that was
 * never registered.
 */
import { describe, expect, it } from "vitest";
import { lookup } from "../../../src/core/model/lookup.ts";

describe("lookup", () => {
  it("an empty table has no toString, constructor or __proto__", () => {
    expect(lookup({}, "toString")).toBeUndefined();
    expect(lookup({}, "constructor")).toBeUndefined();
    expect(lookup({}, "hasOwnProperty")).toBeUndefined();
    expect(lookup({}, "__proto__")).toBeUndefined();
  });

  it("returns the value of an own key, including one named like a prototype member", () => {
    const table: Record<string, number> = { traefik: 1, toString: 2 };
    expect(lookup(table, "traefik")).toBe(1);
    expect(lookup(table, "toString")).toBe(2);
    expect(lookup(table, "metallb")).toBeUndefined();
  });

  it("ignores keys a table inherits from its prototype", () => {
    const table: Record<string, string> = Object.create({ inherited: "from the prototype" });
    table.own = "own";
    expect(lookup(table, "inherited")).toBeUndefined();
    expect(lookup(table, "own")).toBe("own");
  });
});
