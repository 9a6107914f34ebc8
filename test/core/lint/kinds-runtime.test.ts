/**
 * How the bundle's copy of kubernetes-models' libraries reaches kind modules
 * (`src/core/lint/kinds-runtime.ts`): a prebundled kind file gets it through its `require`, and
 * kinds loaded from node_modules get it only where node_modules holds the very versions it was
 * bundled from. A fake node_modules in a temporary folder stands for the installed packages.
 */
import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { tempDir } from "../../support/cli.ts";
import { installedVersion, loadWithRuntime, shareRuntime, type KindsRuntime } from "../../../src/core/lint/kinds-runtime.ts";

/** A folder holding `files` (path -> text). */
function tree(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Installed kubernetes-models libraries of the given versions, and a kind module requiring them. */
function installed(base: string, validate: string): string {
  return tree({
    "node_modules/kubernetes-models/v1/Thing.js": 'exports.base = require("@kubernetes-models/base"); exports.validate = require("@kubernetes-models/validate");',
    "node_modules/@kubernetes-models/base/package.json": JSON.stringify({ name: "@kubernetes-models/base", version: base, main: "dist/index.js" }),
    "node_modules/@kubernetes-models/base/dist/index.js": 'exports.own = "base";',
    "node_modules/@kubernetes-models/validate/package.json": JSON.stringify({ name: "@kubernetes-models/validate", version: validate, main: "dist/index.js" }),
    "node_modules/@kubernetes-models/validate/dist/index.js": 'exports.own = "validate";',
  });
}

const runtime: KindsRuntime = {
  modules: () => ({ "@kubernetes-models/base": ours.base, "@kubernetes-models/validate": ours.validate }),
  versions: { "@kubernetes-models/base": "5.0.1", "@kubernetes-models/validate": "4.0.0" },
};
const ours = { base: { ours: "base" }, validate: { ours: "validate" } };

describe("the bundle's kubernetes-models libraries", () => {
  it("are what a prebundled kind file's require gives for them; anything else is node's, from the file's folder", () => {
    const dir = tree({
      "kinds/v1/Thing.cjs": `
        exports.base = require("@kubernetes-models/base");
        exports.validate = require("@kubernetes-models/validate");
        exports.local = require("./local.cjs");
        module.exports.where = [__filename, __dirname];`,
      "kinds/v1/local.cjs": "module.exports = 42;",
    });
    const file = join(dir, "kinds/v1/Thing.cjs");
    expect(loadWithRuntime(file, runtime)).toEqual({ base: ours.base, validate: ours.validate, local: 42, where: [file, dirname(file)] });
  });

  it("are shared with kinds from node_modules holding the versions they were bundled from", () => {
    const dir = installed("5.0.1", "4.0.0");
    const kindFile = join(dir, "node_modules/kubernetes-models/v1/Thing.js");
    expect(shareRuntime(kindFile, runtime)).toBe(true);
    const thing = createRequire(import.meta.url)(kindFile) as { base: unknown; validate: unknown };
    expect(thing.base).toBe(ours.base);
    expect(thing.validate).toBe(ours.validate);
  });

  it("leave kinds from node_modules their own libraries when either installed version differs", () => {
    for (const [base, validate] of [["5.0.2", "4.0.0"], ["5.0.1", "4.1.0"]] as const) {
      const dir = installed(base, validate);
      const kindFile = join(dir, "node_modules/kubernetes-models/v1/Thing.js");
      expect(shareRuntime(kindFile, runtime), `${base} ${validate}`).toBe(false);
      expect(createRequire(import.meta.url)(kindFile)).toEqual({ base: { own: "base" }, validate: { own: "validate" } });
    }
  });

  it("are not shared where node_modules' copy is loaded already: one copy per name", () => {
    const dir = installed("5.0.1", "4.0.0");
    const kindFile = join(dir, "node_modules/kubernetes-models/v1/Thing.js");
    createRequire(kindFile)("@kubernetes-models/validate");
    expect(shareRuntime(kindFile, runtime)).toBe(false);
    expect(createRequire(import.meta.url)(kindFile)).toEqual({ base: { own: "base" }, validate: { own: "validate" } });
  });

  it("compare the version of the nearest package.json above the main file that names a package, which must be that package", () => {
    const dir = installed("5.0.1", "4.0.0");
    writeFileSync(join(dir, "node_modules/@kubernetes-models/base/dist/package.json"), '{ "type": "commonjs" }');
    expect(installedVersion(join(dir, "node_modules/@kubernetes-models/base/dist/index.js"), "@kubernetes-models/base")).toBe("5.0.1");
    expect(installedVersion(join(dir, "node_modules/@kubernetes-models/base/dist/index.js"), "@kubernetes-models/validate")).toBeUndefined();
  });
});
