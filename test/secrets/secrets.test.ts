/**
 * `streamforge secrets check|create` against a kubectl stand-in (test/fixtures/secrets/bin) that
 * keeps Secrets as files: what is reported, what is created, and that no value is ever printed
 * or passed as an argument.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.ts";
import type { Io } from "../../src/cli/io.ts";
import { prerequisites } from "../../src/core/model/prerequisites.ts";
import { streamforge } from "../../src/platform/streamforge.ts";
import { runSecrets, type Runner } from "../../src/secrets/index.ts";
import { defineAdapter, extendPlatform } from "../../src/core/model/extensions.ts";
import { platform as mini } from "../fixtures/models/mini.ts";

const standinBin = resolve(import.meta.dirname, "../fixtures/secrets/bin");
const prod = streamforge.environments.find((e) => e.name === "prod")!;

async function secrets(args: string[], state: string, extraEnv: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = {
    cwd: state,
    out: (t) => (out += t),
    err: (t) => (err += t),
    isTty: false,
    env: { ...process.env, PATH: `${standinBin}:${process.env.PATH}`, STANDIN_DIR: state, ...extraEnv },
  };
  const code = await runCli(["secrets", ...args], io);
  return { code, out, err };
}

function putSecret(state: string, namespace: string, name: string, keys: string[]): void {
  mkdirSync(join(state, namespace), { recursive: true });
  writeFileSync(join(state, namespace, name), keys.map((k) => `${k}\n`).join(""));
}

describe("streamforge secrets", () => {
  const list = prerequisites(streamforge, prod);

  it("check on an empty cluster reports every prerequisite missing and exits 1, creating nothing", async () => {
    const state = mkdtempSync(join(tmpdir(), "secrets-"));
    const { code, out } = await secrets(["check", "--env", "prod"], state);
    expect(code).toBe(1);
    for (const p of list) expect(out).toContain(`missing  ${p.namespace}/${p.name}:`);
    expect(out).toContain(`prod: 0 of ${list.length} Secrets in place`);
    expect(readFileSync(join(state, "calls.log"), "utf8")).not.toMatch(/^create/m);
  });

  it("check names a Secret that lacks a key, and accepts complete ones", async () => {
    const state = mkdtempSync(join(tmpdir(), "secrets-"));
    putSecret(state, "minio", "minio-root", ["rootUser"]);
    putSecret(state, "dns", "technitium-admin", ["password"]);
    const { out } = await secrets(["check"], state);
    expect(out).toContain("missing  minio/minio-root: keys rootPassword");
    expect(out).toContain("ok       dns/technitium-admin");
  });

  it("create makes only platform-owned Secrets, with random values on stdin, the same value for one OIDC client in both namespaces, and prints no value", async () => {
    const state = mkdtempSync(join(tmpdir(), "secrets-"));
    const { code, out, err } = await secrets(["create"], state);
    expect(code).toBe(1); // the CA, tokens and credentials of other systems are a person's to supply
    const created = list.filter((p) => p.keys.every((k) => k.origin === "platform"));
    const external = list.filter((p) => p.keys.some((k) => k.origin === "external"));
    for (const p of created) expect(existsSync(join(state, p.namespace, `${p.name}.json`)), `${p.namespace}/${p.name}`).toBe(true);
    for (const p of external) {
      expect(existsSync(join(state, p.namespace, p.name)), `${p.namespace}/${p.name}`).toBe(false);
      expect(out).toContain(`missing  ${p.namespace}/${p.name}:`);
    }
    const read = (ns: string, name: string) => JSON.parse(readFileSync(join(state, ns, `${name}.json`), "utf8")) as { stringData: Record<string, string> };
    const grafanaClient = prod.components.keycloak.clients.grafana;
    const clientSide = read("monitoring", grafanaClient.secret).stringData[grafanaClient.key]!;
    expect(read("keycloak", grafanaClient.secret).stringData[grafanaClient.key]).toBe(clientSide);
    expect(clientSide.length).toBeGreaterThanOrEqual(32);
    const minio = read("minio", "minio-root").stringData;
    expect(minio.rootUser).not.toBe(minio.rootPassword);
    const log = readFileSync(join(state, "calls.log"), "utf8");
    for (const value of [clientSide, minio.rootPassword!]) {
      expect(out + err).not.toContain(value);
      expect(log).not.toContain(value);
    }
    // A second run finds them and creates nothing new.
    const again = await secrets(["check"], state);
    for (const p of created) expect(again.out).toContain(`ok       ${p.namespace}/${p.name}`);
  });

  it("create does not invent a second value for an OIDC client whose other Secret exists", async () => {
    const state = mkdtempSync(join(tmpdir(), "secrets-"));
    const ref = prod.components.keycloak.clients.argocd;
    putSecret(state, "argocd", ref.secret, [ref.key]);
    const { out } = await secrets(["create"], state);
    expect(out).toContain(`missing  keycloak/${ref.secret}: copy the keys of argocd/${ref.secret}`);
    expect(existsSync(join(state, "keycloak", `${ref.secret}.json`))).toBe(false);
  });

  it("a kubectl failure exits 3 with kubectl's message", async () => {
    const state = mkdtempSync(join(tmpdir(), "secrets-"));
    const { code, err } = await secrets(["check"], state, { STANDIN_FAIL: "get" });
    expect(code).toBe(3);
    expect(err).toMatch(/Unauthorized/);
  });

  it("an unknown action is a usage error", async () => {
    const state = mkdtempSync(join(tmpdir(), "secrets-"));
    const { code, err } = await secrets(["delete"], state);
    expect(code).toBe(2);
    expect(err).toMatch(/give check or create/);
  });
});

describe("secrets of a consumer's release", () => {
  const repository = { alias: "charts", url: "https://charts.example.org" };
  const podinfo = defineAdapter<object>({
    name: "podinfo",
    values: () => ({}),
    schema: { type: "object" },
    contract: {
      prerequisites: [
        { kind: "Secret", name: "podinfo-token", purpose: "podinfo's API token", keys: [{ key: "token", holds: "the token example.org issued" }] },
        { kind: "Secret", name: "podinfo-session", purpose: "podinfo's session key", keys: [{ key: "key", holds: "a random key", origin: "platform" }] },
      ],
    },
  });
  const platform = extendPlatform(mini, [{ name: "podinfo", namespace: "podinfo", chart: { repository, name: "podinfo", version: "6.9.1" }, adapter: podinfo }]);

  it("create makes the one its contract says the platform supplies, and names the keys a person must supply for the other", async () => {
    const created: Array<{ name: string; keys: string[] }> = [];
    // kubectl with an empty cluster: `get` finds nothing, `create -f -` reads the manifest on stdin.
    const kubectl: Runner = async (_command, args, options) => {
      if (args[0] === "create") {
        const manifest = JSON.parse(options!.input!) as { metadata: { name: string }; stringData: Record<string, string> };
        created.push({ name: manifest.metadata.name, keys: Object.keys(manifest.stringData) });
      }
      return { code: 0, stdout: "", stderr: "" };
    };
    const reports = await runSecrets(platform, platform.environments[0]!, kubectl, { create: true });
    const of = (name: string) => reports.find((r) => r.prerequisite.namespace === "podinfo" && r.prerequisite.name === name)?.result;
    expect(of("podinfo-session")).toEqual({ state: "created" });
    expect(of("podinfo-token")).toEqual({ state: "needs-person", keys: ["token"] });
    expect(created.filter((c) => c.name.startsWith("podinfo-"))).toEqual([{ name: "podinfo-session", keys: ["key"] }]);
  });
});
