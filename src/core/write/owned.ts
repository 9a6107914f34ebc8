/**
 * The list of files the generator owns, kept beside the output so that a later run can prune
 * what the model no longer produces, and never touches anything else.
 */
import { header, type FileRecord } from "../files.ts";

export const OWNED_LIST_PATH = ".streamforge/owned-files.txt";

/** The owned-files list as a generated file of its own (so `--check` covers it too). */
export function ownedListRecord(records: FileRecord[]): FileRecord {
  const paths = records.map((r) => r.path).sort();
  return { path: OWNED_LIST_PATH, content: header("#") + paths.map((p) => `${p}\n`).join("") };
}

/** Paths listed in an owned-files list (comment lines skipped). */
export function parseOwnedList(content: string): string[] {
  return content
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}
