#!/usr/bin/env node
/** Entry point: the only module that touches `process`. */
import { runCli } from "./run.ts";

const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY),
  env: process.env,
});
process.exitCode = code;
