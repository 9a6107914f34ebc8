import type { Command } from "../io.ts";
import { parse } from "../args.ts";
import { loadModel } from "../load-model.ts";
import { UsageError } from "../../core/errors.ts";
import { environmentNamed } from "../../core/environments.ts";
import { exceeds, outdated as run, type OutdatedRow } from "../../versions/outdated.ts";

function table(rows: OutdatedRow[]): string {
  const head = ["release", "env", "current", "patch", "minor", "major", "newest for cluster"];
  const body = rows.map((r) => [r.release, r.env, r.current, r.latestPatch ?? "-", r.latestMinor ?? "-", r.latestMajor ?? "-", r.newestCompatible ?? "-"]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd() + "\n";
  return line(head) + body.map(line).join("");
}

export const outdated: Command = {
  name: "outdated",
  usage: `Usage: streamforge outdated [--env <name>] [--format text|json] [--fail-on minor|major]
                           [--timeout <ms>] [--retries <n>] [--concurrency <n>]
                           [--repo-url <alias>=<url>]... [--model <module>]

Reads each Helm repository's index.yaml and prints, per release and environment, the current
version, the latest patch, minor and major, and the newest version whose kubeVersion accepts
the environment's Kubernetes version.
  --fail-on minor|major  exit 1 when an update of that size (or larger) exists (for CI)
  --repo-url a=url       read repository alias "a" from another URL (a mirror)
Exit codes: 0 done, 1 --fail-on matched or a repository could not be read, 2 usage error.`,
  async run(args, io) {
    const { values } = parse(args, {
      env: { type: "string" },
      format: { type: "string" },
      "fail-on": { type: "string" },
      timeout: { type: "string" },
      retries: { type: "string" },
      concurrency: { type: "string" },
      "repo-url": { type: "string", multiple: true },
      model: { type: "string" },
    });
    if (values.help) {
      io.out(`${this.usage}\n`);
      return 0;
    }
    const format = values.format ?? "text";
    if (format !== "text" && format !== "json") throw new UsageError(`--format must be text or json, not "${format}"`);
    const failOn = values["fail-on"];
    if (failOn !== undefined && failOn !== "minor" && failOn !== "major") throw new UsageError(`--fail-on must be minor or major, not "${failOn}"`);
    const number = (name: string, raw: string | undefined, fallback: number) => {
      if (raw === undefined) return fallback;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number, not "${raw}"`);
      return n;
    };
    const repoUrls: Record<string, string> = {};
    for (const pair of values["repo-url"] ?? []) {
      const eq = pair.indexOf("=");
      if (eq <= 0) throw new UsageError(`--repo-url takes <alias>=<url>, not "${pair}"`);
      repoUrls[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    const platform = await loadModel(values.model, io.cwd);
    if (values.env !== undefined) environmentNamed(platform, values.env);
    const report = await run(platform, {
      env: values.env,
      timeoutMs: number("timeout", values.timeout, 10_000),
      retries: number("retries", values.retries, 2),
      concurrency: Math.max(1, number("concurrency", values.concurrency, 4)),
      repoUrls,
      onProgress: io.isTty ? (done, total, repo) => io.err(`\r\x1b[2K[${done}/${total}] ${repo}`) : undefined,
    });
    if (io.isTty) io.err("\r\x1b[2K");
    if (format === "json") io.out(`${JSON.stringify(report, null, 2)}\n`);
    else {
      io.out(table(report.rows));
      for (const s of report.skipped) io.err(`${s.release} (${s.env}): chart read from git (${s.source}); compare its tags yourself\n`);
      for (const e of report.errors) io.err(`${e.repository}: ${e.url ? `${e.url}: ` : ""}${e.message}\n`);
    }
    if (report.errors.length) return 1;
    return failOn !== undefined && exceeds(report, failOn) ? 1 : 0;
  },
};
