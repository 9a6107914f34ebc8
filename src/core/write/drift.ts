/**
 * `--check`: what differs between the model's output and the disk, as unified diffs. Kept apart
 * from the writer so a plain `gen` never loads the diff library.
 */
import { join } from "node:path";
import { createTwoFilesPatch } from "diff";
import { readIfExists, type Plan } from "./writer.ts";

/** One difference between the model's output and the disk. */
export interface Drift {
  path: string;
  kind: "changed" | "missing" | "stale";
  /** Unified diff, disk (`a/`) against model (`b/`). */
  diff: string;
}

/** Every difference between disk and model, each with a unified diff. Writes nothing. */
export function drift(outDir: string, p: Plan): Drift[] {
  const out: Drift[] = [];
  for (const record of [...p.write]) {
    const current = readIfExists(join(outDir, record.path));
    out.push({
      path: record.path,
      kind: current === undefined ? "missing" : "changed",
      diff: createTwoFilesPatch(`a/${record.path}`, `b/${record.path}`, current ?? "", record.content, undefined, undefined, { context: 3 }),
    });
  }
  for (const path of p.remove) {
    const current = readIfExists(join(outDir, path)) ?? "";
    out.push({ path, kind: "stale", diff: createTwoFilesPatch(`a/${path}`, "/dev/null", current, "", undefined, undefined, { context: 3 }) });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}
