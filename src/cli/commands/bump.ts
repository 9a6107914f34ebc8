import { resolve } from "node:path";
import type { CommandSpec } from "../args.ts";
import { defineCommand } from "../command.ts";
import { UsageError } from "../../core/errors.ts";
import { applyChanges } from "../../versions/bump.ts";
import { repositoryRunner } from "../repository.ts";
import { cacheRoot } from "../../core/cache.ts";
import { chartDerivation } from "../../helm/schema/derivation.ts";

const spec = {
  name: "bump",
  args: "<release> <version>",
  description: `Pulls the new version (and the current one) into the upstream cache, derives the new version's
values schema as \`npm run schema:charts\` does (upstream values and schema, subcharts, the
reviewed overrides in schema/overrides/), pins it in versions.yaml (the default environment's
pin also moves src/helm/charts/types/<chart>.ts), updates versions.lock.yaml, regenerates, runs lint
and prints a Markdown pull-request description: change type, how the upstream defaults changed
for every key the platform sets, keys gone (renamed?), CRD API versions added or removed, the
kubeVersion change, files changed, values keys the new version no longer accepts. When anything
fails the tree is restored as it was.`,
  options: {
    env: { type: "string", value: "<name>", help: "pin only in that environment (default: every environment's default pin)" },
    "allow-major": { type: "boolean", help: "allow a major version change" },
    "repo-url": { type: "string", multiple: true, value: "<alias>=<url>", help: "pull Helm repository <alias> from another URL (a mirror, file:// too)" },
    values: {
      type: "string",
      value: "<file>",
      help: "offline: the new version's values.yaml instead of pulling it (a\nvalues.schema.json and Chart.yaml beside it are used too)",
    },
  },
  footer: "Exit codes: 0 bumped, 1 refused or checks failed (tree unchanged), 2 usage error.",
} as const satisfies CommandSpec;

export const bump = defineCommand(spec, {
  model: "repository",
  async run({ values, positionals, io, model }) {
    const [release, version, ...extra] = positionals;
    if (release === undefined || version === undefined || extra.length) throw new UsageError("expected <release> <version>");
    const root = io.cwd;
    const platform = await model();
    const pullArgs = (values["repo-url"] ?? []).flatMap((pair) => ["--repo-url", pair]);
    const result = await applyChanges([{ release, version, env: values.env, valuesFile: values.values ? resolve(io.cwd, values.values) : undefined }], {
      root,
      platform,
      run: repositoryRunner(root),
      allowMajor: values["allow-major"] ?? false,
      title: `Bump ${release} to ${version}${values.env ? ` in ${values.env}` : ""}`,
      cache: cacheRoot(root, io.env),
      derive: chartDerivation(cacheRoot(root, io.env)),
      pullArgs,
    });
    for (const p of result.problems) io.err(`${p}\n`);
    if (result.changed) io.out(result.description);
    return result.code;
  },
});
