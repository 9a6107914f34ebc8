#!/usr/bin/env node
import {
  UsageError
} from "./chunk-FIK2LZX5.mjs";
import "./chunk-USOL5YMT.mjs";
import "./chunk-U2IFGJIN.mjs";

// src/cli/commands/index.ts
var commands = [
  { name: "gen", summary: "write helmfile, environments, values and manifests from the model (or check them)", load: async () => (await import("./gen-SDRQ2IC6.mjs")).gen },
  { name: "lint", summary: "check the model and the generated files: schemas, manifests, cross-layer rules", load: async () => (await import("./lint-4VLBCPIE.mjs")).lint },
  { name: "outdated", summary: "compare pinned chart versions with what their Helm repositories publish", load: async () => (await import("./outdated-Z2YPDEE7.mjs")).outdated },
  { name: "bump", summary: "pin a new chart version, regenerate, re-lint and print a pull-request description", load: async () => (await import("./bump-LDNMWQTP.mjs")).bump },
  { name: "promote", summary: "copy pinned chart versions from one environment to another (lab -> prod)", load: async () => (await import("./promote-KHZZSWWJ.mjs")).promote },
  { name: "cert", summary: "create a key and CSR, get the certificate from cert-manager, save and validate it (S13)", load: async () => (await import("./cert-YJJ3766G.mjs")).cert },
  { name: "dns", summary: "make Technitium DNS serve the model's zones and records (dns sync)", load: async () => (await import("./dns-IOWJGESF.mjs")).dns },
  { name: "schema", summary: "derive JSON schemas: chart values, CRDs, the model (and chart value types)", load: async () => (await import("./schema-35X2H6YF.mjs")).schema }
];

// src/cli/run.ts
function help() {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: streamforge <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `streamforge <command> --help` for a command's options.",
    ""
  ].join("\n");
}
async function runCli(argv, io) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    io.out(help());
    return name === void 0 ? 2 : 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`streamforge: unknown command "${name}"

${help()}`);
    return 2;
  }
  const command = await entry.load();
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`streamforge ${name}: ${error.message}
${command.usage}
`);
      return 2;
    }
    io.err(`streamforge ${name}: ${error.message}
`);
    return 2;
  }
}

// src/cli/main.ts
var code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY),
  env: process.env
});
process.exitCode = code;
