import {
  cidrSpan,
  ipToInt,
  isIPv4,
  spanContains
} from "./chunk-5YZPTOSL.mjs";
import {
  loadModel
} from "./chunk-KEPHZAAP.mjs";
import {
  parse
} from "./chunk-HP2SGMC7.mjs";
import {
  UsageError,
  isUnder,
  orderKubeObject,
  toYaml
} from "./chunk-FIK2LZX5.mjs";
import "./chunk-USOL5YMT.mjs";
import "./chunk-U2IFGJIN.mjs";

// src/cli/commands/cert.ts
import { relative } from "node:path";

// src/cert/index.ts
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

// src/cert/errors.ts
var CERT_FAILURES = {
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
  output: { code: 14, summary: "the output folder could not be written" }
};
var CertError = class extends Error {
  constructor(failure, message, hint) {
    super(message);
    this.failure = failure;
    this.hint = hint;
    this.code = CERT_FAILURES[failure].code;
  }
  failure;
  hint;
  name = "CertError";
  code;
};
function exitCodeHelp() {
  const rows = [
    "   0  certificate saved and valid (or, without --apply, key, CSR and CertificateRequest written)",
    "   2  usage error",
    ...Object.values(CERT_FAILURES).map((f) => `  ${String(f.code).padStart(2)}  ${f.summary}`)
  ];
  return rows.join("\n");
}

// src/cert/runner.ts
import { spawn } from "node:child_process";
function spawnRunner(env) {
  return (command, args, options = {}) => new Promise((resolve2) => {
    const child = spawn(command, args, { env, cwd: options.cwd, stdio: ["pipe", "pipe", "pipe"] });
    const out = [];
    const err = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.stderr.on("data", (chunk) => err.push(chunk));
    child.on("error", (error) => resolve2({ code: 127, stdout: "", stderr: `${command}: ${error.message}` }));
    child.on("close", (code) => resolve2({ code: code ?? 1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
    child.stdin.on("error", () => void 0);
    child.stdin.end(options.input ?? "");
  });
}
function firstLine(text) {
  return text.trim().split("\n")[0] ?? "";
}

// src/cert/openssl.ts
async function openssl(run, args, failure, what, cwd) {
  const result = await run("openssl", args, { cwd });
  if (result.code !== 0) throw new CertError(failure, `openssl ${what} failed: ${firstLine(result.stderr) || `exit ${result.code}`}`);
  return result.stdout;
}
function keyOptions(params) {
  if (params.keyAlgorithm === "RSA") return ["-algorithm", "RSA", "-pkeyopt", `rsa_keygen_bits:${params.keySize}`];
  return ["-algorithm", "EC", "-pkeyopt", `ec_paramgen_curve:P-${params.keySize}`];
}
function sanExtension(fqdns, ips) {
  return [...fqdns.map((f) => `DNS:${f}`), ...ips.map((ip) => `IP:${ip}`)].join(",");
}
async function createKeyAndCsr(run, dir, params, key, csr) {
  await openssl(run, ["genpkey", ...keyOptions(params), "-out", key], "openssl", "genpkey", dir);
  const subject = `/CN=${params.fqdns[0] ?? params.name}`;
  await openssl(
    run,
    ["req", "-new", "-key", key, "-subj", subject, "-addext", `subjectAltName=${sanExtension(params.fqdns, params.ips)}`, "-out", csr],
    "openssl",
    "req (CSR)",
    dir
  );
}
function parseSans(text) {
  const entries = text.split("\n").filter((line) => !line.includes("Subject Alternative Name")).join(",").split(",").map((e) => e.trim()).filter(Boolean);
  return {
    dns: entries.filter((e) => e.startsWith("DNS:")).map((e) => e.slice(4)),
    ips: entries.filter((e) => e.startsWith("IP Address:")).map((e) => e.slice("IP Address:".length))
  };
}
function parseDates(text) {
  const get = (key) => {
    const match = new RegExp(`^${key}=(.+)$`, "m").exec(text);
    const date = match?.[1] ? new Date(match[1].trim().replace(" ", "T")) : void 0;
    if (!date || Number.isNaN(date.getTime())) throw new CertError("notValidNow", `cannot read ${key} of the certificate from openssl`);
    return date;
  };
  return { notBefore: get("notBefore"), notAfter: get("notAfter") };
}
async function validateCertificate(run, input) {
  const { dir, cert: cert2, ca, key } = input;
  const verify = await run("openssl", ["verify", "-no_check_time", "-CAfile", ca, cert2], { cwd: dir });
  if (verify.code !== 0) {
    const reason = `${verify.stdout}
${verify.stderr}`.split("\n").find((l) => l.includes("error")) ?? firstLine(verify.stderr);
    throw new CertError("chain", `tls.crt does not chain to ca.crt: ${reason.trim()}`, "is the issuer's CA the one cert-manager signs with?");
  }
  const dates = parseDates(await openssl(run, ["x509", "-in", cert2, "-noout", "-dateopt", "iso_8601", "-startdate", "-enddate"], "notValidNow", "x509 -dates", dir));
  if (dates.notAfter <= input.now) throw new CertError("notValidNow", `the certificate expired at ${dates.notAfter.toISOString()}`);
  if (dates.notBefore > input.now) throw new CertError("notValidNow", `the certificate is not valid before ${dates.notBefore.toISOString()}`);
  const window = input.renewBeforeHours * 3600;
  const checkend = await run("openssl", ["x509", "-in", cert2, "-noout", "-checkend", String(window)], { cwd: dir });
  if (checkend.code !== 0) {
    throw new CertError(
      "renewalWindow",
      `the certificate expires at ${dates.notAfter.toISOString()}, within the renewal window of ${input.renewBeforeHours}h`,
      "request a longer duration from the issuer"
    );
  }
  const sans = parseSans(await openssl(run, ["x509", "-in", cert2, "-noout", "-ext", "subjectAltName"], "sanMismatch", "x509 -ext subjectAltName", dir));
  const missing = [...input.fqdns.filter((f) => !sans.dns.includes(f)), ...input.ips.filter((ip) => !sans.ips.includes(ip))];
  if (missing.length) {
    const has = [...sans.dns, ...sans.ips].join(", ") || "none";
    throw new CertError("sanMismatch", `the certificate's SANs lack ${missing.join(", ")} (it has: ${has})`);
  }
  const certKey = await openssl(run, ["x509", "-in", cert2, "-noout", "-pubkey"], "keyMismatch", "x509 -pubkey", dir);
  const ownKey = await openssl(run, ["pkey", "-in", key, "-pubout"], "keyMismatch", "pkey -pubout", dir);
  if (certKey.trim() !== ownKey.trim()) throw new CertError("keyMismatch", "the certificate's public key is not the one of tls.key");
  return `valid until ${dates.notAfter.toISOString()}, chains to ca.crt, SANs ${[...sans.dns, ...sans.ips].join(", ")}`;
}

// src/cert/params.ts
var LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
function scopeProblems(env, fqdns, ips) {
  const lan = cidrSpan(env.network.lan);
  return [
    ...fqdns.filter((f) => !isUnder(f, env.domain)).map((f) => `${f} is not under ${env.name}'s domain ${env.domain}`),
    ...ips.filter((ip) => !spanContains(lan, ipToInt(ip))).map((ip) => `${ip} is outside ${env.name}'s LAN ${env.network.lan}`)
  ];
}
function certParams(env, options) {
  const policy = env.ingress.certificates;
  if (!LABEL.test(options.name)) throw new UsageError(`certificate name "${options.name}" must be a DNS label (a-z, 0-9, -)`);
  if (options.fqdns.length === 0) throw new UsageError("give at least one --fqdn");
  const badHost = options.fqdns.find((f) => !f.split(".").every((label) => LABEL.test(label)));
  if (badHost !== void 0) throw new UsageError(`--fqdn ${badHost} is not a host name`);
  const badIp = options.ips.find((ip) => !isIPv4(ip));
  if (badIp !== void 0) throw new UsageError(`--ip ${badIp} is not an IPv4 address`);
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
    out: options.out ?? `${policy.outDir}/${env.name}/${options.name}`
  };
}

// src/cert/request.ts
import { createHash } from "node:crypto";
function requestName(name, csrPem) {
  return `${name}-${createHash("sha256").update(csrPem).digest("hex").slice(0, 8)}`;
}
function certificateRequest(params, csrPem) {
  const usages = params.keyAlgorithm === "RSA" ? ["digital signature", "key encipherment", "server auth"] : ["digital signature", "server auth"];
  return orderKubeObject({
    apiVersion: "cert-manager.io/v1",
    kind: "CertificateRequest",
    metadata: {
      name: requestName(params.name, csrPem),
      namespace: params.namespace,
      labels: { "app.kubernetes.io/managed-by": "streamforge-cert", "streamforge.io/certificate": params.name }
    },
    spec: {
      request: Buffer.from(csrPem, "utf8").toString("base64"),
      issuerRef: { name: params.issuer, kind: "ClusterIssuer", group: "cert-manager.io" },
      duration: `${params.durationHours}h`,
      usages
    }
  });
}
function certificateRequestYaml(params, csrPem) {
  return `# Created by \`streamforge cert ${params.name}\` for environment ${params.env}; submit with kubectl create -f.
${toYaml(certificateRequest(params, csrPem))}`;
}

// src/cert/kubectl.ts
function requestState(object) {
  const status = object?.status ?? {};
  const conditions = status.conditions ?? [];
  const find = (type) => conditions.find((c) => c.type === type && c.status === "True");
  const text = (c) => [c?.reason, c?.message].filter(Boolean).join(": ");
  const denied = find("Denied");
  if (denied) return { state: "denied", message: text(denied) || "denied" };
  const invalid = find("InvalidRequest");
  if (invalid) return { state: "failed", message: text(invalid) || "invalid request" };
  const ready = conditions.find((c) => c.type === "Ready");
  if (ready?.status === "False" && (ready.reason === "Failed" || ready.reason === "Denied")) {
    return ready.reason === "Denied" ? { state: "denied", message: text(ready) } : { state: "failed", message: text(ready) };
  }
  if (ready?.status === "True" && status.certificate) {
    const decode = (b64) => Buffer.from(b64, "base64").toString("utf8");
    return { state: "issued", certificate: decode(status.certificate), ca: status.ca ? decode(status.ca) : void 0 };
  }
  return { state: "pending", message: text(ready) || "no Ready condition yet" };
}
async function submitRequest(run, kubectl, file, cwd) {
  const result = await run(kubectl, ["create", "-f", file], { cwd });
  if (result.code !== 0) throw new CertError("kubectl", `${kubectl} create -f ${file} failed: ${firstLine(result.stderr) || `exit ${result.code}`}`);
}
async function waitForRequest(run, options) {
  const deadline = options.now() + options.timeoutSeconds * 1e3;
  let last = "";
  for (; ; ) {
    const result = await run(options.kubectl, ["get", "certificaterequest", options.name, "-n", options.namespace, "-o", "json"], { cwd: options.cwd });
    if (result.code !== 0) throw new CertError("kubectl", `${options.kubectl} get certificaterequest ${options.name} failed: ${firstLine(result.stderr) || `exit ${result.code}`}`);
    let object;
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

// src/cert/index.ts
var FILES = { key: "tls.key", csr: "tls.csr", request: "certificaterequest.yaml", cert: "tls.crt", ca: "ca.crt" };
function makeParents(dir) {
  try {
    return mkdirSync(dirname(dir), { recursive: true });
  } catch (error) {
    throw new CertError("output", `cannot create ${dirname(dir)}: ${error.message}`);
  }
}
function publish(temp, target) {
  try {
    if (existsSync(target)) {
      const old = `${temp}.old`;
      renameSync(target, old);
      renameSync(temp, target);
      rmSync(old, { recursive: true, force: true });
    } else renameSync(temp, target);
  } catch (error) {
    throw new CertError("output", `cannot move the result into ${target}: ${error.message}`);
  }
}
async function runCert(env, options, deps) {
  const params = certParams(env, options);
  const target = resolve(deps.cwd, params.out);
  const created = makeParents(target);
  const temp = mkdtempSync(join(dirname(target), `.${basename(target)}.partial-`));
  try {
    deps.log(`1/5 parameters: ${params.keyAlgorithm}-${params.keySize}, ${params.durationHours}h from ClusterIssuer ${params.issuer}, renewal window ${params.renewBeforeHours}h`);
    await createKeyAndCsr(deps.run, temp, params, FILES.key, FILES.csr);
    chmodSync(join(temp, FILES.key), 384);
    const csr = readFileSync(join(temp, FILES.csr), "utf8");
    deps.log(`2/5 key and CSR for ${[...params.fqdns, ...params.ips].join(", ")}`);
    const name = requestName(params.name, csr);
    writeFileSync(join(temp, FILES.request), certificateRequestYaml(params, csr));
    const files = [FILES.key, FILES.csr, FILES.request];
    let summary;
    if (options.apply) {
      const kubectl = deps.kubectl ?? "kubectl";
      await submitRequest(deps.run, kubectl, FILES.request, temp);
      deps.log(`3/5 submitted CertificateRequest ${params.namespace}/${name}`);
      const issued = await waitForRequest(deps.run, {
        kubectl,
        name,
        namespace: params.namespace,
        timeoutSeconds: options.timeoutSeconds ?? 120,
        pollMs: deps.pollMs ?? 2e3,
        cwd: temp,
        now: deps.now ?? Date.now,
        sleep: deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)))
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
        now: new Date((deps.now ?? Date.now)())
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

// src/cli/commands/cert.ts
var cert = {
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
        model: { type: "string" }
      },
      true
    );
    if (values.help) {
      io.out(`${this.usage}
`);
      return 0;
    }
    const [name, ...extra] = positionals;
    if (name === void 0 || extra.length) throw new UsageError("give exactly one certificate name");
    const timeout = values.timeout === void 0 ? void 0 : Number(values.timeout);
    if (timeout !== void 0 && !(Number.isFinite(timeout) && timeout > 0)) throw new UsageError(`--timeout ${values.timeout}: expected a number of seconds`);
    const platform = await loadModel(values.model, io.cwd);
    const envName = values.env ?? platform.defaultEnvironment;
    const env = platform.environments.find((e) => e.name === envName);
    if (!env) throw new UsageError(`unknown environment "${envName}"; the model has: ${platform.environments.map((e) => e.name).join(", ")}`);
    try {
      const result = await runCert(
        env,
        { name, fqdns: values.fqdn ?? [], ips: values.ip ?? [], namespace: values.namespace, out: values.out, apply: values.apply, timeoutSeconds: timeout, force: values.force },
        { cwd: io.cwd, run: spawnRunner(io.env), log: (line) => io.out(`${line}
`) }
      );
      const where = relative(io.cwd, result.dir) || ".";
      io.out(`wrote ${result.files.map((f) => `${where}/${f}`).join(", ")}
`);
      if (!values.apply) io.out(`not submitted: run again with --apply, or kubectl create -f ${where}/certificaterequest.yaml
`);
      return 0;
    } catch (error) {
      if (error instanceof CertError) {
        io.err(`streamforge cert: ${error.message}
${error.hint ? `hint: ${error.hint}
` : ""}`);
        return error.code;
      }
      throw error;
    }
  }
};
export {
  cert
};
