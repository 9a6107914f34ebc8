import type { CommandSpec } from "../args.ts";
import { defineCommand, envOption, modelOption } from "../command.ts";
import { UsageError } from "../../core/errors.ts";
import { TechnitiumError, technitiumClient } from "../../dns/technitium.ts";
import { applySync, describeChange, planSync, summary } from "../../dns/sync.ts";

const spec = {
  name: "dns",
  args: "sync",
  description: `Compares the environment's zones (the same records as dns/<env>/) with what Technitium DNS
Server serves, through its HTTP API, prints the plan, then applies it: creates missing zones, adds
missing A records, updates changed ones, and deletes only A records an earlier sync created (they
carry its mark in the record's comments). Records made by hand are never changed or deleted; one
that holds a name the model wants is reported as a conflict.`,
  options: {
    server: { type: "string", value: "<url>", help: "Technitium's web service, e.g. http://192.168.1.155:5380" },
    "token-env": { type: "string", value: "<VAR>", help: "environment variable holding an API token (the token is never printed)" },
    env: envOption,
    "dry-run": { type: "boolean", help: "print the plan only" },
    model: modelOption,
  },
  footer: "Exit codes: 0 in sync (or dry run), 1 conflicts left alone, 2 usage, 3 the server failed or refused.",
} as const satisfies CommandSpec;

export const dns = defineCommand(spec, {
  model: "option",
  async run({ values, positionals, io, environment }) {
    if (positionals.length !== 1 || positionals[0] !== "sync") throw new UsageError("expected the subcommand `sync`");
    const server = values.server;
    if (!server || !/^https?:\/\//.test(server)) throw new UsageError("--server <url> is required (http:// or https://)");
    const variable = values["token-env"];
    if (!variable) throw new UsageError("--token-env <VAR> is required: the name of the variable holding the API token");
    const token = io.env[variable];
    if (!token) throw new UsageError(`environment variable ${variable} is empty or not set`);
    const { platform, env } = await environment();

    const call = technitiumClient(server, token);
    try {
      const plan = await planSync(call, platform, env);
      io.out(`plan for ${env.name} on ${server}:\n`);
      for (const change of plan.changes) io.out(`  ${describeChange(change)}\n`);
      io.out(`${summary(plan)}\n`);
      const conflicts = plan.changes.some((c) => c.action === "conflict");
      if (values["dry-run"]) {
        io.out("dry run: nothing changed\n");
        return conflicts ? 1 : 0;
      }
      const applied = await applySync(call, plan);
      io.out(applied ? `applied ${applied} change(s)\n` : "already in sync\n");
      return conflicts ? 1 : 0;
    } catch (error) {
      if (error instanceof TechnitiumError) {
        io.err(`streamforge dns sync: ${error.message}\n`);
        return error.exitCode;
      }
      throw error;
    }
  },
});
