import {
  loadModel
} from "./chunk-KEPHZAAP.mjs";
import {
  parse
} from "./chunk-HP2SGMC7.mjs";
import {
  UsageError,
  isEnabled
} from "./chunk-FIK2LZX5.mjs";
import "./chunk-USOL5YMT.mjs";
import "./chunk-U2IFGJIN.mjs";

// src/versions/outdated.ts
import semver from "semver";

// src/versions/helm-index.ts
import { parse as parse2 } from "yaml";
var RepositoryError = class extends Error {
  constructor(repository, url, message) {
    super(message);
    this.repository = repository;
    this.url = url;
  }
  repository;
  url;
  name = "RepositoryError";
};
function indexUrl(repoUrl) {
  return `${repoUrl.replace(/\/+$/, "")}/index.yaml`;
}
var sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
var Transient = class extends Error {
};
async function fetchText(url, options) {
  const doFetch = options.fetch ?? fetch;
  let response;
  try {
    response = await doFetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (error) {
    const e = error;
    if (e.name === "TimeoutError" || e.name === "AbortError") throw new Transient(`no answer within ${options.timeoutMs} ms`);
    throw new Transient(`cannot connect (${e.cause?.code ?? e.cause?.message ?? e.message})`);
  }
  if (response.status >= 500) throw new Transient(`HTTP ${response.status}`);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  try {
    return await response.text();
  } catch {
    throw new Transient(`the response body was cut off`);
  }
}
async function fetchIndex(repository, repoUrl, options) {
  const url = indexUrl(repoUrl);
  let lastError = "";
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0) await sleep(100 * 2 ** (attempt - 1));
    try {
      const text = await fetchText(url, options);
      try {
        return parse2(text);
      } catch (error) {
        throw new RepositoryError(repository, url, `index.yaml is not valid YAML (${error.message.split("\n")[0]})`);
      }
    } catch (error) {
      if (error instanceof RepositoryError) throw error;
      if (!(error instanceof Transient)) throw new RepositoryError(repository, url, error.message);
      lastError = error.message;
    }
  }
  const tries = options.retries + 1;
  throw new RepositoryError(repository, url, `${lastError} (after ${tries} attempt${tries === 1 ? "" : "s"})`);
}
function chartEntries(index, chart) {
  const entries = index?.entries;
  if (typeof entries !== "object" || entries === null) throw new Error("index.yaml has no `entries` map");
  const list = entries[chart];
  if (list === void 0) throw new Error(`the index lists no chart named "${chart}"`);
  if (!Array.isArray(list)) throw new Error(`entries.${chart} is not a list`);
  return list.flatMap((e) => {
    const entry = e;
    if (typeof entry?.version !== "string") return [];
    return [{ version: entry.version, kubeVersion: typeof entry.kubeVersion === "string" ? entry.kubeVersion : void 0 }];
  });
}

// src/versions/outdated.ts
function parsed(entries) {
  return entries.flatMap((e) => {
    const sv = semver.parse(e.version.replace(/^v/, ""));
    return sv && sv.prerelease.length === 0 ? [{ ...e, sv }] : [];
  });
}
function newest(list) {
  return list.reduce((best, e) => best === void 0 || semver.gt(e.sv, best.sv) ? e : best, void 0);
}
function compareVersions(current, entries, kubernetesVersion) {
  const cur = semver.parse(current.replace(/^v/, ""));
  const all = parsed(entries);
  const row = { current };
  if (!cur) return row;
  const newer = all.filter((e) => semver.gt(e.sv, cur));
  row.latestPatch = newest(newer.filter((e) => e.sv.major === cur.major && e.sv.minor === cur.minor))?.version;
  row.latestMinor = newest(newer.filter((e) => e.sv.major === cur.major && e.sv.minor > cur.minor))?.version;
  row.latestMajor = newest(newer.filter((e) => e.sv.major > cur.major))?.version;
  row.newestCompatible = newest(
    all.filter((e) => e.kubeVersion === void 0 || semver.satisfies(kubernetesVersion, e.kubeVersion, { includePrerelease: true }))
  )?.version;
  row.update = row.latestMajor ? "major" : row.latestMinor ? "minor" : row.latestPatch ? "patch" : void 0;
  return row;
}
async function pool(items, limit, worker) {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await worker(items[next++]);
  });
  await Promise.all(lanes);
}
async function outdated(platform, options) {
  const envs = platform.environments.filter((e) => options.env === void 0 || e.name === options.env);
  const fromGit = (repo) => platform.gitRepositories?.[repo] !== void 0;
  const repos = [...new Set(platform.releases.flatMap((r) => r.chart === "local" || fromGit(r.chart.repo) ? [] : [r.chart.repo]))].sort();
  const skipped = [];
  const indexes = /* @__PURE__ */ new Map();
  const errors = [];
  let done = 0;
  await pool(repos, options.concurrency, async (repo) => {
    const url = options.repoUrls?.[repo] ?? platform.repositories[repo];
    try {
      if (url === void 0) throw new RepositoryError(repo, "", `no URL for repository "${repo}"`);
      indexes.set(repo, await fetchIndex(repo, url, options));
    } catch (error) {
      const e = error;
      errors.push({ repository: repo, url: e.url ?? url ?? "", message: e.message });
    }
    options.onProgress?.(++done, repos.length, repo);
  });
  const rows = [];
  for (const env of envs) {
    for (const release of platform.releases) {
      if (release.chart === "local" || !isEnabled(env, release)) continue;
      const git = platform.gitRepositories?.[release.chart.repo];
      if (git) {
        skipped.push({ release: release.name, env: env.name, source: git.url });
        continue;
      }
      const index = indexes.get(release.chart.repo);
      const current = env.versions[release.name];
      if (index === void 0 || current === void 0) continue;
      const base = { release: release.name, env: env.name, chart: release.chart.name, repository: release.chart.repo };
      try {
        rows.push({ ...base, ...compareVersions(current, chartEntries(index, release.chart.name), env.cluster.kubernetesVersion) });
      } catch (error) {
        const { repo, name } = release.chart;
        const message = `${name}: ${error.message}`;
        if (!errors.some((e) => e.repository === repo && e.message === message)) {
          errors.push({ repository: repo, url: indexUrl(options.repoUrls?.[repo] ?? platform.repositories[repo] ?? ""), message });
        }
      }
    }
  }
  errors.sort((a, b) => a.repository.localeCompare(b.repository));
  return { rows, skipped, errors };
}
function exceeds(report, level) {
  return report.rows.some((r) => r.update === "major" || level === "minor" && r.update === "minor");
}

// src/cli/commands/outdated.ts
function table(rows) {
  const head = ["release", "env", "current", "patch", "minor", "major", "newest for cluster"];
  const body = rows.map((r) => [r.release, r.env, r.current, r.latestPatch ?? "-", r.latestMinor ?? "-", r.latestMajor ?? "-", r.newestCompatible ?? "-"]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd() + "\n";
  return line(head) + body.map(line).join("");
}
var outdated2 = {
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
      model: { type: "string" }
    });
    if (values.help) {
      io.out(`${this.usage}
`);
      return 0;
    }
    const format = values.format ?? "text";
    if (format !== "text" && format !== "json") throw new UsageError(`--format must be text or json, not "${format}"`);
    const failOn = values["fail-on"];
    if (failOn !== void 0 && failOn !== "minor" && failOn !== "major") throw new UsageError(`--fail-on must be minor or major, not "${failOn}"`);
    const number = (name, raw, fallback) => {
      if (raw === void 0) return fallback;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number, not "${raw}"`);
      return n;
    };
    const repoUrls = {};
    for (const pair of values["repo-url"] ?? []) {
      const eq = pair.indexOf("=");
      if (eq <= 0) throw new UsageError(`--repo-url takes <alias>=<url>, not "${pair}"`);
      repoUrls[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    const platform = await loadModel(values.model, io.cwd);
    if (values.env !== void 0 && !platform.environments.some((e) => e.name === values.env)) {
      throw new UsageError(`unknown environment "${values.env}"`);
    }
    const report = await outdated(platform, {
      env: values.env,
      timeoutMs: number("timeout", values.timeout, 1e4),
      retries: number("retries", values.retries, 2),
      concurrency: Math.max(1, number("concurrency", values.concurrency, 4)),
      repoUrls,
      onProgress: io.isTty ? (done, total, repo) => io.err(`\r\x1B[2K[${done}/${total}] ${repo}`) : void 0
    });
    if (io.isTty) io.err("\r\x1B[2K");
    if (format === "json") io.out(`${JSON.stringify(report, null, 2)}
`);
    else {
      io.out(table(report.rows));
      for (const s of report.skipped) io.err(`${s.release} (${s.env}): chart read from git (${s.source}); compare its tags yourself
`);
      for (const e of report.errors) io.err(`${e.repository}: ${e.url ? `${e.url}: ` : ""}${e.message}
`);
    }
    if (report.errors.length) return 1;
    return failOn !== void 0 && exceeds(report, failOn) ? 1 : 0;
  }
};
export {
  outdated2 as outdated
};
