/**
 * A small client for Technitium DNS Server's HTTP API (`/api/...`, responses
 * `{"status": "ok" | "error" | "invalid-token", "response": {...}}`). Parameters go in a POST
 * form body, so the token never appears in a URL, a log line or an error message.
 */
import { StreamforgeError } from "../core/errors.ts";

/** A failure talking to Technitium (exit code 3): the CLI prints the message as is (no stack trace). */
export class TechnitiumError extends StreamforgeError {
  override name = "TechnitiumError";
  constructor(message: string) {
    super(message, 3);
  }
}

export type Call = (path: string, params: Record<string, string>) => Promise<Record<string, unknown>>;

export function technitiumClient(server: string, token: string, fetchImpl: typeof fetch = fetch): Call {
  const base = server.replace(/\/+$/, "");
  return async (path, params) => {
    let res: Response;
    try {
      res = await fetchImpl(`${base}${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token, ...params }).toString(),
      });
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
      throw new TechnitiumError(`cannot reach ${base}: ${cause}`);
    }
    const text = await res.text();
    if (!res.ok) throw new TechnitiumError(`${path}: HTTP ${res.status} ${res.statusText} from ${base}`);
    let body: { status?: string; errorMessage?: string; response?: Record<string, unknown> };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new TechnitiumError(`${path}: ${base} answered with something that is not JSON; is it a Technitium DNS Server?`);
    }
    if (body.status === "invalid-token") throw new TechnitiumError(`${path}: the server rejected the API token (invalid-token)`);
    if (body.status !== "ok") throw new TechnitiumError(`${path}: ${body.errorMessage ?? `status "${String(body.status)}"`}`);
    return body.response ?? {};
  };
}
