import {
  UsageError
} from "./chunk-FIK2LZX5.mjs";
import {
  OWNED_LIST_PATH,
  parseOwnedList
} from "./chunk-USOL5YMT.mjs";

// src/versions/bump.ts
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import semver from "semver";

// src/versions/catalogue-source.ts
var CatalogueError = class extends Error {
  name = "CatalogueError";
};
var key = (name) => /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
var keyPattern = (name) => `(?:${escape(name)}|"${escape(name)}")`;
function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function section(text, name) {
  const start = text.search(new RegExp(`^export const ${name}\\b[^\\n]*= \\{$`, "m"));
  if (start < 0) throw new CatalogueError(`the catalogue has no \`export const ${name} = {\``);
  const rest = text.slice(start);
  const endRel = rest.search(/^\}[^\n]*$/m);
  if (endRel < 0) throw new CatalogueError(`\`${name}\` is not closed by a line starting with }`);
  return { start, end: start + endRel };
}
function parseList(raw) {
  if (raw === void 0) return void 0;
  return [...raw.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
}
function readPin(body) {
  const version = body.match(/\bversion: "([^"]*)"/)?.[1];
  if (version === void 0) throw new CatalogueError(`an entry has no \`version: "..."\``);
  const kubeVersion = body.match(/\bkubeVersion: "([^"]*)"/)?.[1];
  const crdApiVersions = parseList(body.match(/\bcrdApiVersions: \[([^\]]*)\]/)?.[1]);
  return { version, ...kubeVersion !== void 0 ? { kubeVersion } : {}, ...crdApiVersions ? { crdApiVersions } : {} };
}
function baseEntry(text, release) {
  const sec = section(text, "chartVersions");
  const inner = text.slice(sec.start, sec.end);
  const m = new RegExp(`^  ${keyPattern(release)}: \\{\\n([\\s\\S]*?)^  \\},?\\n`, "m").exec(inner);
  if (!m) return void 0;
  const start = sec.start + m.index;
  return { start, end: start + m[0].length, pin: readPin(m[1]) };
}
function basePin(text, release) {
  return baseEntry(text, release)?.pin;
}
function setBasePin(text, release, pin) {
  const entry = baseEntry(text, release);
  if (!entry) throw new CatalogueError(`chartVersions has no entry for release "${release}"`);
  const lines = text.slice(entry.start, entry.end).split("\n");
  const out = [];
  for (const line of lines) {
    if (/^\s+version: "/.test(line)) {
      out.push(line.replace(/"[^"]*"/, JSON.stringify(pin.version)));
      if (pin.kubeVersion !== void 0) out.push(`    kubeVersion: ${JSON.stringify(pin.kubeVersion)},`);
      if (pin.crdApiVersions !== void 0) out.push(`    crdApiVersions: [${pin.crdApiVersions.map((v) => JSON.stringify(v)).join(", ")}],`);
    } else if (!/^\s+(kubeVersion|crdApiVersions): /.test(line)) {
      out.push(line);
    }
  }
  return text.slice(0, entry.start) + out.join("\n") + text.slice(entry.end);
}
function envBlock(text, env) {
  const sec = section(text, "environmentVersions");
  const inner = text.slice(sec.start, sec.end);
  const single = new RegExp(`^  ${keyPattern(env)}: \\{\\},?\\n`, "m").exec(inner);
  if (single) return { start: sec.start + single.index, end: sec.start + single.index + single[0].length, entries: /* @__PURE__ */ new Map() };
  const multi = new RegExp(`^  ${keyPattern(env)}: \\{\\n([\\s\\S]*?)^  \\},?\\n`, "m").exec(inner);
  if (!multi) return void 0;
  const entries = /* @__PURE__ */ new Map();
  for (const line of multi[1].split("\n")) {
    const m = /^\s+("([^"]+)"|[\w$]+): \{(.*)\},?$/.exec(line);
    if (m) entries.set(m[2] ?? m[1], readPin(m[3]));
  }
  return { start: sec.start + multi.index, end: sec.start + multi.index + multi[0].length, entries };
}
function overridePin(text, env, release) {
  return envBlock(text, env)?.entries.get(release);
}
function pinLiteral(pin) {
  const parts = [`version: ${JSON.stringify(pin.version)}`];
  if (pin.kubeVersion !== void 0) parts.push(`kubeVersion: ${JSON.stringify(pin.kubeVersion)}`);
  if (pin.crdApiVersions !== void 0) parts.push(`crdApiVersions: [${pin.crdApiVersions.map((v) => JSON.stringify(v)).join(", ")}]`);
  return `{ ${parts.join(", ")} }`;
}
function setOverridePin(text, env, release, pin) {
  const block = envBlock(text, env);
  const entries = new Map(block?.entries ?? []);
  if (pin === void 0) entries.delete(release);
  else entries.set(release, pin);
  const sorted = [...entries.entries()].sort(([a], [b]) => a.localeCompare(b));
  const rendered = sorted.length === 0 ? `  ${key(env)}: {},
` : `  ${key(env)}: {
${sorted.map(([r, p]) => `    ${key(r)}: ${pinLiteral(p)},
`).join("")}  },
`;
  if (block) return text.slice(0, block.start) + rendered + text.slice(block.end);
  const sec = section(text, "environmentVersions");
  return text.slice(0, sec.end) + rendered + text.slice(sec.end);
}
function effectivePin(text, env, release) {
  return overridePin(text, env, release) ?? basePin(text, release);
}
function overrideEnvironments(text) {
  const sec = section(text, "environmentVersions");
  return [...text.slice(sec.start, sec.end).matchAll(/^  ("([^"]+)"|[\w$]+): \{/gm)].map((m) => m[2] ?? m[1]);
}
function setPin(text, release, pin, target) {
  const base = basePin(text, release);
  if (!base) throw new CatalogueError(`chartVersions has no entry for release "${release}"`);
  let out = text;
  if (target.env === void 0 || target.env === target.defaultEnv) {
    if (target.env !== void 0) {
      for (const other of target.envs) {
        if (other !== target.env && !overridePin(out, other, release)) out = setOverridePin(out, other, release, base);
      }
    }
    out = setBasePin(out, release, pin);
    if (target.env !== void 0) out = setOverridePin(out, target.env, release, void 0);
  } else {
    out = setOverridePin(out, target.env, release, pin);
  }
  const now = basePin(out, release);
  for (const env of overrideEnvironments(out)) {
    if (overridePin(out, env, release)?.version === now.version) out = setOverridePin(out, env, release, void 0);
  }
  return out;
}

// src/versions/bump.ts
var CATALOGUE_PATH = "src/platform/versions.ts";
function semverOf(version) {
  return semver.parse(version.replace(/^v/, ""));
}
function changeKind(from, to) {
  const a = semverOf(from);
  const b = semverOf(to);
  if (!a || !b) return "other";
  if (semver.lt(b, a)) return "downgrade";
  const diff = semver.diff(a, b);
  if (diff === "major" || diff === "premajor") return "major";
  if (diff === "minor" || diff === "preminor") return "minor";
  if (diff === "patch" || diff === "prepatch") return "patch";
  return diff === "prerelease" ? "prerelease" : "other";
}
function read(path) {
  return existsSync(path) ? readFileSync(path, "utf8") : void 0;
}
function snapshot(root, extra) {
  const owned = parseOwnedList(read(join(root, OWNED_LIST_PATH)) ?? "");
  const paths = [CATALOGUE_PATH, OWNED_LIST_PATH, ...owned, ...extra];
  return new Map(paths.map((p) => [p, read(join(root, p))]));
}
function changedFiles(root, before, extra) {
  const after = snapshot(root, extra);
  const paths = /* @__PURE__ */ new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}
function chartOf(platform, release) {
  const r = platform.releases.find((x) => x.name === release);
  return r && r.chart !== "local" ? r.chart.name : void 0;
}
function chartYamlFacts(valuesFile) {
  if (!valuesFile) return {};
  const text = read(join(dirname(valuesFile), "Chart.yaml"));
  const m = text?.match(/^kubeVersion:\s*["']?([^"'\n]+?)["']?\s*$/m);
  return m ? { kubeVersion: m[1] } : {};
}
function lintDiagnostics(run) {
  const result = run(["lint", "--format", "json"]);
  try {
    const parsed = JSON.parse(result.stdout);
    return { code: result.code, diagnostics: Array.isArray(parsed) ? parsed : parsed.diagnostics, raw: result.stdout };
  } catch {
    return { code: result.code, diagnostics: [], raw: result.stdout + result.stderr };
  }
}
function applyChanges(changes, options) {
  const { root, platform, run } = options;
  const problems = [];
  const catalogueFile = join(root, CATALOGUE_PATH);
  const original = read(catalogueFile);
  if (original === void 0) return { code: 1, description: "", problems: [`${CATALOGUE_PATH} not found under ${root}: run this in the platform repository`] };
  const envNames = platform.environments.map((e) => e.name);
  const rows = [];
  let text = original;
  const createdSchemas = [];
  for (const change of changes) {
    const chart = chartOf(platform, change.release);
    if (!chart) {
      problems.push(`release "${change.release}" is not a chart release of ${platform.name}`);
      continue;
    }
    if (change.env !== void 0 && !envNames.includes(change.env)) {
      problems.push(`unknown environment "${change.env}"; the model has: ${envNames.join(", ")}`);
      continue;
    }
    const targetEnvs = change.env === void 0 ? envNames : [change.env];
    const current = effectivePin(text, change.env ?? platform.defaultEnvironment, change.release);
    if (!current) {
      problems.push(`${CATALOGUE_PATH} has no pin for "${change.release}"`);
      continue;
    }
    const kind = changeKind(current.version, change.version);
    if (current.version === change.version) {
      problems.push(`${change.release} is already at ${change.version} in ${targetEnvs.join(", ")}`);
      continue;
    }
    if (kind === "major" && !options.allowMajor) {
      problems.push(`${change.release} ${current.version} -> ${change.version} is a major change; values keys may have moved. Re-run with --allow-major after reading the chart's upgrade notes`);
      continue;
    }
    if (semverOf(change.version) === null) {
      problems.push(`"${change.version}" is not an exact version`);
      continue;
    }
    const schemaPath = `schema/charts/${chart}/${change.version}.schema.json`;
    const hasSchemas = existsSync(join(root, "schema/charts", chart));
    if (hasSchemas && !existsSync(join(root, schemaPath))) {
      if (!change.valuesFile) {
        problems.push(
          `no values schema for ${chart} ${change.version} (${schemaPath}). Get that version's values.yaml (helm show values ${chart} --version ${change.version}) and re-run with --values <values.yaml>; a values.schema.json and Chart.yaml beside it are used too`
        );
        continue;
      }
      const args = ["schema", "derive", chart, change.version, "--values", change.valuesFile, "--out", "schema/charts"];
      const upstreamSchema = join(dirname(change.valuesFile), "values.schema.json");
      if (existsSync(upstreamSchema)) args.push("--schema", upstreamSchema);
      const derived = run(args);
      if (derived.code !== 0 || !existsSync(join(root, schemaPath))) {
        problems.push(`deriving the schema of ${chart} ${change.version} failed: ${(derived.stderr || derived.stdout).trim()}`);
        continue;
      }
      createdSchemas.push(schemaPath);
    }
    const facts = chartYamlFacts(change.valuesFile);
    const pin = {
      version: change.version,
      ...facts.kubeVersion ?? current.kubeVersion ? { kubeVersion: facts.kubeVersion ?? current.kubeVersion } : {},
      ...current.crdApiVersions ? { crdApiVersions: current.crdApiVersions } : {}
    };
    try {
      text = setPin(text, change.release, pin, { env: change.env, defaultEnv: platform.defaultEnvironment, envs: envNames });
    } catch (error) {
      problems.push(error.message);
      continue;
    }
    const notes = [
      facts.kubeVersion === void 0 && current.kubeVersion !== void 0 ? `kubeVersion \`${current.kubeVersion}\` carried over: confirm it in the new Chart.yaml` : "",
      current.crdApiVersions ? "CRD API versions carried over: confirm the new version still serves them" : ""
    ].filter(Boolean);
    rows.push(`| ${change.release} | ${chart} | ${targetEnvs.join(", ")} | ${current.version} | ${change.version} | ${kind} | ${notes.join("; ") || "-"} |`);
  }
  const heading = [`## ${options.title}`, "", "| release | chart | environments | from | to | change | notes |", "| --- | --- | --- | --- | --- | --- | --- |", ...rows, ""];
  const undoSchemas = () => createdSchemas.forEach((p) => rmSync(join(root, p), { force: true }));
  if (problems.length || rows.length === 0) {
    undoSchemas();
    if (!problems.length) problems.push("nothing to change");
    return { code: 1, description: heading.join("\n"), problems };
  }
  const inSync = run(["gen", "--check"]);
  if (inSync.code !== 0) {
    undoSchemas();
    return { code: 1, description: heading.join("\n"), problems: ["the generated files are not in sync with the model before the change: run `npm run gen` (and commit) first"] };
  }
  const before = snapshot(root, []);
  for (const p of createdSchemas) before.set(p, void 0);
  const restore = () => {
    writeFileSync(catalogueFile, original);
    undoSchemas();
    run(["gen"]);
  };
  writeFileSync(catalogueFile, text);
  const generated = run(["gen"]);
  if (generated.code !== 0) {
    restore();
    return { code: 1, description: heading.join("\n"), problems: [`generation failed after the change; nothing changed:
${generated.stderr.trim()}`] };
  }
  const linted = lintDiagnostics(run);
  const changedReleases = new Set(changes.map((c) => c.release));
  const rejected = linted.diagnostics.filter(
    (d) => d.rule === "schema/values" && d.severity === "error" && [...changedReleases].some((r) => d.file.endsWith(`/${r}.yaml`))
  );
  const files = changedFiles(root, before, createdSchemas);
  const description = [
    ...heading,
    "### Files changed",
    "",
    ...files.map((f) => `- \`${f}\``),
    "",
    "### Values keys the new chart versions no longer accept",
    "",
    ...rejected.length ? rejected.map((d) => `- \`${d.file}\` \`${d.pointer ?? "/"}\`: ${d.message}`) : ["- none"],
    "",
    "### Checks",
    "",
    `- \`npm run gen\`: regenerated`,
    `- \`npm run lint\`: ${linted.code === 0 ? "passes" : `fails (${linted.diagnostics.filter((d) => d.severity === "error").length} errors)`}`,
    ""
  ].join("\n");
  if (linted.code !== 0) {
    restore();
    const errors = linted.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}${d.position ? `:${d.position.line}:${d.position.column}` : ""} ${d.rule}: ${d.message}`);
    return { code: 1, description, problems: ["lint fails after the change, so the tree was restored as it was:", ...errors.length ? errors : [linted.raw.trim()]] };
  }
  return { code: 0, description, problems: [] };
}

// src/cli/repository.ts
import { spawnSync } from "node:child_process";
import { existsSync as existsSync2 } from "node:fs";
import { join as join2 } from "node:path";
import { pathToFileURL } from "node:url";
var MODEL = "src/platform/streamforge.ts";
var CLI = "src/cli/main.ts";
async function loadRepositoryModel(root) {
  const path = join2(root, MODEL);
  if (!existsSync2(path)) throw new UsageError(`${MODEL} not found: run this command at the root of the platform repository`);
  const mod = await import(pathToFileURL(path).href);
  if (!mod.streamforge) throw new UsageError(`${MODEL} exports no \`streamforge\` platform`);
  return mod.streamforge;
}
function repositoryRunner(root) {
  const tsx = join2(root, "node_modules/.bin/tsx");
  return (args) => {
    const result = spawnSync(tsx, [join2(root, CLI), ...args], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (result.error) return { code: 2, stdout: "", stderr: `cannot run ${tsx}: ${result.error.message}` };
    return { code: result.status ?? 2, stdout: result.stdout, stderr: result.stderr };
  };
}

export {
  applyChanges,
  loadRepositoryModel,
  repositoryRunner
};
