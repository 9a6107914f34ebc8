/**
 * The package as `npm pack` makes it (which runs `prepare`, the build), installed into a consumer
 * folder the way npm lays it out: `node_modules/@streamforge/platform` holding exactly the
 * tarball's files, and `node_modules/.bin/streamforge`. Packed once per test file: the build is the
 * expensive part. Dependencies link to this repository's node_modules, so nothing is downloaded.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { tempDir } from "./cli.ts";

export const ROOT = resolve(import.meta.dirname, "../..");

export interface Packed {
  tarball: string;
  /** Paths inside the tarball, without the `package/` prefix. */
  files: string[];
}

let packed: Packed | undefined;

export function packOnce(): Packed {
  if (packed) return packed;
  const dest = tempDir("streamforge-pack-");
  execFileSync("npm", ["pack", "--pack-destination", dest, "--silent"], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  const name = readdirSync(dest).find((f) => f.endsWith(".tgz"));
  if (!name) throw new Error(`npm pack wrote no tarball in ${dest}`);
  const tarball = join(dest, name);
  const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ""));
  packed = { tarball, files };
  return packed;
}

/** Unpacks the tarball under `consumer/node_modules` and links its bin; returns the package folder. */
export function installPacked(consumer: string): string {
  const { tarball } = packOnce();
  const pkg = join(consumer, "node_modules/@streamforge/platform");
  mkdirSync(pkg, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", pkg, "--strip-components=1"]);
  symlinkSync(join(ROOT, "node_modules"), join(pkg, "node_modules"));
  mkdirSync(join(consumer, "node_modules/.bin"), { recursive: true });
  symlinkSync("../@streamforge/platform/dist/cli/main.cjs", join(consumer, "node_modules/.bin/streamforge"));
  return pkg;
}

/** Runs the repository's TypeScript compiler in `cwd`. */
export function tsc(cwd: string, args: string[] = []): string {
  return execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), ...args], { cwd, encoding: "utf8" });
}
