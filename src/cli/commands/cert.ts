import { relative } from "node:path";
import type { Command } from "../io.ts";
import { parse } from "../args.ts";
import { loadModel } from "../load-model.ts";
import { UsageError } from "../../core/errors.ts";
import { environmentNamed } from "../../core/environments.ts";
import { CertError, exitCodeHelp, runCert, spawnRunner } from "../../cert/index.ts";

export const cert: Command = {
  name: "cert",
  usage: `Usage: streamforge cert <name> --fqdn <host>... [--ip <addr>...] [--env <name>] [--namespace <ns>]
                        [--out <dir>] [--apply] [--timeout <seconds>] [--force] [--model <module>]

Runs the certificate cycle of S13 with the model's parameters (issuer, key type and size, duration,
renewal window, output folder):
  1. parameters from the model          4. wait until Ready, Denied or --timeout; save tls.crt, ca.crt
  2. new private key and CSR with SANs  5. check with openssl: chains to ca.crt, valid now and not
  3. cert-manager CertificateRequest       expiring within the renewal window, every SAN present,
     (submitted with --apply)              matches tls.key
Files go to <out>/ (default: <model outDir>/<env>/<name>/): tls.key (mode 0600, never printed),
tls.csr, certificaterequest.yaml, and with --apply tls.crt and ca.crt. A failed run leaves no files.
  --fqdn <host>      a DNS name for the SANs (repeat); must be under the environment's domain
  --ip <addr>        an IP address for the SANs (repeat); must be in the environment's LAN
  --env <name>       environment (default: the model's default)
  --namespace <ns>   namespace of the CertificateRequest (default: from the model)
  --out <dir>        output folder
  --apply            submit the request with kubectl and wait for the certificate
  --timeout <sec>    how long to wait for Ready (default 120)
  --force            accept names outside the domain and IPs outside the LAN
  --model <module>   use the platform a module exports instead of the embedded one

Exit codes:
${exitCodeHelp()}`,
  async run(args, io) {
    const { values, positionals } = parse(
      args,
      {
        fqdn: { type: "string", multiple: true },
        ip: { type: "string", multiple: true },
        env: { type: "string" },
        namespace: { type: "string" },
        out: { type: "string" },
        apply: { type: "boolean" },
        timeout: { type: "string" },
        force: { type: "boolean" },
        model: { type: "string" },
      },
      true,
    );
    if (values.help) {
      io.out(`${this.usage}\n`);
      return 0;
    }
    const [name, ...extra] = positionals;
    if (name === undefined || extra.length) throw new UsageError("give exactly one certificate name");
    const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
    if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) throw new UsageError(`--timeout ${values.timeout}: expected a number of seconds`);
    const platform = await loadModel(values.model, io.cwd);
    const envName = values.env ?? platform.defaultEnvironment;
    const env = environmentNamed(platform, envName);
    try {
      const result = await runCert(
        env,
        { name, fqdns: values.fqdn ?? [], ips: values.ip ?? [], namespace: values.namespace, out: values.out, apply: values.apply, timeoutSeconds: timeout, force: values.force },
        { cwd: io.cwd, run: spawnRunner(io.env), log: (line) => io.out(`${line}\n`) },
      );
      const where = relative(io.cwd, result.dir) || ".";
      io.out(`wrote ${result.files.map((f) => `${where}/${f}`).join(", ")}\n`);
      if (!values.apply) io.out(`not submitted: run again with --apply, or kubectl create -f ${where}/certificaterequest.yaml\n`);
      return 0;
    } catch (error) {
      if (error instanceof CertError) {
        io.err(`streamforge cert: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ""}`);
        return error.code;
      }
      throw error;
    }
  },
};
