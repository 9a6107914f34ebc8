/**
 * Steps 2 and 5 of S13 with the real `openssl`: a new key and a CSR with SANs, and the checks
 * of the issued certificate. Files are passed by path; key material is never read into messages.
 */
import { CertError, type CertFailure } from "./errors.ts";
import { firstLine, type Runner } from "./runner.ts";
import type { CertParams } from "./params.ts";

async function openssl(run: Runner, args: string[], failure: CertFailure, what: string, cwd: string): Promise<string> {
  const result = await run("openssl", args, { cwd });
  if (result.code !== 0) throw new CertError(failure, `openssl ${what} failed: ${firstLine(result.stderr) || `exit ${result.code}`}`);
  return result.stdout;
}

/** The `-pkeyopt` of the model's key type and size. */
function keyOptions(params: Pick<CertParams, "keyAlgorithm" | "keySize">): string[] {
  if (params.keyAlgorithm === "RSA") return ["-algorithm", "RSA", "-pkeyopt", `rsa_keygen_bits:${params.keySize}`];
  return ["-algorithm", "EC", "-pkeyopt", `ec_paramgen_curve:P-${params.keySize}`];
}

/** The subjectAltName extension value: every DNS name, then every IP. */
function sanExtension(fqdns: string[], ips: string[]): string {
  return [...fqdns.map((f) => `DNS:${f}`), ...ips.map((ip) => `IP:${ip}`)].join(",");
}

/** Writes `key` (a new private key) and `csr` (a CSR for it with the SANs) in `dir`. */
export async function createKeyAndCsr(run: Runner, dir: string, params: CertParams, key: string, csr: string): Promise<void> {
  await openssl(run, ["genpkey", ...keyOptions(params), "-out", key], "openssl", "genpkey", dir);
  const subject = `/CN=${params.fqdns[0] ?? params.name}`;
  await openssl(
    run,
    ["req", "-new", "-key", key, "-subj", subject, "-addext", `subjectAltName=${sanExtension(params.fqdns, params.ips)}`, "-out", csr],
    "openssl",
    "req (CSR)",
    dir,
  );
}

/** SANs as openssl prints them (`DNS:a, IP Address:1.2.3.4`), split into names and addresses. */
function parseSans(text: string): { dns: string[]; ips: string[] } {
  const entries = text
    .split("\n")
    .filter((line) => !line.includes("Subject Alternative Name"))
    .join(",")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  return {
    dns: entries.filter((e) => e.startsWith("DNS:")).map((e) => e.slice(4)),
    ips: entries.filter((e) => e.startsWith("IP Address:")).map((e) => e.slice("IP Address:".length)),
  };
}

/** `notBefore=2025-01-01 00:00:00Z` lines as dates. */
function parseDates(text: string): { notBefore: Date; notAfter: Date } {
  const get = (key: string) => {
    const match = new RegExp(`^${key}=(.+)$`, "m").exec(text);
    const date = match?.[1] ? new Date(match[1].trim().replace(" ", "T")) : undefined;
    if (!date || Number.isNaN(date.getTime())) throw new CertError("notValidNow", `cannot read ${key} of the certificate from openssl`);
    return date;
  };
  return { notBefore: get("notBefore"), notAfter: get("notAfter") };
}

interface ValidateInput {
  dir: string;
  cert: string;
  ca: string;
  key: string;
  fqdns: string[];
  ips: string[];
  renewBeforeHours: number;
  now: Date;
}

/** Step 5: every check of S13, each failing with its own error. Returns a one-line summary. */
export async function validateCertificate(run: Runner, input: ValidateInput): Promise<string> {
  const { dir, cert, ca, key } = input;
  // Time is checked on its own below, so that an expired certificate is reported as expired.
  const verify = await run("openssl", ["verify", "-no_check_time", "-CAfile", ca, cert], { cwd: dir });
  if (verify.code !== 0) {
    const reason = `${verify.stdout}\n${verify.stderr}`.split("\n").find((l) => l.includes("error")) ?? firstLine(verify.stderr);
    throw new CertError("chain", `tls.crt does not chain to ca.crt: ${reason.trim()}`, "is the issuer's CA the one cert-manager signs with?");
  }
  const dates = parseDates(await openssl(run, ["x509", "-in", cert, "-noout", "-dateopt", "iso_8601", "-startdate", "-enddate"], "notValidNow", "x509 -dates", dir));
  if (dates.notAfter <= input.now) throw new CertError("notValidNow", `the certificate expired at ${dates.notAfter.toISOString()}`);
  if (dates.notBefore > input.now) throw new CertError("notValidNow", `the certificate is not valid before ${dates.notBefore.toISOString()}`);
  const window = input.renewBeforeHours * 3600;
  const checkend = await run("openssl", ["x509", "-in", cert, "-noout", "-checkend", String(window)], { cwd: dir });
  if (checkend.code !== 0) {
    throw new CertError(
      "renewalWindow",
      `the certificate expires at ${dates.notAfter.toISOString()}, within the renewal window of ${input.renewBeforeHours}h`,
      "request a longer duration from the issuer",
    );
  }
  const sans = parseSans(await openssl(run, ["x509", "-in", cert, "-noout", "-ext", "subjectAltName"], "sanMismatch", "x509 -ext subjectAltName", dir));
  const missing = [...input.fqdns.filter((f) => !sans.dns.includes(f)), ...input.ips.filter((ip) => !sans.ips.includes(ip))];
  if (missing.length) {
    const has = [...sans.dns, ...sans.ips].join(", ") || "none";
    throw new CertError("sanMismatch", `the certificate's SANs lack ${missing.join(", ")} (it has: ${has})`);
  }
  const certKey = await openssl(run, ["x509", "-in", cert, "-noout", "-pubkey"], "keyMismatch", "x509 -pubkey", dir);
  const ownKey = await openssl(run, ["pkey", "-in", key, "-pubout"], "keyMismatch", "pkey -pubout", dir);
  if (certKey.trim() !== ownKey.trim()) throw new CertError("keyMismatch", "the certificate's public key is not the one of tls.key");
  return `valid until ${dates.notAfter.toISOString()}, chains to ca.crt, SANs ${[...sans.dns, ...sans.ips].join(", ")}`;
}
