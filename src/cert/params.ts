/**
 * Step 1 of S13: the parameters of one certificate, from the model and the command line, and the
 * check that every requested name and address belongs to the environment.
 */
import type { CertificatePolicy, Environment, Fqdn, IPv4 } from "../core/model/types.ts";
import { isUnder } from "../core/model/dns.ts";
import { cidrSpan, ipToInt, isIPv4, spanContains } from "../core/model/net.ts";
import { CertError } from "./errors.ts";
import { UsageError } from "../core/errors.ts";

export interface CertRequestOptions {
  /** Name of the certificate: the output folder and the CertificateRequest's name prefix. */
  name: string;
  fqdns: Fqdn[];
  ips: IPv4[];
  namespace?: string;
  /** Output folder; default `<policy.outDir>/<env>/<name>`. */
  out?: string;
  /** Accept names outside the domain and IPs outside the LAN. */
  force?: boolean;
}

export interface CertParams extends CertificatePolicy {
  name: string;
  env: string;
  issuer: string;
  fqdns: Fqdn[];
  ips: IPv4[];
  /** Output folder, relative to the working directory unless absolute. */
  out: string;
}

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Problems with the requested names and addresses, as messages; empty when all belong to `env`. */
export function scopeProblems(env: Environment, fqdns: Fqdn[], ips: IPv4[]): string[] {
  const lan = cidrSpan(env.network.lan);
  return [
    ...fqdns.filter((f) => !isUnder(f, env.domain)).map((f) => `${f} is not under ${env.name}'s domain ${env.domain}`),
    ...ips.filter((ip) => !spanContains(lan, ipToInt(ip))).map((ip) => `${ip} is outside ${env.name}'s LAN ${env.network.lan}`),
  ];
}

/** Validates the options against the model; usage mistakes throw `UsageError`, scope ones `CertError`. */
export function certParams(env: Environment, options: CertRequestOptions): CertParams {
  const policy = env.ingress.certificates;
  if (!LABEL.test(options.name)) throw new UsageError(`certificate name "${options.name}" must be a DNS label (a-z, 0-9, -)`);
  if (options.fqdns.length === 0) throw new UsageError("give at least one --fqdn");
  const badHost = options.fqdns.find((f) => !f.split(".").every((label) => LABEL.test(label)));
  if (badHost !== undefined) throw new UsageError(`--fqdn ${badHost} is not a host name`);
  const badIp = options.ips.find((ip) => !isIPv4(ip));
  if (badIp !== undefined) throw new UsageError(`--ip ${badIp} is not an IPv4 address`);
  const problems = scopeProblems(env, options.fqdns, options.ips);
  if (problems.length && !options.force) {
    throw new CertError("outOfScope", problems.join("; "), "check the names, or pass --force to request them anyway");
  }
  return {
    ...policy,
    namespace: options.namespace ?? policy.namespace,
    name: options.name,
    env: env.name,
    issuer: env.ingress.issuer,
    fqdns: [...new Set(options.fqdns)],
    ips: [...new Set(options.ips)],
    out: options.out ?? `${policy.outDir}/${env.name}/${options.name}`,
  };
}
