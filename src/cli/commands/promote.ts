import type { CommandSpec } from "../args.ts";
import { defineCommand } from "../command.ts";
import { UsageError } from "../../core/errors.ts";
import { environmentNamed } from "../../core/environments.ts";
import { applyChanges, type PinChange } from "../../versions/bump.ts";
import { repositoryRunner } from "../repository.ts";
import { cacheRoot } from "../../core/cache.ts";
import { chartDerivation } from "../../helm/schema/derivation.ts";

const spec = {
  name: "promote",
  args: "<from-env> <to-env> [release...]",
  description: `Pins in <to-env> the chart versions <from-env> runs (all chart releases, or those named), with
the same checks and pull-request description as bump.`,
  options: {
    "allow-major": { type: "boolean", help: "allow a major version change" },
  },
  footer: "Exit codes: 0 promoted, 1 nothing to promote, refused or checks failed (tree unchanged), 2 usage error.",
} as const satisfies CommandSpec;

export const promote = defineCommand(spec, {
  model: "repository",
  async run({ values, positionals, io, model }) {
    const [from, to, ...releases] = positionals;
    if (from === undefined || to === undefined) throw new UsageError("expected <from-env> <to-env> [release...]");
    const root = io.cwd;
    const platform = await model();
    const source = environmentNamed(platform, from);
    const target = environmentNamed(platform, to);
    const names = releases.length ? releases : platform.releases.filter((r) => r.chart !== "local").map((r) => r.name);
    const unknown = names.filter((n) => source.versions[n] === undefined);
    if (unknown.length) throw new UsageError(`${from} pins no chart release named ${unknown.join(", ")}`);
    const changes: PinChange[] = names
      .filter((n) => source.versions[n] !== target.versions[n])
      .map((n) => ({ release: n, env: to, version: source.versions[n]! }));
    if (changes.length === 0) {
      io.err(`${to} already runs the versions ${from} runs${releases.length ? ` for ${releases.join(", ")}` : ""}: nothing to promote\n`);
      return 1;
    }
    const result = await applyChanges(changes, { root, platform, run: repositoryRunner(root), allowMajor: values["allow-major"] ?? false, title: `Promote ${from} versions to ${to}`, cache: cacheRoot(root, io.env), derive: chartDerivation(cacheRoot(root, io.env)) });
    for (const p of result.problems) io.err(`${p}\n`);
    if (result.changed) io.out(result.description);
    return result.code;
  },
});
