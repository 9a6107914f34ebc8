/**
 * `streamforge secrets check|create`: the model's prerequisites (`model/prerequisites.ts`) against
 * a cluster, through `kubectl`. `check` reports which Secrets or keys are missing; `create` makes
 * the missing Secrets whose every value belongs to the platform, with random values written to
 * kubectl's stdin (never an argument, never printed). Secrets a person must supply are reported.
 */
import { randomBytes } from "node:crypto";
import type { Environment, Platform } from "../core/model/types.ts";
import { prerequisites, type Prerequisite } from "../core/model/prerequisites.ts";

/** Runs a command; the CLI passes one over `child_process` (the cert world's), tests pass a stand-in on PATH. */
export type Runner = (command: string, args: string[], options?: { input?: string; cwd?: string }) => Promise<{ code: number; stdout: string; stderr: string }>;

const firstLine = (text: string): string => text.trim().split("\n")[0] ?? "";

export type SecretState =
  | { state: "present" }
  | { state: "missing" }
  | { state: "missing-keys"; keys: string[] }
  | { state: "created" }
  | { state: "needs-person"; keys: string[] }
  | { state: "needs-copy"; of: string };

export interface SecretReport {
  prerequisite: Prerequisite;
  result: SecretState;
}

export class SecretsError extends Error {
  override name = "SecretsError";
}

/** The keys a Secret has, or undefined when it does not exist (`kubectl get` NotFound). */
async function existingKeys(run: Runner, kubectl: string, p: Prerequisite): Promise<string[] | undefined> {
  // Only the key names are read: the template prints no value.
  const result = await run(kubectl, ["get", "secret", p.name, "-n", p.namespace, "--ignore-not-found", "-o", "go-template={{range $k, $v := .data}}{{$k}}{{\"\\n\"}}{{end}}"]);
  if (result.code !== 0) throw new SecretsError(`${kubectl} get secret ${p.namespace}/${p.name} failed: ${firstLine(result.stderr) || `exit ${result.code}`}`);
  if (result.stdout === "") {
    // --ignore-not-found prints nothing for a missing Secret; an existing empty one prints nothing too, so ask once more.
    const exists = await run(kubectl, ["get", "secret", p.name, "-n", p.namespace, "--ignore-not-found", "-o", "name"]);
    if (exists.code !== 0) throw new SecretsError(`${kubectl} get secret ${p.namespace}/${p.name} failed: ${firstLine(exists.stderr) || `exit ${exists.code}`}`);
    return exists.stdout.trim() === "" ? undefined : [];
  }
  return result.stdout.split("\n").filter(Boolean);
}

function randomValue(): string {
  return randomBytes(24).toString("base64url");
}

/** A Secret manifest as JSON, for `kubectl create -f -` on stdin. */
function secretManifest(p: Prerequisite, values: Record<string, string>): string {
  return JSON.stringify({
    apiVersion: "v1",
    kind: "Secret",
    metadata: {
      name: p.name,
      namespace: p.namespace,
      labels: { ...(p.labels ?? {}), "app.kubernetes.io/managed-by": "streamforge-secrets" },
      ...(p.annotations ? { annotations: p.annotations } : {}),
    },
    type: p.type ?? "Opaque",
    stringData: values,
  });
}

export interface SecretsOptions {
  kubectl?: string;
  create: boolean;
}

/** Checks (and with `create`, makes) every prerequisite of `env`; one report per Secret. */
export async function runSecrets(platform: Platform, env: Environment, run: Runner, options: SecretsOptions): Promise<SecretReport[]> {
  const kubectl = options.kubectl ?? "kubectl";
  const reports: SecretReport[] = [];
  // A Secret that must equal another (one OIDC client secret in two namespaces) gets the same random values.
  const generated = new Map<string, Record<string, string>>();
  const list = prerequisites(platform, env);
  const found = new Map<Prerequisite, string[] | undefined>();
  for (const p of list) found.set(p, await existingKeys(run, kubectl, p));
  const twinOf = (p: Prerequisite): string => (p.sameAs ? `${p.sameAs.namespace}/${p.sameAs.name}` : `${p.namespace}/${p.name}`);
  for (const p of list) {
    const keys = found.get(p);
    const wanted = p.keys.map((k) => k.key).filter((k) => k !== "*");
    if (keys !== undefined) {
      const missing = wanted.filter((k) => !keys.includes(k));
      reports.push({ prerequisite: p, result: missing.length ? { state: "missing-keys", keys: missing } : { state: "present" } });
      continue;
    }
    const external = p.keys.filter((k) => k.origin === "external").map((k) => k.key);
    if (!options.create) {
      reports.push({ prerequisite: p, result: { state: "missing" } });
      continue;
    }
    if (external.length) {
      reports.push({ prerequisite: p, result: { state: "needs-person", keys: external } });
      continue;
    }
    const twin = twinOf(p);
    // Its twin already holds a value: a new random one would differ (the OIDC login would fail).
    const existingTwin = list.find((o) => o !== p && twinOf(o) === twin && found.get(o) !== undefined);
    if (existingTwin) {
      reports.push({ prerequisite: p, result: { state: "needs-copy", of: `${existingTwin.namespace}/${existingTwin.name}` } });
      continue;
    }
    const values = generated.get(twin) ?? Object.fromEntries(p.keys.map((k) => [k.key, k.value ?? randomValue()]));
    generated.set(twin, values);
    const result = await run(kubectl, ["create", "-f", "-"], { input: secretManifest(p, values) });
    if (result.code !== 0) throw new SecretsError(`${kubectl} create secret ${p.namespace}/${p.name} failed: ${firstLine(result.stderr) || `exit ${result.code}`}`);
    reports.push({ prerequisite: p, result: { state: "created" } });
  }
  return reports;
}

/** One line per Secret; names and keys only. */
export function describeReport(r: SecretReport): string {
  const id = `${r.prerequisite.namespace}/${r.prerequisite.name}`;
  switch (r.result.state) {
    case "present":
      return `ok       ${id}`;
    case "created":
      return `created  ${id} (random ${r.prerequisite.keys.map((k) => k.key).join(", ")})`;
    case "missing":
      return `missing  ${id}: ${r.prerequisite.purpose} (keys ${r.prerequisite.keys.map((k) => k.key).join(", ")})`;
    case "missing-keys":
      return `missing  ${id}: keys ${r.result.keys.join(", ")}`;
    case "needs-copy":
      return `missing  ${id}: copy the keys of ${r.result.of}, which must hold the same values`;
    case "needs-person":
      return `missing  ${id}: ${r.prerequisite.purpose}; supply ${r.result.keys.join(", ")} yourself`;
  }
}
