/**
 * The only code that touches the output directory: plans a write against what is on disk,
 * then applies it atomically file by file, or reports drift without writing.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync, readdirSync, rmdirSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { type FileRecord, hasGeneratedHeader } from "../files.ts";
import { OWNED_LIST_PATH, ownedListRecord, parseOwnedList } from "./owned.ts";

/** What a run would change in the output directory. */
export interface Plan {
  /** Files to create or replace. */
  write: FileRecord[];
  /** Owned files the model no longer produces. */
  remove: string[];
  /** Files whose content is already current. */
  unchanged: string[];
  /** Files that exist without the generated header: never overwritten. */
  refused: string[];
}

export function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Rejects paths that would escape the output directory. */
function inside(outDir: string, path: string): string {
  const full = resolve(outDir, path);
  const rel = relative(resolve(outDir), full);
  if (rel.startsWith("..") || rel.startsWith(sep) || rel === "") throw new Error(`refusing path outside the output directory: ${path}`);
  return full;
}

/** Which owned paths a scoped run (`--env`) may prune: those that name the environment. */
function inScope(path: string, env: string | undefined): boolean {
  if (env === undefined) return true;
  return path.split("/").some((segment) => segment === env || segment === `${env}.yaml`);
}

/**
 * Compares the model's records with the directory. With `env`, only that environment's files and
 * the shared ones are considered; the owned-files list is always complete.
 */
export function plan(outDir: string, allRecords: FileRecord[], env?: string): Plan {
  const owned = ownedListRecord(allRecords);
  const records = [...allRecords.filter((r) => env === undefined || r.env === undefined || r.env === env), owned];
  const produced = new Set(allRecords.map((r) => r.path));
  const previous = parseOwnedList(readIfExists(join(outDir, OWNED_LIST_PATH)) ?? "");
  const result: Plan = { write: [], remove: [], unchanged: [], refused: [] };
  for (const record of records) {
    const current = readIfExists(inside(outDir, record.path));
    if (current === record.content) result.unchanged.push(record.path);
    else if (current !== undefined && !hasGeneratedHeader(current)) result.refused.push(record.path);
    else result.write.push(record);
  }
  for (const path of previous) {
    if (produced.has(path) || path === OWNED_LIST_PATH || !inScope(path, env)) continue;
    const current = readIfExists(inside(outDir, path));
    if (current === undefined) continue;
    if (hasGeneratedHeader(current)) result.remove.push(path);
    else result.refused.push(path);
  }
  return result;
}

/** Writes through a temporary file and a rename, so no reader ever sees half a file. */
function writeAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, path);
}

/** Removes directories left empty by pruning, up to (not including) the output root. */
function removeEmptyParents(outDir: string, path: string): void {
  let dir = dirname(path);
  const root = resolve(outDir);
  while (dir.startsWith(root) && dir !== root && existsSync(dir) && readdirSync(dir).length === 0) {
    rmdirSync(dir);
    dir = dirname(dir);
  }
}

/** Applies a plan. Callers must not apply a plan with refused files. */
export function apply(outDir: string, p: Plan): void {
  if (p.refused.length) throw new Error(`refusing to overwrite files without the generated header: ${p.refused.join(", ")}`);
  for (const record of p.write) writeAtomic(inside(outDir, record.path), record.content);
  for (const path of p.remove) {
    const full = inside(outDir, path);
    rmSync(full);
    removeEmptyParents(outDir, full);
  }
}
