/**
 * `insideOf`: every path the writer touches is checked to stay in the output folder. Plain relative
 * paths take a fast join; the result must be what `resolve` gives, and anything that could escape
 * (absolute, `..`, `.`, empty segments) must still be resolved and refused when outside.
 */
import { describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { inside, insideOf } from "../../../src/core/write/journal.ts";

describe("insideOf", () => {
  const root = "/srv/out";
  const at = insideOf(root);

  it("joins plain relative paths exactly as resolve does", () => {
    for (const path of ["helmfile.yaml.gotmpl", "values/prod/app.yaml", ".streamforge/owned-files.txt", "a..b/c.", "...x/y"]) {
      expect(at(path)).toBe(resolve(root, path));
    }
    expect(insideOf("relative/out")("x/y.yaml")).toBe(resolve("relative/out", "x/y.yaml"));
    expect(insideOf("/")("x")).toBe("/x");
  });

  it("resolves paths with odd segments, keeping those that stay inside", () => {
    expect(at("a//b")).toBe("/srv/out/a/b");
    expect(at("./a/./b")).toBe("/srv/out/a/b");
    expect(at("a/../b")).toBe("/srv/out/b");
    expect(at("/srv/out/a")).toBe("/srv/out/a");
  });

  it("refuses paths outside the folder, and the folder itself", () => {
    for (const path of ["../x", "a/../../x", "/etc/passwd", "", ".", "a/..", "/srv/outside/x", "/srv/out"]) {
      expect(() => at(path), path).toThrow(`refusing path outside the output directory: ${path}`);
    }
    expect(() => inside(root, "..")).toThrow(/refusing path outside/);
  });
});
