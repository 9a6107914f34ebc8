/**
 * Writes plain generated files (the derived JSON schemas and TypeScript types under `schema/` and
 * `src/helm/charts/types/`), and compares them with disk. Unlike `gen`'s output these carry their
 * "generated" note inside the content, and nothing is pruned: the generators write a fixed set.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import type { FileRecord } from "../files.ts";

function target(root: string, path: string): string {
  const full = resolve(root, path);
  const rel = relative(resolve(root), full);
  if (rel.startsWith("..") || rel.startsWith(sep) || rel === "") throw new Error(`refusing path outside ${root}: ${path}`);
  return full;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Writes each record whose content differs (temp file + rename); returns the paths written. */
export function writeRecords(root: string, records: readonly FileRecord[]): string[] {
  const written: string[] = [];
  for (const record of records) {
    const full = target(root, record.path);
    if (readIfExists(full) === record.content) continue;
    mkdirSync(dirname(full), { recursive: true });
    const temp = `${full}.${process.pid}.tmp`;
    writeFileSync(temp, record.content);
    renameSync(temp, full);
    written.push(record.path);
  }
  return written;
}

/** Paths of records whose file under `root` is missing or differs. */
export function staleRecords(root: string, records: readonly FileRecord[]): string[] {
  return records.filter((r) => readIfExists(target(root, r.path)) !== r.content).map((r) => r.path);
}
