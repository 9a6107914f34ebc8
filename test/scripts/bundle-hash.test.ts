/**
 * The bundled CLI's folder is named by a hash of the files it is made from; the npm scripts read
 * those files again only when the status of one changed (scripts/bundle-hash.mjs). Any change of
 * contents must change the name, even one that keeps the file's size and modification time.
 */
import { describe, expect, it } from "vitest";
import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { contentHash, inputs, sourceHash } from "../../scripts/bundle-hash.mjs";
import { tempDir } from "../support/cli.ts";

/** A package folder with two sources. */
function sources(): { root: string; build: string } {
  const root = tempDir();
  mkdirSync(join(root, "src/core"), { recursive: true });
  writeFileSync(join(root, "src/core/a.ts"), "export const a = 1;\n");
  writeFileSync(join(root, "src/b.ts"), "export const b = 2;\n");
  return { root, build: join(root, ".build") };
}

describe("the bundle's name", () => {
  it("is the hash of the contents, and stays so while nothing changes", () => {
    const { root, build } = sources();
    const first = sourceHash(root, build);
    expect(first).toBe(contentHash(root, inputs(root)));
    expect(sourceHash(root, build)).toBe(first);
  });

  it("is taken from the memo while no file's status changed: the contents are not read again", () => {
    const { root, build } = sources();
    sourceHash(root, build);
    const memo = join(build, "inputs.json");
    writeFileSync(memo, JSON.stringify({ ...JSON.parse(readFileSync(memo, "utf8")), hash: "from-the-memo" }));
    expect(sourceHash(root, build)).toBe("from-the-memo");
  });

  it("changes with an edit that keeps the file's size and modification time", () => {
    const { root, build } = sources();
    const file = join(root, "src/core/a.ts");
    utimesSync(file, 1_000_000, 1_000_000);
    const before = sourceHash(root, build);
    writeFileSync(file, "export const a = 7;\n");
    utimesSync(file, 1_000_000, 1_000_000);
    expect(statSync(file, { bigint: true }).mtimeNs).toBe(1_000_000_000_000_000n);
    const after = sourceHash(root, build);
    expect(after).not.toBe(before);
    expect(after).toBe(contentHash(root, inputs(root)));
  });

  it("changes with a new source file", () => {
    const { root, build } = sources();
    const before = sourceHash(root, build);
    writeFileSync(join(root, "src/c.ts"), "");
    expect(sourceHash(root, build)).not.toBe(before);
  });
});
