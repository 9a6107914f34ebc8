import {
  applyChanges,
  loadRepositoryModel,
  repositoryRunner
} from "./chunk-OQNWZ34K.mjs";
import {
  parse
} from "./chunk-HP2SGMC7.mjs";
import {
  UsageError
} from "./chunk-FIK2LZX5.mjs";
import "./chunk-USOL5YMT.mjs";
import "./chunk-U2IFGJIN.mjs";

// src/cli/commands/promote.ts
var promote = {
  name: "promote",
  usage: `Usage: streamforge promote <from-env> <to-env> [release...] [--allow-major]

Pins in <to-env> the chart versions <from-env> runs (all chart releases, or those named), with
the same checks and pull-request description as bump.
Exit codes: 0 promoted, 1 nothing to promote, refused or checks failed (tree unchanged), 2 usage error.`,
  async run(args, io) {
    const { values, positionals } = parse(args, { "allow-major": { type: "boolean" } }, true);
    if (values.help) {
      io.out(`${this.usage}
`);
      return 0;
    }
    const [from, to, ...releases] = positionals;
    if (from === void 0 || to === void 0) throw new UsageError("expected <from-env> <to-env> [release...]");
    const root = io.cwd;
    const platform = await loadRepositoryModel(root);
    const source = platform.environments.find((e) => e.name === from);
    const target = platform.environments.find((e) => e.name === to);
    if (!source || !target) throw new UsageError(`unknown environment "${!source ? from : to}"; the model has: ${platform.environments.map((e) => e.name).join(", ")}`);
    const names = releases.length ? releases : platform.releases.filter((r) => r.chart !== "local").map((r) => r.name);
    const unknown = names.filter((n) => source.versions[n] === void 0);
    if (unknown.length) throw new UsageError(`${from} pins no chart release named ${unknown.join(", ")}`);
    const changes = names.filter((n) => source.versions[n] !== target.versions[n]).map((n) => ({ release: n, env: to, version: source.versions[n] }));
    if (changes.length === 0) {
      io.err(`${to} already runs the versions ${from} runs${releases.length ? ` for ${releases.join(", ")}` : ""}: nothing to promote
`);
      return 1;
    }
    const result = applyChanges(changes, { root, platform, run: repositoryRunner(root), allowMajor: values["allow-major"] ?? false, title: `Promote ${from} versions to ${to}` });
    for (const p of result.problems) io.err(`${p}
`);
    if (result.code === 0 || result.description.includes("### Files changed")) io.out(result.description);
    return result.code;
  }
};
export {
  promote
};
