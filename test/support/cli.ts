/** Runs the CLI in-process with captured output, as a user would call it. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { runCli } from "../../src/cli/run.ts";
import { OWNED_LIST_PATH, parseOwnedList } from "../../src/core/write/owned.ts";

const ROOT = resolve(import.meta.dirname, "../..");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], cwd = process.cwd(), env: Record<string, string | undefined> = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    cwd,
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    isTty: false,
    env,
  });
  return { code, stdout, stderr };
}

export function tempDir(prefix = "streamforge-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every file below `dir`, as sorted relative paths. */
export function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? listFiles(full, root) : [relative(root, full)];
    })
    .sort();
}

/** A fresh copy of the repository (sources, schemas, every generated file, and `extra` entries) sharing node_modules. */
export function copyRepository(extra: readonly string[] = []): string {
  const dir = tempDir("streamforge-repo-");
  const owned = parseOwnedList(readFileSync(join(ROOT, OWNED_LIST_PATH), "utf8"));
  for (const entry of ["src", "schema", "package.json", "tsconfig.json", "versions.yaml", "versions.lock.yaml", ...extra, OWNED_LIST_PATH, ...owned]) {
    if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

/** Every file of a copy with its content, to prove a failed run changed nothing. */
export function treeContents(dir: string): Map<string, string> {
  // The upstream cache is outside git: only the tree counts.
  return new Map(listFiles(dir).filter((p) => !p.startsWith("node_modules") && !p.startsWith(".streamforge/cache/")).map((p) => [p, readFileSync(join(dir, p), "utf8")]));
}

/**
 * Runs a repository's own CLI in a child process without blocking this one, so that servers the
 * test runs (a Helm repository on 127.0.0.1) can answer the child.
 */
export async function repositoryCli(root: string, args: string[], env: Record<string, string | undefined> = process.env): Promise<CliResult> {
  const { execFile } = await import("node:child_process");
  return new Promise((resolvePromise) => {
    execFile(process.execPath, ["--import", "tsx", join(root, "src/cli/main.ts"), ...args], { cwd: root, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === "number" ? ((error as { code: number }).code) : 2) : 0;
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** Runs a shell command without blocking this process. */
export async function shell(command: string, cwd: string, env: Record<string, string | undefined>): Promise<{ status: number; stdout: string; stderr: string }> {
  const { exec } = await import("node:child_process");
  return new Promise((resolvePromise) => {
    exec(command, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolvePromise({ status: error ? (typeof (error as { code?: unknown }).code === "number" ? (error as { code: number }).code : 2) : 0, stdout, stderr });
    });
  });
}
