import { StreamforgeError } from "../core/errors.ts";

/**
 * Every way `streamforge cert` can fail, each with its own exit code. The command's `--help`
 * prints this table, so the codes are documented where they are defined.
 */

export const CERT_FAILURES = {
  outOfScope: { code: 3, summary: "a host is outside the environment's domain or an IP outside its LAN (use --force)" },
  openssl: { code: 4, summary: "openssl could not create the key or the CSR, or is missing" },
  kubectl: { code: 5, summary: "kubectl could not submit or read the CertificateRequest" },
  denied: { code: 6, summary: "the CertificateRequest was denied" },
  failed: { code: 7, summary: "cert-manager failed to issue the certificate (Ready=False, reason Failed)" },
  timeout: { code: 8, summary: "the CertificateRequest was not Ready within --timeout" },
  chain: { code: 9, summary: "tls.crt does not chain to ca.crt" },
  notValidNow: { code: 10, summary: "the certificate has expired or is not valid yet" },
  renewalWindow: { code: 11, summary: "the certificate expires within the renewal window" },
  sanMismatch: { code: 12, summary: "the certificate's SANs lack a requested name or IP" },
  keyMismatch: { code: 13, summary: "the certificate does not match tls.key" },
  output: { code: 14, summary: "the output folder could not be written" },
} as const;

export type CertFailure = keyof typeof CERT_FAILURES;

/** A failure of the certificate cycle; the CLI prints `message` (and `hint`) and exits with its failure's code. */
export class CertError extends StreamforgeError {
  override name = "CertError";
  constructor(
    readonly failure: CertFailure,
    message: string,
    hint?: string,
  ) {
    super(message, CERT_FAILURES[failure].code, hint);
  }
}

/** The exit code table as help text. */
export function exitCodeHelp(): string {
  const rows = [
    "   0  certificate saved and valid (or, without --apply, key, CSR and CertificateRequest written)",
    "   2  usage error",
    ...Object.values(CERT_FAILURES).map((f) => `  ${String(f.code).padStart(2)}  ${f.summary}`),
  ];
  return rows.join("\n");
}
