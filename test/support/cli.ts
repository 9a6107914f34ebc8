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
