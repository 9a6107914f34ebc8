import { resolve } from "node:path";
import type { Command } from "../io.ts";
import { parseCommand, usageOf, type CommandSpec } from "../args.ts";
import { UsageError } from "../../core/errors.ts";
import { applyChanges } from "../../versions/bump.ts";
import { loadRepositoryModel, repositoryRunner } from "../repository.ts";

const spec = {
  name: "bump",
  args: "<release> <version>",
  description: `Edits the version catalogue (src/platform/versions.ts) in place, regenerates every file, runs lint
and prints a Markdown pull-request description (change type, files changed, values keys the new
chart version no longer accepts). When generation or lint fails the tree is restored as it was.`,
  options: {
    env: { type: "string", value: "<name>", help: "pin only in that environment (default: every environment's default pin)" },
    "allow-major": { type: "boolean", help: "allow a major version change" },
    values: {
      type: "string",
      value: "<file>",
      help: "the new version's values.yaml, to derive its schema from (required when\nschema/charts/<chart>/<version>.schema.json does not exist yet); a\nvalues.schema.json and Chart.yaml beside it are used too",
    },
  },
  footer: "Exit codes: 0 bumped, 1 refused or checks failed (tree unchanged), 2 usage error.",
} as const satisfies CommandSpec;

export const bump: Command = {
  name: "bump",
  usage: usageOf(spec),
  async run(args, io) {
    const { values, positionals } = parseCommand(spec, args);
    if (values.help) {
      io.out(`${this.usage}\n`);
      return 0;
    }
    const [release, version, ...extra] = positionals;
    if (release === undefined || version === undefined || extra.length) throw new UsageError("expected <release> <version>");
    const root = io.cwd;
    const platform = await loadRepositoryModel(root);
    const result = applyChanges([{ release, version, env: values.env, valuesFile: values.values ? resolve(io.cwd, values.values) : undefined }], {
      root,
      platform,
      run: repositoryRunner(root),
      allowMajor: values["allow-major"] ?? false,
      title: `Bump ${release} to ${version}${values.env ? ` in ${values.env}` : ""}`,
    });
    for (const p of result.problems) io.err(`${p}\n`);
    if (result.changed) io.out(result.description);
    return result.code;
  },
};
