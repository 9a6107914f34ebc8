/**
 * One writer per output folder: `.streamforge/lock`, created exclusively, holds the writer's pid.
 * Two `gen` runs in one folder would otherwise interleave renames and leave a mix of both models.
 * A lock whose process is gone (killed, crashed) is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

export const LOCK_PATH = ".streamforge/lock";

/** Another live process holds the output folder's lock. */
export class LockedError extends Error {
  override name = "LockedError";
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

interface Holder {
  pid: number;
  host: string;
}

function readHolder(path: string): Holder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<Holder>;
    return typeof parsed.pid === "number" && typeof parsed.host === "string" ? { pid: parsed.pid, host: parsed.host } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock of `outDir`, runs `body`, releases the lock. Throws `LockedError` naming the
 * holder when another live process on this host has it.
 */
export function withLock<T>(outDir: string, body: () => T): T {
  const path = join(outDir, LOCK_PATH);
  mkdirSync(join(outDir, ".streamforge"), { recursive: true });
  const me = JSON.stringify({ pid: process.pid, host: hostname() });
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(path, me, { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 2) throw error;
      const holder = readHolder(path);
      // A lock from another host (a shared folder) cannot be probed: leave it to a human.
      if (holder && (holder.host !== hostname() || alive(holder.pid))) {
        throw new LockedError(
          `${outDir} is being written by another streamforge run (pid ${holder.pid} on ${holder.host}); wait for it to finish` +
            ` (or, if no such process exists, remove ${path})`,
        );
      }
      // The holder died (or was killed before it wrote its pid): the lock is stale.
      rmSync(path, { force: true });
    }
  }
  try {
    return body();
  } finally {
    if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
  }
}
