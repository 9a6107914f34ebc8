import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.ts";
import type { Io } from "../../src/cli/io.ts";
import { CERT_FAILURES } from "../../src/cert/index.ts";

const standinBin = resolve(import.meta.dirname, "../fixtures/cert/bin");
let root: string;
let caDir: string;

const openssl = (args: string[], cwd?: string) => execFileSync("openssl", args, { encoding: "utf8", cwd, stdio: ["ignore", "pipe", "pipe"] });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "cert-test-"));
  caDir = join(root, "ca");
  execFileSync("mkdir", ["-p", caDir]);
  // The throw-away CA the kubectl stand-in signs with, as homelab-ca-issuer would.
  openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", join(caDir, "ca.key"), "-out", join(caDir, "ca.crt"), "-days", "2", "-subj", "/CN=throwaway-ca",
    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Run {
  code: number;
  out: string;
  err: string;
  cwd: string;
}

let runs = 0;
/** Runs `streamforge cert` in a fresh working directory, with the stand-in first on PATH. */
async function cert(args: string[], mode = "ready"): Promise<Run> {
  const cwd = join(root, `run-${++runs}`);
  execFileSync("mkdir", ["-p", cwd]);
  let out = "";
  let err = "";
  const io: Io = {
    cwd,
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    isTty: false,
    env: { ...process.env, PATH: `${standinBin}:${process.env.PATH}`, STANDIN_DIR: caDir, STANDIN_MODE: mode },
  };
  const code = await runCli(["cert", ...args], io);
  return { code, out, err, cwd };
}

/** Every file below `dir`, relative. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

const grafana = ["grafana", "--fqdn", "grafana.dmz.home", "--fqdn", "grafana-alt.dmz.home", "--ip", "192.168.1.153", "--apply", "--timeout", "5"];

describe("streamforge cert (S13)", () => {
  it("S13 runs the whole cycle against a cert-manager stand-in and saves a certificate the real openssl accepts", async () => {
    const run = await cert(grafana);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const dir = join(run.cwd, "certs/prod/grafana");
    expect(filesUnder(run.cwd).sort()).toEqual(
      ["ca.crt", "certificaterequest.yaml", "tls.crt", "tls.csr", "tls.key"].map((f) => `certs/prod/grafana/${f}`),
    );
    expect(statSync(join(dir, "tls.key")).mode & 0o777).toBe(0o600);
    expect(run.out).not.toMatch(/PRIVATE KEY|BEGIN/);
    expect(run.out).toMatch(/^5\/5 valid until/m);

    expect(openssl(["verify", "-CAfile", "ca.crt", "tls.crt"], dir)).toContain("tls.crt: OK");
    const sans = openssl(["x509", "-in", "tls.crt", "-noout", "-ext", "subjectAltName"], dir);
    expect(sans).toContain("DNS:grafana.dmz.home");
    expect(sans).toContain("DNS:grafana-alt.dmz.home");
    expect(sans).toContain("IP Address:192.168.1.153");
    expect(openssl(["x509", "-in", "tls.crt", "-noout", "-pubkey"], dir)).toBe(openssl(["pkey", "-in", "tls.key", "-pubout"], dir));
    expect(openssl(["x509", "-in", "tls.crt", "-noout", "-checkend", String(30 * 24 * 3600)], dir)).toContain("will not expire");
  });

  it("S7 the CertificateRequest asks homelab-ca-issuer for the model's duration, carrying the CSR", async () => {
    const run = await cert(["kafka-ui", "--fqdn", "kafka-ui.dmz.home"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("not submitted");
    const dir = join(run.cwd, "certs/prod/kafka-ui");
    expect(filesUnder(dir).sort()).toEqual(["certificaterequest.yaml", "tls.csr", "tls.key"]);
    const request = parse(readFileSync(join(dir, "certificaterequest.yaml"), "utf8"));
    expect(request.apiVersion).toBe("cert-manager.io/v1");
    expect(request.kind).toBe("CertificateRequest");
    expect(request.metadata.name).toMatch(/^kafka-ui-[0-9a-f]{8}$/);
    expect(request.spec.issuerRef).toEqual({ name: "homelab-ca-issuer", kind: "ClusterIssuer", group: "cert-manager.io" });
    expect(request.spec.duration).toBe("2160h");
    expect(Buffer.from(request.spec.request, "base64").toString()).toBe(readFileSync(join(dir, "tls.csr"), "utf8"));
    expect(openssl(["req", "-in", "tls.csr", "-noout", "-text"], dir)).toContain("DNS:kafka-ui.dmz.home");
  });

  it("lab requests are checked against lab's domain and LAN", async () => {
    const run = await cert(["grafana", "--env", "lab", "--fqdn", "grafana.dmz.home"]);
    expect(run.code).toBe(CERT_FAILURES.outOfScope.code);
    expect(run.err).toContain("grafana.dmz.home is not under lab's domain lab.dmz.home");
  });

  const failures: Array<[string, string, string[], keyof typeof CERT_FAILURES, RegExp]> = [
    ["a host outside the domain", "ready", ["x", "--fqdn", "grafana.example.com", "--apply"], "outOfScope", /grafana.example.com is not under prod's domain dmz.home/],
    ["an IP outside the LAN", "ready", ["x", "--fqdn", "x.dmz.home", "--ip", "10.0.0.1", "--apply"], "outOfScope", /10.0.0.1 is outside prod's LAN 192.168.1.0\/24/],
    ["kubectl failing", "broken", grafana, "kubectl", /kubectl create -f certificaterequest.yaml failed: error: the server could not find/],
    ["a denied request", "denied", grafana, "denied", /was denied: PolicyDenied: name not allowed by policy/],
    ["a request that never gets Ready", "pending", ["grafana", "--fqdn", "grafana.dmz.home", "--apply", "--timeout", "1"], "timeout", /was not Ready after 1s \(last: Pending: Waiting on certificate issuance\)/],
    ["a certificate from another CA", "foreign-ca", grafana, "chain", /tls.crt does not chain to ca.crt/],
    ["an expired certificate", "expired", grafana, "notValidNow", /the certificate expired at 2020-02-01T00:00:00.000Z/],
    ["a certificate inside the renewal window", "short", grafana, "renewalWindow", /within the renewal window of 360h/],
    ["a certificate with other SANs", "wrong-san", grafana, "sanMismatch", /SANs lack grafana.dmz.home, grafana-alt.dmz.home, 192.168.1.153 \(it has: somewhere-else.dmz.home\)/],
  ];

  it.each(failures)("fails on %s with its own exit code and leaves no files", async (_what, mode, args, failure, message) => {
    const run = await cert(args, mode);
    expect(run.err).toMatch(message);
    expect(run.code).toBe(CERT_FAILURES[failure].code);
    expect(filesUnder(run.cwd)).toEqual([]);
    expect(readdirSync(run.cwd)).toEqual([]);
  });

  it("--force accepts a host outside the domain", async () => {
    const run = await cert(["edge", "--fqdn", "edge.example.com", "--force"]);
    expect(run.code).toBe(0);
    expect(filesUnder(join(run.cwd, "certs/prod/edge"))).toContain("tls.key");
  });

  it("every failure has a distinct exit code, listed in --help", async () => {
    const codes = Object.values(CERT_FAILURES).map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    const run = await cert(["--help"]);
    for (const f of Object.values(CERT_FAILURES)) expect(run.out).toContain(`${String(f.code).padStart(2)}  ${f.summary}`);
  });

  it("a missing --fqdn is a usage error (exit 2)", async () => {
    const run = await cert(["grafana", "--ip", "192.168.1.153"]);
    expect(run.code).toBe(2);
    expect(run.err).toContain("give at least one --fqdn");
  });
});
