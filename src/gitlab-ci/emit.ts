/**
 * GitLab CI of the StreamForge application repositories (S28, S30, S31), written under
 * `gitlab-ci/` in the layout of such a repository:
 * - `.gitlab/ci-templates/python-service.yml`: the stages and the hidden jobs every service
 *   extends (base image, build, test, deploy);
 * - `services/<name>/.gitlab-ci.yml`: one pipeline per service, which includes the template,
 *   sets `SERVICE_NAME` and `SERVICE_PATH` and extends the template's jobs;
 * - `.gitlab-ci.yml`: the repository's root pipeline: the base image job and every service.
 *
 * Images are built by kaniko on the in-cluster runner (selected by its tags), with the project
 * root as context and a layer cache in the registry. Registry and commit come from GitLab's
 * predefined variables and the credentials from the runner's docker-config Secret: no address,
 * user or password is written here (A13).
 *
 * The templates do not depend on the environment (one GitLab, A15); they follow the default
 * environment's model and their records carry no `env`.
 */
import type { CiService, CiSpec, Environment, Platform } from "../core/model/types.ts";
import { ciDockerConfigDir, ciEnvironment, isEnabled } from "../core/model/derive.ts";
import type { FileRecord } from "../core/files.ts";
import { type Json, yamlContent } from "../core/yaml.ts";
import { settingsOf } from "../core/model/components.ts";
import { serviceJobs } from "../core/ci-jobs.ts";

/** Output folder: the root of an application repository. */
export const GITLAB_CI_DIR = "gitlab-ci";

/** Where the kaniko executor lives in its image. */
const KANIKO = "/kaniko/executor";

/** The file paths of the generated repository layout, relative to `gitlab-ci/`. */
export function gitlabCiPaths(ci: CiSpec): { root: string; template: string; service: (s: CiService) => string } {
  return {
    root: ".gitlab-ci.yml",
    template: ci.template.path,
    service: (s) => `${s.path}/.gitlab-ci.yml`,
  };
}

/** A reference to a predefined or job variable, as GitLab expands it in scripts and `image:`. */
function v(name: string): string {
  return `$${name}`;
}

/** The image reference `<registry image>/<name>:<tag variable>`. */
function imageRef(ci: CiSpec, name: string, tag: string): string {
  return `${v(ci.registry.image)}/${name}:${v(tag)}`;
}

/** One kaniko invocation: project root as context and registry layer cache on every build (S30). */
function kanikoCommand(ci: CiSpec, dockerfile: string, destination: string, buildArgs: Record<string, string> = {}): string {
  const args = [
    `--context ${v(ci.buildContext)}`,
    `--dockerfile ${dockerfile}`,
    ...Object.entries(buildArgs).map(([k, value]) => `--build-arg ${k}=${value}`),
    `--destination ${destination}`,
    "--cache=true",
    `--cache-repo ${v(ci.registry.image)}/${ci.cacheRepo}`,
  ];
  return [KANIKO, ...args].join(" ");
}

/** What every kaniko job shares: the debug image (GitLab needs its shell), runner, credentials. */
function kanikoJob(env: Environment): Record<string, Json> {
  const ci = settingsOf(env, "ci");
  return {
    // kaniko's entrypoint is the executor; GitLab must start the image's shell instead.
    image: { name: `${ci.kaniko.image}:${ci.kaniko.version}`, entrypoint: [""] },
    tags: settingsOf(env, "runner").tags,
    variables: { DOCKER_CONFIG: ciDockerConfigDir(env) },
  };
}

/** The hidden jobs of the shared template (S31), keyed by their names in the model. */
export function templateJobs(env: Environment): Record<string, Json> {
  const ci = settingsOf(env, "ci");
  const [setup, build, test, deploy] = ci.stages;
  const baseImage = imageRef(ci, ci.baseImage.name, ci.registry.commit);
  const serviceImage = imageRef(ci, v("SERVICE_NAME"), ci.registry.commit);
  // A release re-publishes the tested image under the tag: a Dockerfile of only `FROM` copies it.
  const releaseDir = "/tmp/release";
  return {
    [ci.template.jobs.baseImage]: {
      stage: setup,
      ...kanikoJob(env),
      script: [kanikoCommand(ci, ci.baseImage.dockerfile, baseImage)],
    },
    [ci.template.jobs.build]: {
      stage: build,
      ...kanikoJob(env),
      script: [kanikoCommand(ci, `${v("SERVICE_PATH")}/Dockerfile`, serviceImage, { [ci.baseImage.buildArg]: baseImage })],
    },
    [ci.template.jobs.test]: {
      stage: test,
      image: serviceImage,
      tags: settingsOf(env, "runner").tags,
      script: [`cd "${v("SERVICE_PATH")}"`, ci.testCommand],
    },
    [ci.template.jobs.deploy]: {
      stage: deploy,
      ...kanikoJob(env),
      rules: [{ if: v(ci.registry.release) }],
      script: [
        `mkdir -p ${releaseDir}`,
        `echo "FROM ${serviceImage}" > ${releaseDir}/Dockerfile`,
        kanikoCommand(ci, `${releaseDir}/Dockerfile`, imageRef(ci, v("SERVICE_NAME"), ci.registry.release)),
      ],
    },
  };
}

/** `include:` entry of a file of the same repository (absolute from the repository root). */
function local(path: string): Json {
  return { local: `/${path}` };
}

/** A service's pipeline: the template's build, test and deploy jobs with the service's variables. */
function servicePipeline(ci: CiSpec, service: CiService): Record<string, Json> {
  return { include: [local(ci.template.path)], ...serviceJobs(ci, service) };
}

/** The repository's root pipeline: stages, the base image job and every service's pipeline. */
function rootPipeline(ci: CiSpec): Record<string, Json> {
  const paths = gitlabCiPaths(ci);
  return {
    stages: [...ci.stages],
    include: [local(paths.template), ...ci.services.map((s) => local(paths.service(s)))],
    [ci.baseImage.name]: { extends: ci.template.jobs.baseImage },
  };
}

/** The CI templates run on the in-cluster runner; a platform without it gets none. */
function hasRunner(platform: Platform): boolean {
  const env = platform.environments.find((e) => e.name === platform.defaultEnvironment) ?? platform.environments[0];
  return env !== undefined && platform.releases.some((r) => r.adapter === "gitlab-runner" && isEnabled(env, r));
}

export function emitGitlabCi(platform: Platform): FileRecord[] {
  if (!hasRunner(platform)) return [];
  const env = ciEnvironment(platform);
  const ci = settingsOf(env, "ci");
  const paths = gitlabCiPaths(ci);
  const file = (path: string, data: Json): FileRecord => ({ path: `${GITLAB_CI_DIR}/${path}`, ...yamlContent(data) });
  return [
    file(paths.root, rootPipeline(ci)),
    file(paths.template, { stages: [...ci.stages], ...templateJobs(env) }),
    ...ci.services.map((s) => file(paths.service(s), servicePipeline(ci, s))),
  ];
}
