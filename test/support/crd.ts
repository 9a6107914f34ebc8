/**
 * Validation of custom resources against the project's committed CRD schemas (`schema/crds/`,
 * derived by `npm run schema:crds`; `npm run test:upstream` checks them against upstream), the
 * same schemas lint uses.
 */
import { crdValidator, loadCrdSchema } from "../../src/core/schema/index.ts";

/** Whether a schema is committed for the object's kind. */
export function hasCrdSchema(object: { apiVersion: string; kind: string }): boolean {
  return loadCrdSchema(object.apiVersion, object.kind) !== undefined;
}

/** ajv's errors for `object` against its committed CRD schema, as `path: message` lines. */
export function crdErrors(object: { apiVersion: string; kind: string }): string[] {
  const validate = crdValidator(object.apiVersion, object.kind);
  if (!validate) throw new Error(`no CRD schema is committed for ${object.apiVersion} ${object.kind} (schema/crds): run \`npm run schema:crds\``);
  return validate(object) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message}`);
}
