/** The embedded model's generated output, computed once per test file, and ways to read it. */
import { parse } from "yaml";
import { generate } from "../../src/pipeline/generate.ts";
import { streamforge } from "../../src/platform/streamforge.ts";
import type { FileRecord } from "../../src/core/files.ts";

let cache: Map<string, FileRecord> | undefined;

/** All generated files of the embedded model, by path. */
export function generated(): Map<string, FileRecord> {
  cache ??= new Map(generate(streamforge).map((r) => [r.path, r]));
  return cache;
}

/** The text of one generated file; fails the test when the model does not produce it. */
export function fileText(path: string): string {
  const record = generated().get(path);
  if (!record) throw new Error(`the model generates no file ${path}`);
  return record.content;
}

/** A generated YAML file as data (first document). */
export function yamlOf<T = any>(path: string): T {
  return parse(fileText(path), { version: "1.1" }) as T;
}

/** Every document of a generated YAML file. */
export function yamlDocsOf(path: string): unknown[] {
  return fileText(path)
    .split(/^---$/m)
    .map((doc) => parse(doc, { version: "1.1" }))
    .filter((doc) => doc !== null);
}

/** Paths of generated files under a prefix. */
export function pathsUnder(prefix: string): string[] {
  return [...generated().keys()].filter((p) => p.startsWith(prefix));
}
