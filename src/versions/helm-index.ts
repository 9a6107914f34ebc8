/**
 * Reading a Helm repository's `index.yaml` over HTTP(S): a timeout per request, retries with
 * back-off for transient failures, and errors that say which repository and why.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { StreamforgeError } from "../core/errors.ts";

/** One published chart version, as a Helm repository index lists it. */
export interface IndexEntry {
  version: string;
  kubeVersion?: string;
  created?: string;
}

export interface FetchOptions {
  timeoutMs: number;
  retries: number;
  /** Injected for tests; defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

/** A repository that could not be read (exit code 1); `message` is meant for a person, without a stack. */
export class RepositoryError extends StreamforgeError {
  override name = "RepositoryError";
  constructor(
    readonly repository: string,
    readonly url: string,
    message: string,
  ) {
    super(message, 1);
  }
}

/** Where a repository keeps its index. */
export function indexUrl(repoUrl: string): string {
  return `${repoUrl.replace(/\/+$/, "")}/index.yaml`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A failure worth retrying: the network, a timeout, or a server-side error (exit code 1 if it ends a command). */
class Transient extends StreamforgeError {
  override name = "Transient";
  constructor(message: string) {
    super(message, 1);
  }
}

async function fetchText(url: string, options: FetchOptions): Promise<string> {
  // A repository on a file system (a mirror, a test fixture); fetch has no file: scheme.
  if (url.startsWith("file:")) {
    try {
      return await readFile(fileURLToPath(url), "utf8");
    } catch (error) {
      throw new Error(`cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    if (e.name === "TimeoutError" || e.name === "AbortError") throw new Transient(`no answer within ${options.timeoutMs} ms`);
    throw new Transient(`cannot connect (${e.cause?.code ?? e.cause?.message ?? e.message})`);
  }
  if (response.status >= 500) throw new Transient(`HTTP ${response.status}`);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  try {
    return await response.text();
  } catch {
    throw new Transient(`the response body was cut off`);
  }
}

/** Fetches and parses a repository index, retrying transient failures. */
export async function fetchIndex(repository: string, repoUrl: string, options: FetchOptions): Promise<unknown> {
  const url = indexUrl(repoUrl);
  let lastError = "";
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0) await sleep(100 * 2 ** (attempt - 1));
    try {
      const text = await fetchText(url, options);
      try {
        return parse(text);
      } catch (error) {
        throw new RepositoryError(repository, url, `index.yaml is not valid YAML (${(error as Error).message.split("\n")[0]})`);
      }
    } catch (error) {
      if (error instanceof RepositoryError) throw error;
      if (!(error instanceof Transient)) throw new RepositoryError(repository, url, (error as Error).message);
      lastError = (error as Error).message;
    }
  }
  const tries = options.retries + 1;
  throw new RepositoryError(repository, url, `${lastError} (after ${tries} attempt${tries === 1 ? "" : "s"})`);
}

/** The versions of one chart in a fetched index. */
export function chartEntries(index: unknown, chart: string): IndexEntry[] {
  const entries = (index as { entries?: unknown } | null)?.entries;
  if (typeof entries !== "object" || entries === null) throw new Error("index.yaml has no `entries` map");
  const list = (entries as Record<string, unknown>)[chart];
  if (list === undefined) throw new Error(`the index lists no chart named "${chart}"`);
  if (!Array.isArray(list)) throw new Error(`entries.${chart} is not a list`);
  return list.flatMap((e: unknown) => {
    const entry = e as Record<string, unknown> | null;
    if (typeof entry?.version !== "string") return [];
    return [{ version: entry.version, kubeVersion: typeof entry.kubeVersion === "string" ? entry.kubeVersion : undefined }];
  });
}
