import type { CommandSpec } from "../args.ts";
import { defineCommand, envOption, modelOption } from "../command.ts";
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
    env: envOption,
    model: modelOption,
  },
  footer: "Exit codes: 0 everything present (or created), 1 something is missing, 2 usage, 3 kubectl failed.",
} as const satisfies CommandSpec;

export const secrets = defineCommand(spec, {
  model: "option",
  async run({ values, positionals, io, environment }) {
    const [action, ...extra] = positionals;
    if ((action !== "check" && action !== "create") || extra.length) throw new UsageError("give check or create");
    const { platform, env } = await environment();
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
});
