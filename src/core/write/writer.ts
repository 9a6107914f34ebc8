/**
 * The only code that touches the output directory: plans a write against what is on disk,
 * then applies it atomically file by file, or reports drift without writing.
 */
import { join } from "node:path";
import { type FileRecord, hasGeneratedHeader } from "../files.ts";
import { OWNED_LIST_PATH, ownedListRecord, parseOwnedList } from "./owned.ts";
import { readIfExists } from "../fs.ts";
import { applyJournaled, insideOf, type StepHook } from "./journal.ts";

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

/** Which owned paths a scoped run (`--env`) may prune (and clean up after): those that name the environment. */
export function inScope(path: string, env: string | undefined): boolean {
  if (env === undefined) return true;
  // A segment equal to `env` (or `<env>.yaml`), found without splitting: a scoped run asks this of
  // every path of the owned list, thousands in a large tree. (An environment name holds no "/".)
  const padded = `/${path}/`;
  return padded.includes(`/${env}/`) || padded.includes(`/${env}.yaml/`);
}

/**
 * Compares the model's records with the directory. With `env`, only that environment's files and
 * the shared ones are considered; the owned-files list stays complete (the other environments'
 * entries are kept from the list on disk).
 */
export function plan(outDir: string, allRecords: FileRecord[], env?: string): Plan {
  const scoped = allRecords.filter((r) => env === undefined || r.env === undefined || r.env === env);
  const produced = new Set(scoped.map((r) => r.path));
  const previous = parseOwnedList(readIfExists(join(outDir, OWNED_LIST_PATH)) ?? "");
  // A scoped run (`--env`) may be given only its environment's records: what it does not prune
  // (the other environments' files) stays owned.
  const kept = env === undefined ? [] : previous.filter((path) => !produced.has(path) && path !== OWNED_LIST_PATH && !inScope(path, env));
  const owned = ownedListRecord([...scoped, ...kept.map((path) => ({ path, content: "" }))]);
  const records = [...scoped, owned];
  const result: Plan = { write: [], remove: [], unchanged: [], refused: [] };
  const inside = insideOf(outDir);
  for (const record of records) {
    const current = readIfExists(inside(record.path));
    if (current === record.content) result.unchanged.push(record.path);
    else if (current !== undefined && !hasGeneratedHeader(current)) result.refused.push(record.path);
    else result.write.push(record);
  }
  for (const path of previous) {
    if (produced.has(path) || path === OWNED_LIST_PATH || !inScope(path, env)) continue;
    const current = readIfExists(inside(path));
    if (current === undefined) continue;
    if (hasGeneratedHeader(current)) result.remove.push(path);
    else result.refused.push(path);
  }
  return result;
}

/**
 * Applies a plan crash-safely (staging, journal, roll forward; see `journal.ts`), together with
 * `also`: files that are not owned (a hand-written README whose generated section changed) but
 * must be replaced in the same crash-safe way. Callers must not apply a plan with refused files,
 * and must hold the folder's lock.
 */
export function apply(outDir: string, p: Plan, hook?: StepHook, also: readonly FileRecord[] = []): void {
  if (p.refused.length) throw new Error(`refusing to overwrite files without the generated header: ${p.refused.join(", ")}`);
  applyJournaled(outDir, [...p.write, ...also], p.remove, hook);
}
