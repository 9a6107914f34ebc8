import type { Command } from "../io.ts";
import { parse } from "../args.ts";
import { UsageError } from "../../core/errors.ts";
import { environmentNamed } from "../../core/environments.ts";
import { applyChanges, type PinChange } from "../../versions/bump.ts";
import { loadRepositoryModel, repositoryRunner } from "../repository.ts";

export const promote: Command = {
  name: "promote",
  usage: `Usage: streamforge promote <from-env> <to-env> [release...] [--allow-major]

Pins in <to-env> the chart versions <from-env> runs (all chart releases, or those named), with
the same checks and pull-request description as bump.
Exit codes: 0 promoted, 1 nothing to promote, refused or checks failed (tree unchanged), 2 usage error.`,
  async run(args, io) {
    const { values, positionals } = parse(args, { "allow-major": { type: "boolean" } }, true);
    if (values.help) {
      io.out(`${this.usage}\n`);
      return 0;
    }
    const [from, to, ...releases] = positionals;
    if (from === undefined || to === undefined) throw new UsageError("expected <from-env> <to-env> [release...]");
    const root = io.cwd;
    const platform = await loadRepositoryModel(root);
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
    const result = applyChanges(changes, { root, platform, run: repositoryRunner(root), allowMajor: values["allow-major"] ?? false, title: `Promote ${from} versions to ${to}` });
    for (const p of result.problems) io.err(`${p}\n`);
    if (result.code === 0 || result.description.includes("### Files changed")) io.out(result.description);
    return result.code;
  },
};
