import {
  didYouMean
} from "./chunk-ZHNZG2LR.mjs";

// src/check/model-schema.ts
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
var MODEL_SCHEMA_RULE = "schema/model";
var STALE_HINT = "remove the key, or if it is a new field of src/model/types.ts, run `npm run schema:model`";
var compiled;
function modelSchema() {
  return JSON.parse(readFileSync(new URL("../../schema/platform.schema.json", import.meta.url), "utf8"));
}
function validator() {
  compiled ??= new Ajv({ strict: true, allErrors: true, verbose: true }).compile(modelSchema());
  return compiled;
}
function show(value) {
  const text = JSON.stringify(value);
  return text === void 0 ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
function what(error) {
  const description = error.parentSchema?.description;
  return description ? ` (${description.replace(/\.$/, "")})` : "";
}
function toDiagnostic(error, file) {
  const pointer = error.instancePath;
  const base = { rule: MODEL_SCHEMA_RULE, severity: "error", file, pointer };
  const params = error.params;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const known = Object.keys(error.parentSchema.properties ?? {});
      const hint = didYouMean(key, known) ?? STALE_HINT;
      return { ...base, pointer: `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, message: `unknown key "${key}"; expected one of: ${known.join(", ")}`, ...hint ? { hint } : {} };
    }
    case "required":
      return { ...base, message: `missing required key "${String(params.missingProperty)}"` };
    case "type":
      return { ...base, message: `expected ${String(params.type)}${what(error)}, got ${show(error.data)}` };
    case "pattern":
      return { ...base, message: `${show(error.data)} is not valid${what(error)}: expected to match ${String(params.pattern)}` };
    case "enum":
      return { ...base, message: `${show(error.data)} is not allowed; expected one of: ${params.allowedValues.map(show).join(", ")}` };
    case "const":
      return { ...base, message: `${show(error.data)} is not allowed; expected ${show(params.allowedValue)}` };
    default:
      return { ...base, message: `${show(error.data)} ${error.message ?? "is invalid"}${what(error)}` };
  }
}
function validateModel(platform, file = "model") {
  const validate = validator();
  if (validate(platform)) return [];
  const errors = validate.errors ?? [];
  const specific = errors.filter((e) => e.keyword !== "anyOf");
  return (specific.length ? specific : errors).map((e) => toDiagnostic(e, file));
}
export {
  MODEL_SCHEMA_RULE,
  modelSchema,
  validateModel
};
