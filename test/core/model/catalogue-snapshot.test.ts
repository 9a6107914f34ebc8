/**
 * The bundled CLI carries the catalogue it was built with: `loadCatalogue` takes it for a
 * `versions.yaml` of exactly the same text, and parses (and reports the errors of) any other.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CatalogueError, loadCatalogue, parseCatalogue } from "../../../src/core/model/catalogue.ts";
import { catalogueSnapshot } from "../../../scripts/build-time.mjs";

const ROOT = resolve(import.meta.dirname, "../../..");
const text = readFileSync(join(ROOT, "versions.yaml"), "utf8");

/** A package folder holding `versions.yaml` with `content`. */
function packageWith(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), "sf-catalogue-"));
  writeFileSync(join(dir, "versions.yaml"), content);
  return dir;
}

describe("the catalogue snapshot of the bundle", () => {
  it("stands for a file of exactly its text, which is then not parsed", () => {
    // A snapshot that differs from what parsing gives shows which of the two was used.
    const marked = { ...parseCatalogue(text), software: { marker: "from the snapshot" } };
    const catalogue = loadCatalogue(packageWith(text), { text, json: JSON.stringify(marked) });
    expect(catalogue.software).toEqual({ marker: "from the snapshot" });
  });

  it("gives each caller its own copy", () => {
    const dir = packageWith(text);
    const snapshot = { text, json: JSON.stringify(parseCatalogue(text)) };
    const first = loadCatalogue(dir, snapshot);
    first.charts["metallb"]!.version = "changed";
    expect(loadCatalogue(dir, snapshot).charts["metallb"]!.version).not.toBe("changed");
  });

  it("is not used for an edited file: the edit is read", () => {
    const edited = text.replace('version: "0.14.9"', 'version: "0.14.8"');
    expect(edited).not.toBe(text);
    const catalogue = loadCatalogue(packageWith(edited), { text, json: JSON.stringify(parseCatalogue(text)) });
    expect(catalogue.charts["metallb"]!.version).toBe("0.14.8");
  });

  it("does not hide an invalid file: its error names the file, the path and what was expected", () => {
    const dir = packageWith(text.replace('version: "0.14.9"', "version: 1.10"));
    const snapshot = { text, json: JSON.stringify(parseCatalogue(text)) };
    expect(() => loadCatalogue(dir, snapshot)).toThrow(new CatalogueError(`${join(dir, "versions.yaml")}: /charts/metallb/version: expected a quoted, non-empty string, got 1.1`));
  });

  it("is made by the build from versions.yaml with parseCatalogue", async () => {
    const snapshot = await catalogueSnapshot(ROOT);
    expect(snapshot?.text).toBe(text);
    expect(JSON.parse(snapshot!.json)).toEqual(parseCatalogue(text));
  });

  it("is not made from a file that does not parse: the bundle reports its error at run time", async () => {
    const dir = packageWith("charts: [not, a, map]\n");
    expect(await catalogueSnapshot(ROOT, join(dir, "versions.yaml"))).toBeUndefined();
  });
});
