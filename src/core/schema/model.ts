/**
 * `schema/platform.schema.json` is derived from the model's TypeScript types (`Platform` in
 * `src/core/model/types.ts`); the types are the one source, the schema is regenerated and CI fails when
 * the committed copy is stale. Build-time only: ts-json-schema-generator is a dev dependency and is
 * loaded on demand, never by `gen` or `lint`.
 */
import { join } from "node:path";
import type { FileRecord } from "../files.ts";
import { schemaText } from "./json.ts";

export const MODEL_SCHEMA_PATH = "schema/platform.schema.json";
export const MODEL_SCHEMA_COMMAND = "npm run schema:model";

/** The model schema as a file record, generated from the types under `root`. */
export async function modelSchemaRecord(root: string): Promise<FileRecord> {
  const { createGenerator } = await import("ts-json-schema-generator");
  const generator = createGenerator({
    path: join(root, "src/core/model/types.ts"),
    tsconfig: join(root, "tsconfig.json"),
    type: "Platform",
    expose: "export",
    topRef: true,
    jsDoc: "extended",
    additionalProperties: false,
    // `tsc` checks the types; the generator only needs their shape.
    skipTypeCheck: true,
  });
  const schema = generator.createSchema("Platform") as Record<string, unknown>;
  const content = schemaText(
    schema,
    MODEL_SCHEMA_COMMAND,
    "from the `Platform` type in src/core/model/types.ts",
  );
  return { path: MODEL_SCHEMA_PATH, content };
}
