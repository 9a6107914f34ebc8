/** The CLI as a process: the only module that touches `process`. */
import { runCli } from "./run.ts";
import { optimiseLater } from "./optimiser-budget.ts";

/** Runs the command line of this process and sets its exit code. */
export async function runProcess(): Promise<void> {
  optimiseLater(process.execArgv, process.env.NODE_OPTIONS);
  // A reader that stops early (`gen --stdout | head`) closes the pipe: stop quietly, as `cat`
  // does, instead of an unhandled EPIPE stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
  process.exitCode = await runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    isTty: Boolean(process.stdout.isTTY),
    env: process.env,
  });
}
