/**
 * Downloads for `pull`: http(s) with a timeout per attempt and retries with backoff on network
 * errors and 5xx/429 answers; `file://` URLs are read from disk (a repository on a file system).
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

export interface FetchOptions {
  /** Milliseconds per attempt. */
  timeoutMs: number;
  /** Further attempts after the first. */
  retries: number;
  /** Milliseconds before the first retry; doubled for each next one. */
  backoffMs: number;
}

export const DEFAULT_FETCH: FetchOptions = { timeoutMs: 30_000, retries: 2, backoffMs: 500 };

/** A download that failed for good: `reason` is one line for the user. */
export class FetchError extends Error {
  override name = "FetchError";
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${url}: ${reason}`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function describe(error: unknown): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e.name === "TimeoutError" || e.name === "AbortError") return "timed out";
  return e.cause?.code ?? e.cause?.message ?? e.message;
}

/** One HTTP answer: what a caller that must read status and headers (an OCI registry's 401) gets. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: Buffer;
}

/**
 * GETs `url` with `headers`. Network errors, timeouts and 5xx/429 answers are retried; a final
 * one throws. Any other answer, 4xx included, is returned for the caller to judge.
 */
export async function fetchAnswer(url: string, options: FetchOptions = DEFAULT_FETCH, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  let reason = "";
  let attempts = 0;
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0) await sleep(options.backoffMs * 2 ** (attempt - 1));
    attempts++;
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(options.timeoutMs), redirect: "follow" });
      const body = Buffer.from(await response.arrayBuffer());
      // A client error will not change on retry.
      if (response.status < 500 && response.status !== 429) return { status: response.status, headers: response.headers, body };
      reason = `HTTP ${response.status}`;
    } catch (error) {
      reason = describe(error);
    }
  }
  throw new FetchError(url, attempts > 1 ? `${reason} (after ${attempts} attempts)` : reason);
}

/** The body of `url` as bytes. */
export async function fetchBytes(url: string, options: FetchOptions = DEFAULT_FETCH): Promise<Buffer> {
  if (url.startsWith("file:")) {
    try {
      return await readFile(fileURLToPath(url));
    } catch (error) {
      throw new FetchError(url, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
    }
  }
  const answer = await fetchAnswer(url, options);
  if (answer.status >= 200 && answer.status < 300) return answer.body;
  throw new FetchError(url, `HTTP ${answer.status}`);
}
