/**
 * Generation split across threads by environment. Each environment's files depend on the model
 * alone; only the helmfile's needs gather every environment's. A part (a run of consecutive
 * environments) returns its files and its needs; the parts are merged in environment order, so
 * the records are the ones a single-thread `generate` returns, byte for byte.
 *
 * The pipeline decides the split and merges; how a part runs elsewhere (a worker thread that
 * loads the bundle and imports the model itself: adapters are functions, which cannot be sent)
 * is the caller's (`cli/environment-workers.ts`). Tests pass a function that runs parts in-process.
 */
import type { Platform } from "../core/model/types.ts";
import type { FileRecord } from "../core/files.ts";
import type { Diagnostic } from "../core/diagnostics/types.ts";
import { AdapterError, InvalidModelError, StreamforgeError, UsageError } from "../core/errors.ts";
import { NeedsDerivation } from "../helm/needs.ts";
import { emitEnvironments, type Needs, sharedDocs, withSharedFiles } from "./generate.ts";

/** What a part sends back: plain data, cheap to copy between threads. */
export interface EnvironmentPart {
  /** The environments generated, in order (checked against what was asked). */
  environments: string[];
  /** Their files, without `documents` (the parsed form stays in the thread that made it). */
  records: FileRecord[];
  /** `NeedsDerivation.result()` of these environments, as entries. */
  needs: Array<[string, string[]]>;
  /** Set when generation threw: the part's first error, as the single-thread run would throw it. */
  error?: PartError;
}

/** An error thrown inside a part, in a form that crosses threads and is rebuilt as it was thrown. */
export type PartError =
  | { kind: "adapter"; release: string; releaseIndex: number; adapter: string; environment: string; message: string }
  | { kind: "invalid-model"; diagnostics: Diagnostic[] }
  | { kind: "usage"; message: string }
  | { kind: "streamforge"; message: string; exitCode: number; hint?: string }
  | { kind: "error"; message: string };

/** Starts a part (the named environments) somewhere else: its result, and a way to stop it early. */
export type RunPart = (environments: readonly string[]) => { result: Promise<EnvironmentPart>; cancel(): void };

/** A run split across threads: how many, and how a part runs on another thread. */
export interface Split {
  threads: number;
  run: RunPart;
}

/** Parts started ahead of the thread's own work; `cancel` stops those not needed any more. */
export interface StartedParts {
  /** The environments this thread generates itself (the first part). */
  own: readonly string[];
  others: Array<{ environments: readonly string[]; result: Promise<EnvironmentPart> }>;
  cancel(): void;
}

/**
 * Fewer environments than this per thread cost more to start a thread for (loading the bundle
 * and the model, about 0.2 s) than the thread wins (some 30 ms of CPU an environment).
 */
export const ENVIRONMENTS_PER_THREAD = 8;

/**
 * How many threads generate `environments` environments on `cores` cores: `forced` (the
 * `STREAMFORGE_THREADS` setting; 1 for a single-thread run) or as many as pay for their start.
 */
export function threadCount(environments: number, cores: number, forced?: string): number {
  if (forced !== undefined && forced !== "") {
    const n = Number(forced);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`STREAMFORGE_THREADS must be a whole number of threads (1 or more), not "${forced}"`);
    return Math.min(n, Math.max(1, environments));
  }
  return Math.max(1, Math.min(cores, Math.floor(environments / ENVIRONMENTS_PER_THREAD)));
}

/** `names` in `count` runs of consecutive names, as equal in length as they can be. */
export function partsOf(names: readonly string[], count: number): string[][] {
  const parts: string[][] = [];
  for (let i = 0, start = 0; i < count; i++) {
    const end = start + Math.ceil((names.length - start) / (count - i));
    parts.push(names.slice(start, end));
    start = end;
  }
  return parts.filter((p) => p.length > 0);
}

/** Starts every part but the first on `run`; the first is this thread's. */
export function startParts(platform: Platform, threads: number, run: RunPart): StartedParts {
  const [own = [], ...rest] = partsOf(
    platform.environments.map((e) => e.name),
    threads,
  );
  const started = rest.map((names) => run(names));
  // A run that fails before it waits for them (an invalid model) must not leave a rejection unhandled.
  for (const { result } of started) result.catch(() => undefined);
  return { own, others: started.map((s, i) => ({ environments: rest[i]!, result: s.result })), cancel: () => started.forEach((s) => s.cancel()) };
}

/**
 * One part, generated here: what a worker thread runs (which drops each record's parsed
 * `documents`: copying them between threads costs more than parsing). Errors are returned, not thrown.
 */
export function generatePart(platform: Platform, names: readonly string[], keepDocuments = false): EnvironmentPart {
  const environments = platform.environments.filter((e) => names.includes(e.name));
  const needs = new NeedsDerivation(platform);
  try {
    const emitted = emitEnvironments(platform, environments, needs);
    const records = keepDocuments ? emitted : emitted.map(({ path, content, env }) => (env === undefined ? { path, content } : { path, content, env }));
    return { environments: environments.map((e) => e.name), records, needs: [...needs.result()] };
  } catch (error) {
    return { environments: environments.map((e) => e.name), records: [], needs: [], error: partError(error) };
  }
}

function partError(error: unknown): PartError {
  if (error instanceof AdapterError) {
    const { release, releaseIndex, adapter, environment, message } = error;
    return { kind: "adapter", release, releaseIndex, adapter, environment, message };
  }
  if (error instanceof InvalidModelError) return { kind: "invalid-model", diagnostics: error.diagnostics };
  if (error instanceof UsageError) return { kind: "usage", message: error.message };
  if (error instanceof StreamforgeError) return { kind: "streamforge", message: error.message, exitCode: error.exitCode, ...(error.hint !== undefined ? { hint: error.hint } : {}) };
  return { kind: "error", message: error instanceof Error ? error.message : String(error) };
}

/** The error a part returned, as the single-thread run throws it. */
function rebuilt(error: PartError): Error {
  switch (error.kind) {
    case "adapter": {
      const adapter = new AdapterError(error.release, error.releaseIndex, error.adapter, error.environment, "");
      // The message the part's AdapterError had (its problem text included).
      adapter.message = error.message;
      return adapter;
    }
    case "invalid-model":
      return new InvalidModelError(error.diagnostics);
    case "usage":
      return new UsageError(error.message);
    case "streamforge":
      return new StreamforgeError(error.message, error.exitCode, error.hint);
    case "error":
      return new Error(error.message);
  }
}

/**
 * Every file of the platform, generated in parts (this thread's and `parts.others`), merged as
 * `generate(platform)` returns them: the same records in the same order, and on failure the
 * error the single-thread run throws first (the earliest environment's).
 */
export async function generateInParts(platform: Platform, parts: StartedParts): Promise<FileRecord[]> {
  const docs = sharedDocs(platform);
  const own = generatePart(platform, parts.own, true);
  // This thread's part keeps its parsed documents (lint and the model rules read them).
  // A part whose thread failed (it could not start, or load the model) is generated here instead.
  const elsewhere = await Promise.allSettled(parts.others.map((p) => p.result));
  const results = [own, ...elsewhere.map((r, i) => (r.status === "fulfilled" ? r.value : generatePart(platform, parts.others[i]!.environments)))];
  for (const part of results) if (part.error) throw rebuilt(part.error);
  const expected = platform.environments.map((e) => e.name).join("\0");
  if (results.flatMap((p) => p.environments).join("\0") !== expected) {
    throw new Error("the model a worker thread imported has other environments than this thread's (a model must be the same on every import)");
  }
  return withSharedFiles(
    platform,
    docs,
    results.flatMap((p) => p.records),
    mergedNeeds(platform, results.map((p) => new Map(p.needs))),
  );
}

/**
 * The needs of all environments from those of each part: the union, in release order. A
 * release's own name is dropped from its needs once it is installed anywhere (as
 * `NeedsDerivation` does after each environment), so it stays only where every part kept it.
 */
export function mergedNeeds(platform: Platform, parts: readonly Needs[]): Needs {
  const merged: Needs = new Map();
  for (const { name } of platform.releases) {
    if (merged.has(name)) continue;
    const union = new Set(parts.flatMap((p) => p.get(name) ?? []));
    if (!parts.every((p) => p.get(name)?.includes(name))) union.delete(name);
    merged.set(
      name,
      platform.releases.map((r) => r.name).filter((n) => union.has(n)),
    );
  }
  return merged;
}
