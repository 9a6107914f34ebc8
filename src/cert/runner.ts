/**
 * Running `openssl` and `kubectl`: the only process access of the certificate library. Tests
 * replace `kubectl` with a stand-in through the `PATH` of `env`, or pass a runner of their own.
 */
import { spawn } from "node:child_process";

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `command` with `args`; never rejects for a non-zero exit, only reports it. */
export type Runner = (command: string, args: string[], options?: { input?: string; cwd?: string }) => Promise<RunResult>;

/** A runner over `child_process.spawn`; `env` is the child's whole environment (its PATH finds the tools). */
export function spawnRunner(env: Readonly<Record<string, string | undefined>>): Runner {
  return (command, args, options = {}) =>
    new Promise((resolve) => {
      const child = spawn(command, args, { env: env as NodeJS.ProcessEnv, cwd: options.cwd, stdio: ["pipe", "pipe", "pipe"] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
      child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
      child.on("error", (error) => resolve({ code: 127, stdout: "", stderr: `${command}: ${error.message}` }));
      child.on("close", (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
      child.stdin.on("error", () => undefined);
      child.stdin.end(options.input ?? "");
    });
}

/** The first line of a tool's error output, for messages. */
export function firstLine(text: string): string {
  return text.trim().split("\n")[0] ?? "";
}
