import { resolve } from "node:path";
import type { Command } from "../io.ts";
import { parse } from "../args.ts";
import { UsageError } from "../../core/errors.ts";
import { applyChanges } from "../../versions/bump.ts";
import { loadRepositoryModel, repositoryRunner } from "../repository.ts";

export const bump: Command = {
  name: "bump",
  usage: `Usage: streamforge bump <release> <version> [--env <name>] [--allow-major] [--values <values.yaml>]

Edits the version catalogue (src/platform/versions.ts) in place, regenerates every file, runs lint
and prints a Markdown pull-request description (change type, files changed, values keys the new
chart version no longer accepts). When generation or lint fails the tree is restored as it was.
  --env <name>        pin only in that environment (default: every environment's default pin)
  --allow-major       allow a major version change
  --values <file>     the new version's values.yaml, to derive its schema from (required when
                      schema/charts/<chart>/<version>.schema.json does not exist yet); a
                      values.schema.json and Chart.yaml beside it are used too
Exit codes: 0 bumped, 1 refused or checks failed (tree unchanged), 2 usage error.`,
  async run(args, io) {
    const { values, positionals } = parse(args, { env: { type: "string" }, "allow-major": { type: "boolean" }, values: { type: "string" } }, true);
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
    if (result.code === 0 || result.description.includes("### Files changed")) io.out(result.description);
    return result.code;
  },
};
