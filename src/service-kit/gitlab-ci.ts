/**
 * The service repository's `.gitlab-ci.yml` (S31): the platform project's shared template
 * (`include: project:`, at the path the model's `ci.template.path` names), and one job per
 * template job extending it with `SERVICE_NAME` and `SERVICE_PATH`.
 */
import type { Json } from "../core/yaml.ts";
import type { CiSpec } from "../core/model/types.ts";
import type { ServiceSpec } from "./types.ts";
import { serviceJobs } from "../core/ci-jobs.ts";

export function servicePipeline(ci: CiSpec, spec: ServiceSpec): Record<string, Json> {
  return { include: [{ project: spec.ci.project, ref: spec.ci.ref, file: `/${ci.template.path}` }], ...serviceJobs(ci, spec) };
}
