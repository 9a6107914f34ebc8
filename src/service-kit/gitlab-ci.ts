/**
 * The service repository's `.gitlab-ci.yml` (S31): the platform project's shared template
 * (`include: project:`, at the path the model's `ci.template.path` names), and one job per
 * template job extending it with `SERVICE_NAME` and `SERVICE_PATH`.
 */
import type { Json } from "../core/yaml.ts";
import type { CiSpec } from "../core/model/types.ts";
import type { ServiceSpec } from "./types.ts";

export function servicePipeline(ci: CiSpec, spec: ServiceSpec): Record<string, Json> {
  const variables = { SERVICE_NAME: spec.name, SERVICE_PATH: spec.path };
  const pipeline: Record<string, Json> = {
    include: [{ project: spec.ci.project, ref: spec.ci.ref, file: `/${ci.template.path}` }],
  };
  for (const [suffix, template] of [
    ["build", ci.template.jobs.build],
    ["test", ci.template.jobs.test],
    ["deploy", ci.template.jobs.deploy],
  ] as const) {
    pipeline[`${spec.name}-${suffix}`] = { extends: template, variables };
  }
  return pipeline;
}
