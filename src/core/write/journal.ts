/**
 * Crash-safe application of a plan: every new file is first written under `.streamforge/staging/`,
 * then one journal (`.streamforge/journal.json`, written by rename) commits the run, then staged
 * files are renamed into place and stale ones deleted. A run killed before the journal exists left
 * the old generation untouched (its staging is discarded); a run killed after it is rolled forward
 * by the next `gen`, so the folder always ends as the old generation or the new one.
 *
 * Every scratch file a run creates lives under `.streamforge/` (staging, `journal.json.tmp`, the
 * lock): none is ever put beside a target. So recovery looks only there, and never has to list the
 * output's directories for temporary files.
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
  /**
   * `"index"`: the staged copy of `write[i]` is `staging/<i>` (one flat folder, so staging costs no
   * directory per output directory). Absent in journals of earlier versions, which staged each file
   * under its own path; those are still rolled forward.
   */
  staged?: "index";
}

/**
 * Called before each step with its name; tests throw from it to stop a run at that step, as a
 * `kill -9` would (nothing after it runs, no cleanup).
 */
export type StepHook = (step: string) => void;

/** An empty, `.` or `..` segment: a path that has one is not plainly below its root. */
const ODD_SEGMENT = /(?:^|\/)\.{0,2}(?:\/|$)/;

/**
 * `inside` for one output folder, its root resolved once: a plan asks this of every file. A plain
 * relative path (no empty, `.` or `..` segment) is joined without resolving; anything else goes
 * through `resolve` and is refused if it escapes the folder.
 */
export function insideOf(outDir: string): (path: string) => string {
  const root = resolve(outDir);
  const prefix = root.endsWith(sep) ? root : root + sep;
  return (path) => {
    if (sep === "/" && !path.startsWith("/") && !ODD_SEGMENT.test(path)) return prefix + path;
    const full = resolve(root, path);
    const rel = relative(root, full);
    if (rel.startsWith("..") || rel.startsWith(sep) || rel === "") throw new Error(`refusing path outside the output directory: ${path}`);
    return full;
  };
}

/** A path inside `outDir`, refusing anything that escapes it. */
export function inside(outDir: string, path: string): string {
  return insideOf(outDir)(path);
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
  return { write: parsed.write.map(String), remove: parsed.remove.map(String), ...(parsed.staged === "index" ? { staged: "index" as const } : {}) };
}

/** Whether a run was interrupted after its commit point (so the folder is between generations). */
export function pendingJournal(outDir: string): boolean {
  return existsSync(join(outDir, JOURNAL_PATH));
}

/** Steps after the commit point; each is idempotent, so a second interruption is harmless. */
function rollForward(outDir: string, journal: Journal, hook: StepHook): void {
  const staging = join(outDir, STAGING_DIR);
  const target = insideOf(outDir);
  const stagedPath = journal.staged === "index" ? (i: number) => join(staging, String(i)) : (i: number) => inside(staging, journal.write[i]!);
  const made = new Set<string>();
  journal.write.forEach((path, i) => {
    hook(`rename ${path}`);
    const full = target(path);
    const dir = dirname(full);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    try {
      renameSync(stagedPath(i), full);
    } catch (error) {
      // Gone already: renamed into place before the interruption (the target's folder exists).
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  });
  for (const path of journal.remove) {
    hook(`remove ${path}`);
    const full = target(path);
    rmSync(full, { force: true });
    removeEmptyParents(outDir, full);
  }
  hook("clear");
  rmSync(staging, { recursive: true, force: true });
  rmSync(join(outDir, JOURNAL_PATH), { force: true });
}

/**
 * Finishes what an interrupted run left: rolls a committed run forward, or discards an uncommitted
 * one's staging. Everything such a run can leave is under `.streamforge/` (see the module comment),
 * so nothing else is looked at. Returns what it did, for the user to see.
 */
export function recover(outDir: string, hook: StepHook = () => {}): string[] {
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
  return notes;
}

/** Applies a plan through staging and the journal (see the module comment). */
export function applyJournaled(outDir: string, write: readonly FileRecord[], remove: readonly string[], hook: StepHook = () => {}): void {
  if (write.length === 0 && remove.length === 0) return;
  const staging = join(outDir, STAGING_DIR);
  const target = insideOf(outDir);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  write.forEach((record, i) => {
    hook(`stage ${record.path}`);
    target(record.path);
    writeFileSync(join(staging, String(i)), record.content);
  });
  const journal: Journal = { write: write.map((r) => r.path), remove: [...remove], staged: "index" };
  hook("commit");
  const temp = join(outDir, `${JOURNAL_PATH}.tmp`);
  writeFileSync(temp, JSON.stringify(journal));
  renameSync(temp, join(outDir, JOURNAL_PATH));
  rollForward(outDir, journal, hook);
}
