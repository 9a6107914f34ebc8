/**
 * The name of the bundled CLI's folder (`.build/cli-<hash>/`, scripts/cli.mjs): a hash of what the
 * bundle is made from. Plain JavaScript, loaded by every run of the npm scripts.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The files a bundle is made from: every file below `src/`, and the other inputs. */
export function inputs(root) {
  const src = join(root, "src");
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
  const scripts = ["cli.mjs", "build-time.mjs", "bundle-hash.mjs", "code-cache.cjs"].map((name) => join(root, "scripts", name));
  // versions.yaml too: the bundle carries a snapshot of it (scripts/build-time.mjs), used only while the file is unchanged.
  return [...files, join(root, "package.json"), join(root, "package-lock.json"), join(root, "tsconfig.json"), join(root, "versions.yaml"), ...scripts];
}

/** The hash of the inputs' paths and contents: what names a bundle. */
export function contentHash(root, files) {
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(file.slice(root.length)).update("\0");
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update("(absent)");
    }
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * The content hash of the inputs, read again only when the status of one changed. Reading the
 * three hundred files was a sixth of a `gen`; their status is a few milliseconds. Any write to a
 * file changes its status-change time (which no tool can set back), a replaced file its inode: an
 * unchanged status means unchanged contents. The status is taken before the contents are read, so
 * a file written meanwhile is read again next time.
 */
export function sourceHash(root, buildRoot) {
  const files = inputs(root);
  const status = createHash("sha256");
  for (const file of files) {
    let s;
    try {
      s = statSync(file, { bigint: true });
    } catch {
      s = undefined;
    }
    status.update(s ? `${file}\0${s.size}\0${s.mtimeNs}\0${s.ctimeNs}\0${s.ino}\n` : `${file}\0(absent)\n`);
  }
  const key = status.digest("hex");
  const memo = join(buildRoot, "inputs.json");
  try {
    const known = JSON.parse(readFileSync(memo, "utf8"));
    if (known.status === key && typeof known.hash === "string") return known.hash;
  } catch {
    // No memo yet, or an unreadable one: hash the contents.
  }
  const hash = contentHash(root, files);
  try {
    mkdirSync(buildRoot, { recursive: true });
    const temp = `${memo}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ status: key, hash }));
    renameSync(temp, memo);
  } catch {
    // A memo not written costs the next run a content hash, nothing else.
  }
  return hash;
}

