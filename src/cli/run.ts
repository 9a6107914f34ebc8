/** The CLI as a function of its arguments and I/O, so tests run it in-process. */
import type { Io } from "./io.ts";
import { commands } from "./commands/index.ts";
import { StreamforgeError, UsageError } from "../core/errors.ts";
import { readFileSync } from "node:fs";

/** The package's own version: package.json sits two levels above both `src/cli/` and `dist/cli/`. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
}

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: streamforge <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `streamforge <command> --help` for a command's options; `streamforge --version` prints the version.",
    "",
  ].join("\n");
}

/** Runs one command line; returns the exit code: 0 ok, 1 findings, 2 usage or internal error. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(help());
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-V" || name === "version") {
    io.out(`${packageVersion()}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`streamforge: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  const command = await entry.load();
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`streamforge ${name}: ${error.message}\n${command.usage}\n`);
      return error.exitCode;
    }
    if (error instanceof StreamforgeError) {
      io.err(`streamforge ${name}: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ""}`);
      return error.exitCode;
    }
    // Not raised on purpose: a bug or an unexpected failure of the system.
    io.err(`streamforge ${name}: ${(error as Error).message}\n`);
    return 2;
  }
}
