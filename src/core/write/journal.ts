/**
 * Crash-safe application of a plan: every new file is first written under `.streamforge/staging/`,
 * then one journal (`.streamforge/journal.json`, written by rename) commits the run, then staged
 * files are renamed into place and stale ones deleted. A run killed before the journal exists left
 * the old generation untouched (its staging is discarded); a run killed after it is rolled forward
 * by the next `gen`, so the folder always ends as the old generation or the new one.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { FileRecord } from "../files.ts";

export const JOURNAL_PATH = ".streamforge/journal.json";
export const STAGING_DIR = ".streamforge/staging";

/** What a committed run still has to do. */
interface Journal {
  /** Paths (relative to the output folder) whose staged copy replaces them. */
  write: string[];
  /** Owned files the new generation no longer has. */
  remove: string[];
}

/**
 * Called before each step with its name; tests throw from it to stop a run at that step, as a
 * `kill -9` would (nothing after it runs, no cleanup).
 */
export type StepHook = (step: string) => void;

/** A path inside `outDir`, refusing anything that escapes it. */
export function inside(outDir: string, path: string): string {
  const full = resolve(outDir, path);
  const rel = relative(resolve(outDir), full);
  if (rel.startsWith("..") || rel.startsWith(sep) || rel === "") throw new Error(`refusing path outside the output directory: ${path}`);
  return full;
}

/** Removes directories left empty, up to (not including) `root`. */
export function removeEmptyParents(root: string, path: string): void {
  let dir = dirname(path);
  const top = resolve(root);
  while (dir.startsWith(top + sep) && existsSync(dir) && readdirSync(dir).length === 0) {
    rmdirSync(dir);
    dir = dirname(dir);
  }
}

function readJournal(outDir: string): Journal | undefined {
  let text: string;
  try {
    text = readFileSync(join(outDir, JOURNAL_PATH), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<Journal>;
  if (!Array.isArray(parsed.write) || !Array.isArray(parsed.remove)) throw new Error(`${join(outDir, JOURNAL_PATH)} is not a streamforge journal; remove it and run gen again`);
  return { write: parsed.write.map(String), remove: parsed.remove.map(String) };
}

/** Whether a run was interrupted after its commit point (so the folder is between generations). */
export function pendingJournal(outDir: string): boolean {
  return existsSync(join(outDir, JOURNAL_PATH));
}

/** Steps after the commit point; each is idempotent, so a second interruption is harmless. */
function rollForward(outDir: string, journal: Journal, hook: StepHook): void {
  const staging = join(outDir, STAGING_DIR);
  for (const path of journal.write) {
    hook(`rename ${path}`);
    const staged = inside(staging, path);
    // Gone already: renamed into place before the interruption.
    if (!existsSync(staged)) continue;
    const target = inside(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(staged, target);
  }
  for (const path of journal.remove) {
    hook(`remove ${path}`);
    const full = inside(outDir, path);
    rmSync(full, { force: true });
    removeEmptyParents(outDir, full);
  }
  hook("clear");
  rmSync(staging, { recursive: true, force: true });
  rmSync(join(outDir, JOURNAL_PATH), { force: true });
}

/**
 * Finishes what an interrupted run left: rolls a committed run forward, discards an uncommitted
 * one's staging, and removes `<file>.<pid>.tmp` leftovers of earlier writers next to owned files.
 * Returns what it did, for the user to see.
 */
export function recover(outDir: string, owned: readonly string[], hook: StepHook = () => {}): string[] {
  const notes: string[] = [];
  const journal = readJournal(outDir);
  if (journal) {
    rollForward(outDir, journal, hook);
    notes.push(`completed an interrupted run: ${journal.write.length} file(s) written, ${journal.remove.length} removed`);
  } else if (existsSync(join(outDir, STAGING_DIR))) {
    rmSync(join(outDir, STAGING_DIR), { recursive: true, force: true });
    notes.push("discarded the staging of a run interrupted before it changed anything");
  }
  rmSync(join(outDir, `${JOURNAL_PATH}.tmp`), { force: true });
  const leftovers = tempLeftovers(outDir, owned);
  for (const path of leftovers) rmSync(join(outDir, path), { force: true });
  if (leftovers.length) notes.push(`removed ${leftovers.length} leftover temporary file(s)`);
  return notes;
}

/** `<name>.<pid>.tmp` files beside owned files: what a writer killed between write and rename leaves. */
export function tempLeftovers(outDir: string, owned: readonly string[]): string[] {
  const byDir = new Map<string, Set<string>>();
  for (const path of owned) {
    const dir = dirname(path);
    const names = byDir.get(dir) ?? new Set<string>();
    names.add(path.slice(dir === "." ? 0 : dir.length + 1));
    byDir.set(dir, names);
  }
  const out: string[] = [];
  for (const [dir, names] of byDir) {
    let entries: string[];
    try {
      entries = readdirSync(join(outDir, dir));
    } catch {
      continue;
    }
    for (const entry of entries) {
      const match = /^(.+)\.\d+\.tmp$/.exec(entry);
      if (match?.[1] !== undefined && names.has(match[1])) out.push(dir === "." ? entry : `${dir}/${entry}`);
    }
  }
  return out.sort();
}

/** Applies a plan through staging and the journal (see the module comment). */
export function applyJournaled(outDir: string, write: readonly FileRecord[], remove: readonly string[], hook: StepHook = () => {}): void {
  if (write.length === 0 && remove.length === 0) return;
  const staging = join(outDir, STAGING_DIR);
  rmSync(staging, { recursive: true, force: true });
  for (const record of write) {
    hook(`stage ${record.path}`);
    inside(outDir, record.path);
    const staged = inside(staging, record.path);
    mkdirSync(dirname(staged), { recursive: true });
    writeFileSync(staged, record.content);
  }
  const journal: Journal = { write: write.map((r) => r.path), remove: [...remove] };
  hook("commit");
  const temp = join(outDir, `${JOURNAL_PATH}.tmp`);
  writeFileSync(temp, JSON.stringify(journal));
  renameSync(temp, join(outDir, JOURNAL_PATH));
  rollForward(outDir, journal, hook);
}
