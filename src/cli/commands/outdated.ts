import type { CommandSpec } from "../args.ts";
import { defineCommand, modelOption, repositoryUrls } from "../command.ts";
import { UsageError } from "../../core/errors.ts";
import { environmentNamed } from "../../core/environments.ts";
import { exceeds, outdated as run, type OutdatedRow } from "../../versions/outdated.ts";

function table(rows: OutdatedRow[]): string {
  const head = ["release", "env", "current", "patch", "minor", "major", "newest for cluster"];
  // "?": the source (an OCI registry's tags) does not say which versions accept the cluster.
  const body = rows.map((r) => [r.release, r.env, r.current, r.latestPatch ?? "-", r.latestMinor ?? "-", r.latestMajor ?? "-", r.kubeVersionUnknown ? "?" : (r.newestCompatible ?? "-")]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd() + "\n";
  return line(head) + body.map(line).join("");
}

const spec = {
  name: "outdated",
  description: `Reads each Helm repository's index.yaml and prints, per release and environment, the current
version, the latest patch, minor and major, and the newest version whose kubeVersion accepts
the environment's Kubernetes version. For an OCI registry (oci://) the versions are the chart's
tags (/v2/<repository>/tags/list); their kubeVersion is not listed, so that column shows "?".`,
  options: {
    env: { type: "string", value: "<name>", help: "only that environment" },
    format: { type: "string", value: "text|json", help: "output format (default: text)" },
    "fail-on": { type: "string", value: "minor|major", help: "exit 1 when an update of that size (or larger) exists (for CI)" },
    timeout: { type: "string", value: "<ms>", help: "how long to wait for each repository" },
    retries: { type: "string", value: "<n>", help: "retries of a transient failure" },
    concurrency: { type: "string", value: "<n>", help: "repositories read at once" },
    "repo-url": { type: "string", multiple: true, value: "<alias>=<url>", help: "read repository <alias> from another URL (a mirror; file:// too; oci:// an OCI registry path)" },
    model: modelOption,
  },
  footer: `Exit codes: 0 done, 1 --fail-on matched (outdated found), 2 usage error,
3 some repository could not be read (could not check; takes precedence over 1).`,
} as const satisfies CommandSpec;

export const outdated = defineCommand(spec, {
  model: "option",
  async run({ values, io, model }) {
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
    const platform = await model();
    const repoUrls = Object.fromEntries(repositoryUrls(platform, values["repo-url"] ?? []));
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
    if (report.errors.length) {
      const repos = [...new Set(report.errors.map((e) => e.repository))];
      io.err(`could not check ${repos.length} of ${Object.keys(platform.repositories).length} repositories (${repos.join(", ")}): their releases are not in the table\n`);
      return 3;
    }
    return failOn !== undefined && exceeds(report, failOn) ? 1 : 0;
  },
});
