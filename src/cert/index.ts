/**
 * `streamforge cert` as a library call: the five steps of S13. Everything is written into a
 * private temporary folder beside the output folder and renamed into place only when every step
 * passed, so a failed run leaves nothing behind.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Environment } from "../core/model/types.ts";
import { CertError } from "./errors.ts";
import { createKeyAndCsr, validateCertificate } from "./openssl.ts";
import { type CertParams, type CertRequestOptions, certParams } from "./params.ts";
import { certificateRequestYaml, requestName } from "./request.ts";
import { submitRequest, waitForRequest } from "./kubectl.ts";
import type { Runner } from "./runner.ts";

export { CertError, CERT_FAILURES, exitCodeHelp } from "./errors.ts";
export { spawnRunner, type Runner } from "./runner.ts";
export type { CertParams, CertRequestOptions } from "./params.ts";

export const FILES = { key: "tls.key", csr: "tls.csr", request: "certificaterequest.yaml", cert: "tls.crt", ca: "ca.crt" } as const;

export interface CertRunOptions extends CertRequestOptions {
  /** Submit the request and wait for the certificate (steps 3-5); without it, stop after writing the request. */
  apply?: boolean;
  timeoutSeconds?: number;
}

export interface CertDeps {
  cwd: string;
  run: Runner;
  /** Progress lines; never given key material. */
  log: (line: string) => void;
  /** The `kubectl` to run (default: `kubectl` from PATH). */
  kubectl?: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  pollMs?: number;
}

export interface CertResult {
  params: CertParams;
  dir: string;
  files: string[];
  requestName: string;
  summary?: string;
}

/** Creates the parents of `dir`; returns the top-most folder it created, to remove on failure. */
function makeParents(dir: string): string | undefined {
  try {
    return mkdirSync(dirname(dir), { recursive: true });
  } catch (error) {
    throw new CertError("output", `cannot create ${dirname(dir)}: ${(error as Error).message}`);
  }
}

/** Moves the finished folder into place, replacing an earlier run's folder as a whole. */
function publish(temp: string, target: string): void {
  try {
    if (existsSync(target)) {
      const old = `${temp}.old`;
      renameSync(target, old);
      renameSync(temp, target);
      rmSync(old, { recursive: true, force: true });
    } else renameSync(temp, target);
  } catch (error) {
    throw new CertError("output", `cannot move the result into ${target}: ${(error as Error).message}`);
  }
}

export async function runCert(env: Environment, options: CertRunOptions, deps: CertDeps): Promise<CertResult> {
  const params = certParams(env, options);
  const target = resolve(deps.cwd, params.out);
  const created = makeParents(target);
  // mkdtemp makes the folder 0700: the key is private from the moment it exists.
  const temp = mkdtempSync(join(dirname(target), `.${basename(target)}.partial-`));
  try {
    deps.log(`1/5 parameters: ${params.keyAlgorithm}-${params.keySize}, ${params.durationHours}h from ClusterIssuer ${params.issuer}, renewal window ${params.renewBeforeHours}h`);
    await createKeyAndCsr(deps.run, temp, params, FILES.key, FILES.csr);
    chmodSync(join(temp, FILES.key), 0o600);
    const csr = readFileSync(join(temp, FILES.csr), "utf8");
    deps.log(`2/5 key and CSR for ${[...params.fqdns, ...params.ips].join(", ")}`);
    const name = requestName(params.name, csr);
    writeFileSync(join(temp, FILES.request), certificateRequestYaml(params, csr));
    const files: string[] = [FILES.key, FILES.csr, FILES.request];
    let summary: string | undefined;
    if (options.apply) {
      const kubectl = deps.kubectl ?? "kubectl";
      await submitRequest(deps.run, kubectl, FILES.request, temp);
      deps.log(`3/5 submitted CertificateRequest ${params.namespace}/${name}`);
      const issued = await waitForRequest(deps.run, {
        kubectl,
        name,
        namespace: params.namespace,
        timeoutSeconds: options.timeoutSeconds ?? 120,
        pollMs: deps.pollMs ?? 2000,
        cwd: temp,
        now: deps.now ?? Date.now,
        sleep: deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      });
      if (!issued.ca) throw new CertError("chain", `CertificateRequest ${name} is Ready but carries no CA (status.ca); cannot check the chain`);
      writeFileSync(join(temp, FILES.cert), issued.certificate);
      writeFileSync(join(temp, FILES.ca), issued.ca);
      files.push(FILES.cert, FILES.ca);
      deps.log("4/5 certificate issued");
      summary = await validateCertificate(deps.run, {
        dir: temp,
        cert: FILES.cert,
        ca: FILES.ca,
        key: FILES.key,
        fqdns: params.fqdns,
        ips: params.ips,
        renewBeforeHours: params.renewBeforeHours,
        now: new Date((deps.now ?? Date.now)()),
      });
      deps.log(`5/5 ${summary}`);
    }
    publish(temp, target);
    return { params, dir: target, files, requestName: name, summary };
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (created) rmSync(created, { recursive: true, force: true });
    throw error;
  }
}
