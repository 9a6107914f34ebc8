/**
 * The jobs a service's pipeline runs (S31): each job of the platform's shared template, extended
 * with the service's `SERVICE_NAME` and `SERVICE_PATH`. The platform's own pipeline and a service
 * repository's (service kit) differ only in how they include the template.
 */
import type { CiSpec } from "./model/types.ts";
import type { Json } from "./yaml.ts";

export function serviceJobs(ci: CiSpec, service: { name: string; path: string }): Record<string, Json> {
  const variables = { SERVICE_NAME: service.name, SERVICE_PATH: service.path };
  const jobs: Record<string, Json> = {};
  for (const [suffix, template] of [
    ["build", ci.template.jobs.build],
    ["test", ci.template.jobs.test],
    ["deploy", ci.template.jobs.deploy],
  ] as const) {
    jobs[`${service.name}-${suffix}`] = { extends: template, variables };
  }
  return jobs;
}
