/**
 * Derives `schema/kubespray/<tag>/known-vars.json`: every variable a Kubespray release knows, the
 * type of its literal default where it has one, and the Kubernetes versions it deploys. Lint reads
 * the derived file; the reference data (`../shared/reference/kubespray/<tag>/`) is only read here,
 * at build time, and by the test that re-derives the file and compares.
 *
 * Sources, in the reference folder:
 * - `known-vars.txt`: variables of `kubespray_defaults` and the sample inventory;
 * - `known-vars-all-roles.txt`: those plus every role's defaults (`kubelet_max_pods`, `kube_vip_*`);
 * - the YAML defaults themselves, for the type of each literal default (`true` -> boolean);
 * - `kube-versions.json`: default, minimum and supported Kubernetes versions.
 * Plus `INVENTORY_VARS`: host variables that Kubespray's inventory documentation defines but no
 * defaults file sets, and the Ansible connection variables an inventory uses.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { GENERATED_MARKER, INFRA_SCHEMA_COMMAND } from "../core/files.ts";

export type VarType = "boolean" | "integer" | "number" | "string" | "list" | "dict" | "any";

export interface KnownVars {
  $comment: string;
  kubespray: string;
  kubernetes: { default: string; minimum: string; supported: string[] };
  /** Variable -> type of its literal default (`any` when templated, empty, or mixed). */
  variables: Record<string, VarType>;
}

/** Where the derived file lives for a Kubespray tag. */
export function knownVarsPath(tag: string): string {
  return `schema/kubespray/${tag}/known-vars.json`;
}

/**
 * Inventory host variables of Kubespray's docs (`docs/ansible/vars.md`: `ip`, `access_ip`,
 * `node_labels`, `node_taints`, `etcd_member_name`) and Ansible's connection variables.
 */
export const INVENTORY_VARS: Readonly<Record<string, VarType>> = {
  ansible_host: "string",
  ansible_port: "integer",
  ansible_user: "string",
  ansible_become: "boolean",
  ansible_python_interpreter: "string",
  ansible_ssh_private_key_file: "string",
  ip: "string",
  access_ip: "string",
  node_labels: "dict",
  node_taints: "list",
  etcd_member_name: "string",
};

function typeOf(value: unknown): VarType {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "string") return value.includes("{{") || value.includes("{%") ? "any" : "string";
  if (Array.isArray(value)) return "list";
  if (value !== null && typeof value === "object") return "dict";
  return "any";
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/.test(name) ? [path] : [];
    });
}

function words(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

/** Derives the known variables of the Kubespray release whose reference folder is `dir`. */
export function deriveKnownVars(dir: string): KnownVars {
  const versions = JSON.parse(readFileSync(join(dir, "kube-versions.json"), "utf8")) as {
    tag: string;
    kube_version_default: string;
    kube_version_min_required: string;
    supported_kube_versions_amd64_kubelet: string[];
  };
  const names = new Set([
    ...words(readFileSync(join(dir, "known-vars.txt"), "utf8")),
    ...words(readFileSync(join(dir, "known-vars-all-roles.txt"), "utf8")),
  ]);
  // The type of each name's literal defaults; a name whose defaults disagree is `any`.
  const types = new Map<string, VarType>();
  for (const file of [...yamlFiles(join(dir, "roles")), ...yamlFiles(join(dir, "inventory"))]) {
    let data: unknown;
    try {
      data = parse(readFileSync(file, "utf8"), { version: "1.1", uniqueKeys: false });
    } catch (error) {
      throw new Error(`cannot parse ${relative(dir, file)}: ${(error as Error).message}`);
    }
    if (data === null || typeof data !== "object" || Array.isArray(data)) continue;
    for (const [name, value] of Object.entries(data)) {
      if (!names.has(name)) continue;
      const type = typeOf(value);
      const seen = types.get(name);
      types.set(name, seen === undefined || seen === type ? type : "any");
    }
  }
  const variables: Record<string, VarType> = {};
  const all = new Set([...names, ...Object.keys(INVENTORY_VARS)]);
  for (const name of [...all].sort()) variables[name] = INVENTORY_VARS[name] ?? types.get(name) ?? "any";
  return {
    $comment: `${GENERATED_MARKER.replace("npm run gen", INFRA_SCHEMA_COMMAND)} from the Kubespray ${versions.tag} reference data. Do not edit.`,
    kubespray: versions.tag,
    kubernetes: {
      default: versions.kube_version_default,
      minimum: versions.kube_version_min_required,
      supported: versions.supported_kube_versions_amd64_kubelet,
    },
    variables,
  };
}

/** The committed text of the derived file. */
export function knownVarsText(vars: KnownVars): string {
  return `${JSON.stringify(vars, null, 2)}\n`;
}
