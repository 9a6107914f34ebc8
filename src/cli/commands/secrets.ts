import type { Command } from "../io.ts";
import { parseCommand, usageOf, type CommandSpec } from "../args.ts";
import { loadModel } from "../load-model.ts";
import { environmentNamed } from "../../core/environments.ts";
import { UsageError } from "../../core/errors.ts";
import { spawnRunner } from "../../cert/runner.ts";
import { describeReport, runSecrets, SecretsError } from "../../secrets/index.ts";

const spec = {
  name: "secrets",
  args: "check|create",
  description: `The Secrets the model says must exist before the first helmfile apply (prerequisites/<env>.yaml),
against the cluster kubectl points at:
  check    report each Secret as ok or missing (or missing keys)
  create   create the missing Secrets whose values belong to the platform, with random values;
           Secrets a person must supply (tokens, the CA, credentials of other systems) are reported
Values are never printed: only Secret names and key names.`,
  options: {
    env: { type: "string", value: "<name>", help: "environment (default: the model's default)" },
    model: { type: "string", value: "<module>", help: "use the platform a module exports instead of the embedded one" },
  },
  footer: "Exit codes: 0 everything present (or created), 1 something is missing, 2 usage, 3 kubectl failed.",
} as const satisfies CommandSpec;

export const secrets: Command = {
  name: "secrets",
  usage: usageOf(spec),
  async run(args, io) {
    const { values, positionals } = parseCommand(spec, args);
    if (values.help) {
      io.out(`${this.usage}\n`);
      return 0;
    }
    const [action, ...extra] = positionals;
    if ((action !== "check" && action !== "create") || extra.length) throw new UsageError("give check or create");
    const platform = await loadModel(values.model, io.cwd);
    const env = environmentNamed(platform, values.env ?? platform.defaultEnvironment);
    try {
      const reports = await runSecrets(platform, env, spawnRunner(io.env), { create: action === "create" });
      for (const r of reports) io.out(`${describeReport(r)}\n`);
      const missing = reports.filter((r) => r.result.state !== "present" && r.result.state !== "created").length;
      io.out(`${env.name}: ${reports.length - missing} of ${reports.length} Secrets in place\n`);
      return missing ? 1 : 0;
    } catch (error) {
      if (error instanceof SecretsError) {
        io.err(`streamforge secrets: ${error.message}\n`);
        return 3;
      }
      throw error;
    }
  },
};
