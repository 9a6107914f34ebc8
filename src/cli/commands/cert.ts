import { relative } from "node:path";
import type { CommandSpec } from "../args.ts";
import { defineCommand, envOption, modelOption } from "../command.ts";
import { UsageError } from "../../core/errors.ts";
import { exitCodeHelp, runCert, spawnRunner } from "../../cert/index.ts";

const spec = {
  name: "cert",
  args: "<name>",
  description: `Runs the certificate cycle of S13 with the model's parameters (issuer, key type and size, duration,
renewal window, output folder):
  1. parameters from the model          4. wait until Ready, Denied or --timeout; save tls.crt, ca.crt
  2. new private key and CSR with SANs  5. check with openssl: chains to ca.crt, valid now and not
  3. cert-manager CertificateRequest       expiring within the renewal window, every SAN present,
     (submitted with --apply)              matches tls.key
Files go to <out>/ (default: <model outDir>/<env>/<name>/): tls.key (mode 0600, never printed),
tls.csr, certificaterequest.yaml, and with --apply tls.crt and ca.crt. A failed run leaves no files.`,
  options: {
    fqdn: { type: "string", multiple: true, value: "<host>", help: "a DNS name for the SANs (repeat); must be under the environment's domain" },
    ip: { type: "string", multiple: true, value: "<addr>", help: "an IP address for the SANs (repeat); must be in the environment's LAN" },
    env: envOption,
    namespace: { type: "string", value: "<ns>", help: "namespace of the CertificateRequest (default: from the model)" },
    out: { type: "string", value: "<dir>", help: "output folder" },
    apply: { type: "boolean", help: "submit the request with kubectl and wait for the certificate" },
    timeout: { type: "string", value: "<sec>", help: "how long to wait for Ready (default 120)" },
    force: { type: "boolean", help: "accept names outside the domain and IPs outside the LAN" },
    model: modelOption,
  },
  footer: `Exit codes:\n${exitCodeHelp()}`,
} as const satisfies CommandSpec;

export const cert = defineCommand(spec, {
  model: "option",
  async run({ values, positionals, io, environment }) {
    const [name, ...extra] = positionals;
    if (name === undefined || extra.length) throw new UsageError("give exactly one certificate name");
    const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
    if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) throw new UsageError(`--timeout ${values.timeout}: expected a number of seconds`);
    const { env } = await environment();
    // A CertError ends the command with its failure's exit code (see runCli).
    const result = await runCert(
      env,
      { name, fqdns: values.fqdn ?? [], ips: values.ip ?? [], namespace: values.namespace, out: values.out, apply: values.apply, timeoutSeconds: timeout, force: values.force },
      { cwd: io.cwd, run: spawnRunner(io.env), log: (line) => io.out(`${line}\n`) },
    );
    const where = relative(io.cwd, result.dir) || ".";
    io.out(`wrote ${result.files.map((f) => `${where}/${f}`).join(", ")}\n`);
    if (!values.apply) io.out(`not submitted: run again with --apply, or kubectl create -f ${where}/certificaterequest.yaml\n`);
    return 0;
  },
});
