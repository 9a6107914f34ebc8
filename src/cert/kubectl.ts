/** Steps 3 and 4 of S13 against the cluster: submit the CertificateRequest and wait for its outcome. */
import { CertError } from "./errors.ts";
import { firstLine, type Runner } from "./runner.ts";

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

/** What a CertificateRequest's status says. */
type RequestState =
  | { state: "issued"; certificate: string; ca?: string }
  | { state: "denied"; message: string }
  | { state: "failed"; message: string }
  | { state: "pending"; message: string };

/** Reads `status` of a CertificateRequest (cert-manager.io/v1) as returned by `kubectl get -o json`. */
function requestState(object: unknown): RequestState {
  const status = ((object as { status?: unknown })?.status ?? {}) as { conditions?: Condition[]; certificate?: string; ca?: string };
  const conditions = status.conditions ?? [];
  const find = (type: string) => conditions.find((c) => c.type === type && c.status === "True");
  const text = (c: Condition | undefined) => [c?.reason, c?.message].filter(Boolean).join(": ");
  const denied = find("Denied");
  if (denied) return { state: "denied", message: text(denied) || "denied" };
  const invalid = find("InvalidRequest");
  if (invalid) return { state: "failed", message: text(invalid) || "invalid request" };
  const ready = conditions.find((c) => c.type === "Ready");
  if (ready?.status === "False" && (ready.reason === "Failed" || ready.reason === "Denied")) {
    return ready.reason === "Denied" ? { state: "denied", message: text(ready) } : { state: "failed", message: text(ready) };
  }
  if (ready?.status === "True" && status.certificate) {
    const decode = (b64: string) => Buffer.from(b64, "base64").toString("utf8");
    return { state: "issued", certificate: decode(status.certificate), ca: status.ca ? decode(status.ca) : undefined };
  }
  return { state: "pending", message: text(ready) || "no Ready condition yet" };
}

export async function submitRequest(run: Runner, kubectl: string, file: string, cwd: string): Promise<void> {
  const result = await run(kubectl, ["create", "-f", file], { cwd });
  if (result.code !== 0) throw new CertError("kubectl", `${kubectl} create -f ${file} failed: ${firstLine(result.stderr) || `exit ${result.code}`}`);
}

interface WaitOptions {
  kubectl: string;
  name: string;
  namespace: string;
  timeoutSeconds: number;
  pollMs: number;
  cwd: string;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** Polls until the request is issued, denied or failed, or the timeout passes. */
export async function waitForRequest(run: Runner, options: WaitOptions): Promise<Extract<RequestState, { state: "issued" }>> {
  const deadline = options.now() + options.timeoutSeconds * 1000;
  let last = "";
  for (;;) {
    const result = await run(options.kubectl, ["get", "certificaterequest", options.name, "-n", options.namespace, "-o", "json"], { cwd: options.cwd });
    if (result.code !== 0) throw new CertError("kubectl", `${options.kubectl} get certificaterequest ${options.name} failed: ${firstLine(result.stderr) || `exit ${result.code}`}`);
    let object: unknown;
    try {
      object = JSON.parse(result.stdout);
    } catch {
      throw new CertError("kubectl", `${options.kubectl} get certificaterequest ${options.name} printed no JSON`);
    }
    const state = requestState(object);
    if (state.state === "issued") return state;
    if (state.state === "denied") throw new CertError("denied", `CertificateRequest ${options.namespace}/${options.name} was denied: ${state.message}`);
    if (state.state === "failed") throw new CertError("failed", `CertificateRequest ${options.namespace}/${options.name} failed: ${state.message}`);
    last = state.message;
    const left = deadline - options.now();
    if (left <= 0) {
      throw new CertError("timeout", `CertificateRequest ${options.namespace}/${options.name} was not Ready after ${options.timeoutSeconds}s (last: ${last})`, "raise --timeout, or check the issuer with kubectl describe");
    }
    await options.sleep(Math.min(options.pollMs, left));
  }
}
