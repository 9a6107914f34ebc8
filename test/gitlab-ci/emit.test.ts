/**
 * GitLab CI templates of the application repositories (S28, S30, S31), read from the generated
 * `gitlab-ci/` tree: `yamllint` on every file, and a structural check of GitLab CI semantics
 * (includes, `extends`, stages, kaniko arguments) that resolves the files the way GitLab does.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { fileText, generated, pathsUnder } from "../support/generated.ts";
import { streamforge } from "../../src/platform/streamforge.ts";
import { images } from "../../src/platform/versions.ts";
import { GITLAB_CI_DIR, emitGitlabCi, gitlabCiPaths } from "../../src/gitlab-ci/emit.ts";
import { hasGeneratedHeader } from "../../src/core/files.ts";
import { platform as mini } from "../fixtures/models/mini.ts";

type Job = Record<string, unknown>;
type Files = Map<string, string>;

const prod = streamforge.environments.find((e) => e.name === "prod")!;
const ci = prod.components.ci;
const paths = gitlabCiPaths(ci);
const [service] = ci.services;

/** The generated repository: path relative to `gitlab-ci/` -> text. */
function repository(): Files {
  const prefix = `${GITLAB_CI_DIR}/`;
  return new Map(pathsUnder(prefix).map((p) => [p.slice(prefix.length), fileText(p)]));
}

/** Top-level keywords of `.gitlab-ci.yml` that are not jobs. */
const KEYWORDS = new Set(["stages", "include", "variables", "default", "workflow", "image", "services", "cache", "before_script", "after_script"]);

interface Pipeline {
  stages: string[];
  /** Job name -> its own keys and the file that defines it. */
  jobs: Map<string, { job: Job; file: string }>;
  /** File -> the files it includes, directly or not. */
  closure: Map<string, Set<string>>;
  problems: string[];
}

function isObject(value: unknown): value is Job {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function localIncludes(config: Job): string[] {
  const include = config.include;
  const entries = include === undefined ? [] : Array.isArray(include) ? include : [include];
  return entries.map((e) => (typeof e === "string" ? e : isObject(e) && typeof e.local === "string" ? e.local : `<not local: ${JSON.stringify(e)}>`));
}

/**
 * Loads a pipeline as GitLab does: included files first, the including file's keys over them;
 * a file included twice is read once. Include paths are absolute from the repository root.
 */
function loadPipeline(files: Files, entry: string): Pipeline {
  const pipeline: Pipeline = { stages: ["build", "test", "deploy"], jobs: new Map(), closure: new Map(), problems: [] };
  let stages: string[] | undefined;
  const loaded = new Set<string>();
  const load = (file: string): Set<string> => {
    const known = pipeline.closure.get(file);
    if (known) return known;
    const closure = new Set<string>();
    pipeline.closure.set(file, closure);
    const text = files.get(file);
    if (text === undefined) {
      pipeline.problems.push(`include ${file} is not a generated file`);
      return closure;
    }
    const config = parse(text, { version: "1.1" }) as Job;
    for (const include of localIncludes(config)) {
      if (!include.startsWith("/")) pipeline.problems.push(`${file}: include ${include} is not a local path from the repository root`);
      const target = include.replace(/^\//, "");
      closure.add(target);
      for (const f of load(target)) closure.add(f);
    }
    if (loaded.has(file)) return closure;
    loaded.add(file);
    if (Array.isArray(config.stages)) stages = config.stages as string[];
    for (const [name, value] of Object.entries(config)) {
      if (KEYWORDS.has(name)) continue;
      if (!isObject(value)) pipeline.problems.push(`${file}: ${name} is not a job`);
      else pipeline.jobs.set(name, { job: value, file });
    }
    return closure;
  };
  load(entry);
  if (stages) pipeline.stages = stages;
  return pipeline;
}

/** GitLab's `extends` merge: hashes deep-merged, everything else (arrays too) replaced. */
function merge(base: Job, over: Job): Job {
  const out: Job = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isObject(v) && isObject(out[k]) ? merge(out[k] as Job, v) : v;
  return out;
}

function extendsOf(job: Job): string[] {
  const e = job.extends;
  return e === undefined ? [] : Array.isArray(e) ? (e as string[]) : [e as string];
}

function resolve(pipeline: Pipeline, name: string, depth = 0): Job {
  const entry = pipeline.jobs.get(name);
  if (!entry || depth > 11) return {};
  let job: Job = {};
  for (const parent of extendsOf(entry.job)) job = merge(job, resolve(pipeline, parent, depth + 1));
  const { extends: _, ...own } = entry.job;
  return merge(job, own);
}

/** The `--flag value` and `--flag=value` arguments of one kaniko command line. */
function kanikoArgs(command: string): Map<string, string[]> {
  const args = new Map<string, string[]>();
  const words = command.split(/\s+/).slice(1);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const eq = word.indexOf("=");
    const [flag, value] = eq > 0 ? [word.slice(0, eq), word.slice(eq + 1)] : [word, words[++i] ?? ""];
    args.set(flag, [...(args.get(flag) ?? []), value]);
  }
  return args;
}

function scriptOf(job: Job): string[] {
  return Array.isArray(job.script) ? (job.script as string[]) : [];
}

function kanikoCommands(job: Job): string[] {
  return scriptOf(job).filter((line) => line.startsWith("/kaniko/executor "));
}

/**
 * GitLab CI semantics of one pipeline: every `include` is a generated file, every `extends` names
 * a hidden job of an included file, every job runs in a declared stage with a script, and every
 * kaniko build uses the project root as context and the layer cache (S30).
 */
function checkPipeline(files: Files, entry: string): string[] {
  const pipeline = loadPipeline(files, entry);
  const problems = [...pipeline.problems];
  for (const [name, { job, file }] of pipeline.jobs) {
    for (const parent of extendsOf(job)) {
      const target = pipeline.jobs.get(parent);
      if (!target) problems.push(`${file}: ${name} extends ${parent}, which no file defines`);
      else if (!parent.startsWith(".")) problems.push(`${file}: ${name} extends ${parent}, which is not a hidden job`);
      else if (target.file !== file && !pipeline.closure.get(file)?.has(target.file)) problems.push(`${file}: ${name} extends ${parent} from ${target.file}, which ${file} does not include`);
    }
    if (name.startsWith(".")) continue;
    const resolved = resolve(pipeline, name);
    const stage = typeof resolved.stage === "string" ? resolved.stage : "test";
    if (!pipeline.stages.includes(stage)) problems.push(`${file}: ${name} runs in stage ${stage}, not one of ${pipeline.stages.join(", ")}`);
    if (scriptOf(resolved).length === 0) problems.push(`${file}: ${name} has no script`);
    for (const command of kanikoCommands(resolved)) {
      const args = kanikoArgs(command);
      if (!args.get("--cache")?.includes("true")) problems.push(`${file}: ${name} builds without --cache=true`);
      if (!args.get("--context")?.includes("$CI_PROJECT_DIR")) problems.push(`${file}: ${name} builds without --context $CI_PROJECT_DIR`);
    }
  }
  return problems;
}

/** The pipelines a repository runs: the root one, and each service's on its own. */
function entries(): string[] {
  return [paths.root, ...ci.services.map(paths.service)];
}

describe("gitlab-ci: files", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "streamforge-gitlab-ci-"));
    for (const [path, text] of repository()) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the template, the root pipeline and one pipeline per service, shared by every environment", () => {
    expect([...repository().keys()].sort()).toEqual(
      [".gitlab-ci.yml", ".gitlab/ci-templates/python-service.yml", "services/dummy-service/.gitlab-ci.yml"].sort(),
    );
    for (const path of pathsUnder(`${GITLAB_CI_DIR}/`)) {
      expect(generated().get(path)?.env, path).toBeUndefined();
      expect(hasGeneratedHeader(fileText(path)), path).toBe(true);
      expect(fileText(path).startsWith("# Generated by `npm run gen`"), path).toBe(true);
    }
  });

  it.each([...repository().keys()])("yamllint finds nothing in %s", (path) => {
    // GitLab files start without `---`; kaniko command lines are long by nature.
    const config = "{extends: default, rules: {line-length: disable, document-start: disable}}";
    const result = spawnSync("yamllint", ["--strict", "-f", "parsable", "-d", config, join(dir, path)], { encoding: "utf8" });
    expect(result.error, "yamllint is installed (Debian package yamllint)").toBeUndefined();
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("yamllint rejects a broken file (the check can fail)", () => {
    const bad = join(dir, "bad.yml");
    writeFileSync(bad, "stages:\n  - build\nstages:\n  - test\n");
    const config = "{extends: default, rules: {line-length: disable, document-start: disable}}";
    expect(spawnSync("yamllint", ["--strict", "-d", config, bad], { encoding: "utf8" }).status).not.toBe(0);
  });

  it("no file holds a credential: registry access comes from the runner's docker-config Secret", () => {
    for (const [path, text] of repository()) {
      expect(text, path).not.toMatch(/PASSWORD|password|auths|CI_JOB_TOKEN|config\.json/);
    }
  });

  it("a platform without the in-cluster runner gets no CI templates", () => {
    expect(emitGitlabCi(mini)).toEqual([]);
  });
});

describe("gitlab-ci: structural check of GitLab CI semantics", () => {
  it.each(entries())("%s resolves: includes, extends, stages, kaniko arguments", (entry) => {
    expect(checkPipeline(repository(), entry)).toEqual([]);
  });

  it("finds broken pipelines (the check can fail)", () => {
    const files = repository();
    const broken: Files = new Map([
      [
        "pipeline.yml",
        [
          "stages: [build]",
          "include:",
          "  - local: /missing.yml",
          "  - local: /.gitlab/ci-templates/python-service.yml",
          "a: {stage: build, extends: .nowhere, script: [x]}",
          "b: {stage: release, script: [x]}",
          "c: {extends: .build_python_service}",
          "e: {extends: c, script: [x]}",
          "d: {stage: build, script: ['/kaniko/executor --context . --dockerfile Dockerfile --destination x']}",
        ].join("\n"),
      ],
      [".gitlab/ci-templates/python-service.yml", files.get(paths.template)!],
    ]);
    const problems = checkPipeline(broken, "pipeline.yml");
    expect(problems).toEqual(
      expect.arrayContaining([
        "include missing.yml is not a generated file",
        "pipeline.yml: a extends .nowhere, which no file defines",
        "pipeline.yml: b runs in stage release, not one of build",
        "pipeline.yml: d builds without --cache=true",
        "pipeline.yml: d builds without --context $CI_PROJECT_DIR",
        "pipeline.yml: e extends c, which is not a hidden job",
      ]),
    );
    // The template's own job passes: only the broken jobs are reported.
    expect(problems.filter((p) => p.includes(" c ")), problems.join("\n")).toEqual([]);
    expect(problems).toHaveLength(6);
  });
});

describe("S28 S30 S31 GitLab CI from the model", () => {
  const files = repository();
  const pipeline = loadPipeline(files, paths.root);
  const job = (name: string) => resolve(pipeline, name);
  const template = parse(files.get(paths.template)!, { version: "1.1" }) as Job;

  it("S28 GitLab CI builds images with kaniko on the in-cluster runner: pinned executor image, the runner's tags, credentials from its docker-config volume", () => {
    const runner = prod.components.runner;
    const values = parse(fileText("values/prod/gitlab-runner.yaml"), { version: "1.1" }) as { runners: { config: string } };
    const dockerConfig = runner.volumes.find((v) => v.name === ci.dockerConfigVolume)!;
    // The runner registers the volume the jobs read their registry credentials from.
    expect(values.runners.config).toContain(`name = "${dockerConfig.source}"\n        mount_path = "${dockerConfig.mountPath}"`);
    expect(runner.tags.length).toBeGreaterThan(0);
    for (const name of [...pipeline.jobs.keys()].filter((n) => !n.startsWith("."))) {
      const resolved = job(name);
      expect(resolved.tags, name).toEqual(runner.tags);
      if (kanikoCommands(resolved).length === 0) continue;
      expect(resolved.image, name).toEqual({ name: `${images.kaniko.repository}:${images.kaniko.version}`, entrypoint: [""] });
      expect((resolved.variables as Job).DOCKER_CONFIG, name).toBe(dockerConfig.mountPath);
    }
    expect(images.kaniko.version).toMatch(/^v\d+\.\d+\.\d+-debug$/);
  });

  it("S28 one shared base image is built from platform/Dockerfile in the setup stage and every service builds FROM it", () => {
    const base = job(ci.baseImage.name);
    expect(base.stage).toBe("setup");
    const [command] = kanikoCommands(base);
    const args = kanikoArgs(command!);
    expect(args.get("--dockerfile")).toEqual(["platform/Dockerfile"]);
    expect(args.get("--destination")).toEqual([`$CI_REGISTRY_IMAGE/${ci.baseImage.name}:$CI_COMMIT_SHA`]);
    const build = kanikoArgs(kanikoCommands(job(`${service!.name}-build`))[0]!);
    expect(build.get("--build-arg")).toEqual([`${ci.baseImage.buildArg}=${args.get("--destination")![0]}`]);
  });

  it("S30 every kaniko build uses the project root as context and layer caching (--cache=true) with a cache repository", () => {
    const commands = [...pipeline.jobs.keys()].filter((n) => !n.startsWith(".")).flatMap((n) => kanikoCommands(job(n)));
    // base image, and the build and release of each service
    expect(commands).toHaveLength(1 + 2 * ci.services.length);
    for (const command of commands) {
      const args = kanikoArgs(command);
      expect(args.get("--context"), command).toEqual(["$CI_PROJECT_DIR"]);
      expect(args.get("--cache"), command).toEqual(["true"]);
      expect(args.get("--cache-repo"), command).toEqual([`$CI_REGISTRY_IMAGE/${ci.cacheRepo}`]);
    }
    const build = kanikoArgs(kanikoCommands(job(`${service!.name}-build`))[0]!);
    expect(build.get("--dockerfile")).toEqual(["$SERVICE_PATH/Dockerfile"]);
    expect(build.get("--destination")).toEqual(["$CI_REGISTRY_IMAGE/$SERVICE_NAME:$CI_COMMIT_SHA"]);
  });

  it("S31 stages setup -> build -> test -> deploy, shared hidden jobs in .gitlab/ci-templates/", () => {
    expect(pipeline.stages).toEqual(["setup", "build", "test", "deploy"]);
    expect(template.stages).toEqual(["setup", "build", "test", "deploy"]);
    expect(paths.template).toMatch(/^\.gitlab\/ci-templates\/[^/]+\.yml$/);
    expect(Object.keys(template).filter((k) => k !== "stages")).toEqual([".build_base_image", ".build_python_service", ".test_python_service", ".deploy_python_service"]);
    expect((template[".test_python_service"] as Job).image).toBe("$CI_REGISTRY_IMAGE/$SERVICE_NAME:$CI_COMMIT_SHA");
    // A release re-publishes the tested image under the git tag, only in tag pipelines.
    expect((template[".deploy_python_service"] as Job).rules).toEqual([{ if: "$CI_COMMIT_TAG" }]);
  });

  it("S31 dummy-service sets SERVICE_NAME and SERVICE_PATH and extends the shared template in each stage", () => {
    expect(service).toEqual({ name: "dummy-service", path: "services/dummy-service" });
    const own = loadPipeline(files, paths.service(service!));
    expect(localIncludes(parse(files.get(paths.service(service!))!, { version: "1.1" }) as Job)).toEqual([`/${paths.template}`]);
    const jobs = [...own.jobs].filter(([, j]) => j.file === paths.service(service!));
    expect(jobs.map(([name, { job: j }]) => [name, j.extends])).toEqual([
      ["dummy-service-build", ".build_python_service"],
      ["dummy-service-test", ".test_python_service"],
      ["dummy-service-deploy", ".deploy_python_service"],
    ]);
    for (const [name, { job: j }] of jobs) {
      expect(j.variables, name).toEqual({ SERVICE_NAME: "dummy-service", SERVICE_PATH: "services/dummy-service" });
    }
    expect(jobs.map(([name]) => resolve(own, name).stage)).toEqual(["build", "test", "deploy"]);
  });
});
