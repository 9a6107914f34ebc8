import type { Command } from "../io.ts";
import { parse } from "../args.ts";
import { loadModel } from "../load-model.ts";
import { UsageError } from "../../core/errors.ts";
import { environmentNamed } from "../../core/environments.ts";
import { TechnitiumError, technitiumClient } from "../../dns/technitium.ts";
import { applySync, describeChange, planSync, summary } from "../../dns/sync.ts";

export const dns: Command = {
  name: "dns",
  usage: `Usage: streamforge dns sync --server <url> --token-env <VAR> [--env <name>] [--dry-run] [--model <module>]

Compares the environment's zones (the same records as dns/<env>/) with what Technitium DNS
Server serves, through its HTTP API, prints the plan, then applies it: creates missing zones, adds
missing A records, updates changed ones, and deletes only A records an earlier sync created (they
carry its mark in the record's comments). Records made by hand are never changed or deleted; one
that holds a name the model wants is reported as a conflict.
  --server <url>     Technitium's web service, e.g. http://192.168.1.155:5380
  --token-env <VAR>  environment variable holding an API token (the token is never printed)
  --env <name>       environment (default: the model's default)
  --dry-run          print the plan only
  --model <module>   use the platform a module exports instead of the embedded one

Exit codes: 0 in sync (or dry run), 1 conflicts left alone, 2 usage, 3 the server failed or refused.`,
  async run(args, io) {
    const { values, positionals } = parse(
      args,
      { server: { type: "string" }, "token-env": { type: "string" }, env: { type: "string" }, "dry-run": { type: "boolean" }, model: { type: "string" } },
      true,
    );
    if (values.help) {
      io.out(`${this.usage}\n`);
      return 0;
    }
    if (positionals.length !== 1 || positionals[0] !== "sync") throw new UsageError("expected the subcommand `sync`");
    const server = values.server;
    if (!server || !/^https?:\/\//.test(server)) throw new UsageError("--server <url> is required (http:// or https://)");
    const variable = values["token-env"];
    if (!variable) throw new UsageError("--token-env <VAR> is required: the name of the variable holding the API token");
    const token = io.env[variable];
    if (!token) throw new UsageError(`environment variable ${variable} is empty or not set`);
    const platform = await loadModel(values.model, io.cwd);
    const envName = values.env ?? platform.defaultEnvironment;
    const env = environmentNamed(platform, envName);

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
        return 3;
      }
      throw error;
    }
  },
};
