/** Runs the CLI in-process with captured output, as a user would call it. */
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { runCli } from "../../src/cli/run.ts";

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
