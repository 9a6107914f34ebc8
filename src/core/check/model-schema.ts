/**
 * Shape check of a model: validates a `Platform` value against `schema/platform.schema.json`
 * (derived from the TypeScript types) with ajv in strict, all-errors mode. Runs before any rule,
 * so rules may assume well-typed input. A TypeScript model is already typed when it compiles; this
 * catches models built from JavaScript, JSON, casts or `as unknown`.
 */
import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import type { Diagnostic } from "../diagnostics/types.ts";
import type { Platform } from "../model/types.ts";
import { didYouMean } from "../diagnostics/suggest.ts";

export const MODEL_SCHEMA_RULE = "schema/model";

/** An unknown key with no near match is most often a field just added to the types. */
const STALE_HINT = "remove the key, or if it is a new field of src/core/model/types.ts, run `npm run schema:model`";

let compiled: ValidateFunction | undefined;

/** The model schema, read from the package's `schema/` folder (beside `src/` and `dist/`). */
export function modelSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL("../../../schema/platform.schema.json", import.meta.url), "utf8")) as Record<string, unknown>;
}

function validator(): ValidateFunction {
  compiled ??= new Ajv({ strict: true, allErrors: true, verbose: true }).compile(modelSchema());
  return compiled;
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** What the failing schema describes, from its `description`. */
function what(error: ErrorObject): string {
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  return description ? ` (${description.replace(/\.$/, "")})` : "";
}

function toDiagnostic(error: ErrorObject, file: string): Diagnostic {
  const pointer = error.instancePath;
  const base = { rule: MODEL_SCHEMA_RULE, severity: "error" as const, file, pointer };
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const hint = didYouMean(key, known) ?? STALE_HINT;
      return { ...base, pointer: `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, message: `unknown key "${key}"; expected one of: ${known.join(", ")}`, ...(hint ? { hint } : {}) };
    }
    case "required":
      return { ...base, message: `missing required key "${String(params.missingProperty)}"` };
    case "type":
      return { ...base, message: `expected ${String(params.type)}${what(error)}, got ${show(error.data)}` };
    case "pattern":
      return { ...base, message: `${show(error.data)} is not valid${what(error)}: expected to match ${String(params.pattern)}` };
    case "enum":
      return { ...base, message: `${show(error.data)} is not allowed; expected one of: ${(params.allowedValues as unknown[]).map(show).join(", ")}` };
    case "const":
      return { ...base, message: `${show(error.data)} is not allowed; expected ${show(params.allowedValue)}` };
    default:
      return { ...base, message: `${show(error.data)} ${error.message ?? "is invalid"}${what(error)}` };
  }
}

/**
 * Validates a model; every problem at once, each with the JSON pointer of the bad value inside
 * the model. `file` names where the model comes from (the `--model` module or the embedded one).
 */
export function validateModel(platform: Platform | unknown, file = "model"): Diagnostic[] {
  const validate = validator();
  if (validate(platform)) return [];
  const errors = validate.errors ?? [];
  // `anyOf` failures repeat what their branches already said; keep them only when alone.
  const specific = errors.filter((e) => e.keyword !== "anyOf");
  return (specific.length ? specific : errors).map((e) => toDiagnostic(e, file));
}
