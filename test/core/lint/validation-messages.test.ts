/**
 * kubernetes-models' messages load at the first failure instead of with the first kind
 * (`src/core/lint/validation-messages.ts`): what a failure throws must be what kubernetes-models'
 * own `runValidateFunc` throws, and a kind must load without ajv-i18n. Each case runs in a fresh
 * node process, whose module cache has neither the real `validate.js` nor ours yet.
 */
import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { tempDir } from "../../support/cli.ts";
import { fresh as freshWith } from "../../support/fresh-node.ts";
import { deferValidationMessages } from "../../../src/core/lint/validation-messages.ts";

const fresh = (body: string) => freshWith(body, { messages: "src/core/lint/validation-messages.ts" });

/** Jobs kubernetes-models rejects: a missing field, wrong types, a value out of int32, an unknown enum value, a bad date-time. */
const BAD_JOBS = `[
  { apiVersion: "batch/v1", kind: "Job", metadata: { name: "a" }, spec: {} },
  { apiVersion: "batch/v1", kind: "Job", metadata: { name: 3 }, spec: { template: { spec: { containers: [{ name: "c", ports: [{ containerPort: 4294967296 }] }] } } } },
  { apiVersion: "batch/v1", kind: "Job", spec: { completionMode: 7, template: { spec: { containers: "x" } } }, status: { startTime: "yesterday" } },
]`;

/** What a validation of each bad Job throws: class, message and errors, through `run`. */
const THROWN = `
  const thrown = (run) => ${BAD_JOBS}.map((job) => {
    const schema = require(kindFile.replace(/batch\\/v1\\/Job\\.js$/, "_schemas/IoK8sApiBatchV1Job.js")).validate;
    try { run(schema, job); return null; } catch (e) { return { name: e.constructor.name, message: e.message, errors: e.errors, ajv: e.ajv }; }
  });`;

describe("kubernetes-models' messages, loaded at the first failure", () => {
  it("are what kubernetes-models' own runValidateFunc gives: class, message and each error", () => {
    const { real, ours, exports } = fresh(`
      ${THROWN}
      const { file } = messages.validateModuleOf(kindFile);
      const real = thrown(require(file).runValidateFunc);
      const ours = thrown(messages.runValidateFuncOf(file));
      console.log(JSON.stringify({ real, ours, exports: Object.keys(require(file)) }));`) as { real: unknown[]; ours: unknown[]; exports: string[] };
    // The module replaced exports nothing else.
    expect(exports).toEqual(["runValidateFunc"]);
    expect(real.every((r) => r !== null)).toBe(true);
    expect(ours).toEqual(real);
  });

  it("let a kind load without ajv-i18n, which the first failure then loads", () => {
    const facts = fresh(`
      const deferred = messages.deferValidationMessages(kindFile);
      const { Job } = require(kindFile);
      const afterLoad = loaded("ajv-i18n");
      new Job({ metadata: { name: "ok" }, spec: { template: { spec: { containers: [{ name: "c", image: "busybox" }] } } } }).validate();
      const afterValid = loaded("ajv-i18n");
      let message;
      try { new Job({ metadata: { name: "a" }, spec: {} }).validate(); } catch (e) { message = e.message; }
      console.log(JSON.stringify({ deferred, afterLoad, afterValid, afterFailure: loaded("ajv-i18n/localize/en"), otherLocales: loaded("ajv-i18n/localize/de"), message }));`);
    expect(facts).toEqual({ deferred: true, afterLoad: false, afterValid: false, afterFailure: true, otherLocales: false, message: "data/spec must have required property template" });
  });

  it("leave a @kubernetes-models/validate of another major version alone", () => {
    const dir = tempDir();
    const files: Record<string, string> = {
      "node_modules/kubernetes-models/v1/Thing.js": "",
      "node_modules/@kubernetes-models/base/package.json": '{ "name": "@kubernetes-models/base", "main": "index.js" }',
      "node_modules/@kubernetes-models/base/index.js": "",
      "node_modules/@kubernetes-models/validate/package.json": '{ "name": "@kubernetes-models/validate", "version": "5.0.0", "main": "dist/index.js" }',
      "node_modules/@kubernetes-models/validate/dist/index.js": "",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    expect(deferValidationMessages(join(dir, "node_modules/kubernetes-models/v1/Thing.js"))).toBe(false);
  });
});
