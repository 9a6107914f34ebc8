#!/usr/bin/env node
/** Entry point: the only module that touches `process`. */
import { runCli } from "./run.ts";

// A reader that stops early (`gen --stdout | head`) closes the pipe: stop quietly, as `cat` does,
// instead of an unhandled EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY),
  env: process.env,
});
process.exitCode = code;
