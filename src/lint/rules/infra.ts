/**
 * What the Kubespray and Proxmox rules share: the rule shape (a plain check over the model and the
 * generated or on-disk files, all environments at once, since lab and prod share the Proxmox
 * hosts), files parsed once with positions, and readers of the inventory and the VM specs.
 */
import type { Diagnostic, Severity } from "../../diagnostics/types.ts";
import type { FileRecord } from "../../emit/files.ts";
import type { Environment, Platform } from "../../model/types.ts";
import { YamlSource, toPointer } from "../../diagnostics/locate.ts";
import { emittedDocuments } from "../../emit/yaml.ts";
import { kubesprayPaths } from "../../emit/kubespray.ts";
import { proxmoxPaths } from "../../emit/proxmox.ts";
import { KUBESPRAY_GROUPS } from "../../model/infra.ts";

/** A check of the infrastructure layers. */
export interface InfraRule {
  id: string;
  description: string;
  check(platform: Platform, files: FileRecord[]): Diagnostic[];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The files of one lint run, each YAML file parsed once. */
export class InfraFiles {
  private readonly byPath: Map<string, FileRecord>;
  private readonly parsed = new Map<string, YamlSource>();

  constructor(readonly records: FileRecord[]) {
    this.byPath = new Map(records.map((r) => [r.path, r]));
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }

  /** Every path, sorted once: rules ask per environment and per node, so a scan each time grew quadratically. */
  private sorted: string[] | undefined;

  paths(prefix: string): string[] {
    const sorted = (this.sorted ??= [...this.byPath.keys()].sort());
    // The first path >= prefix; the matches follow it contiguously.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) out.push(sorted[i]!);
    return out;
  }

  text(path: string): string | undefined {
    return this.byPath.get(path)?.content;
  }

  yaml(path: string): YamlSource | undefined {
    const record = this.byPath.get(path);
    if (!record) return undefined;
    let source = this.parsed.get(path);
    if (!source) {
      source = new YamlSource(path, record.content);
      this.parsed.set(path, source);
    }
    return source;
  }

  /** The first document of a YAML file as data (text generated in this run is not parsed again). */
  data(path: string): unknown {
    const text = this.text(path);
    const emitted = text === undefined ? undefined : emittedDocuments(text);
    return emitted ? emitted[0] : this.yaml(path)?.data[0];
  }

  /** A diagnostic at `pointer` of `path`, with line:column when the file is YAML. */
  at(
    rule: string,
    path: string,
    pointer: Array<string | number>,
    message: string,
    options: { hint?: string; severity?: Severity; key?: boolean } = {},
  ): Diagnostic {
    const ptr = toPointer(pointer);
    const position = this.yaml(path)?.positionOf(ptr, 0, options.key ?? false);
    return {
      rule,
      severity: options.severity ?? "error",
      message,
      file: path,
      pointer: ptr || "/",
      ...(position ? { position } : {}),
      ...(options.hint ? { hint: options.hint } : {}),
    };
  }
}

const shared = new WeakMap<FileRecord[], InfraFiles>();

/** One parse of a file list, shared by every rule that checks it. */
export function infraFiles(records: FileRecord[]): InfraFiles {
  let files = shared.get(records);
  if (!files) {
    files = new InfraFiles(records);
    shared.set(records, files);
  }
  return files;
}

/** A variable written in the inventory: where, and its value. */
export interface WrittenVar {
  path: string;
  pointer: Array<string | number>;
  name: string;
  value: unknown;
}

/** Group-vars files of an environment's inventory (`group_vars/<group>/<file>.yml`). */
export function groupVarsPaths(files: InfraFiles, env: string): string[] {
  const dir = kubesprayPaths(env).hosts.replace(/hosts\.yaml$/, "group_vars/");
  return files.paths(dir).filter((p) => /\.ya?ml$/.test(p));
}

/** Every variable the inventory of `env` writes: group_vars files, and host and group vars in hosts.yaml. */
export function writtenVars(files: InfraFiles, env: string): WrittenVar[] {
  const out: WrittenVar[] = [];
  for (const path of groupVarsPaths(files, env)) {
    const data = files.data(path);
    if (!isObject(data)) continue;
    for (const [name, value] of Object.entries(data)) out.push({ path, pointer: [name], name, value });
  }
  const hostsPath = kubesprayPaths(env).hosts;
  const inventory = files.data(hostsPath);
  const visitGroup = (group: unknown, pointer: Array<string | number>) => {
    if (!isObject(group)) return;
    for (const section of ["vars"] as const) {
      const vars = group[section];
      if (isObject(vars)) for (const [name, value] of Object.entries(vars)) out.push({ path: hostsPath, pointer: [...pointer, section, name], name, value });
    }
    if (isObject(group.hosts)) {
      for (const [host, vars] of Object.entries(group.hosts)) {
        if (isObject(vars)) for (const [name, value] of Object.entries(vars)) out.push({ path: hostsPath, pointer: [...pointer, "hosts", host, name], name, value });
      }
    }
    if (isObject(group.children)) for (const [child, body] of Object.entries(group.children)) visitGroup(body, [...pointer, "children", child]);
  };
  if (isObject(inventory)) for (const [name, group] of Object.entries(inventory)) visitGroup(group, [name]);
  return out;
}

/** The value of a group variable, from the first group_vars file that sets it. */
export function groupVar(files: InfraFiles, env: string, name: string): WrittenVar | undefined {
  return writtenVars(files, env).find((v) => v.name === name && !v.path.endsWith("hosts.yaml"));
}

/** Hosts of an inventory group (with its child groups), and where the group is declared. */
export function groupHosts(files: InfraFiles, env: string, group: string): { hosts: string[]; pointer: Array<string | number> } {
  const inventory = files.data(kubesprayPaths(env).hosts);
  const groups = new Map<string, { body: Record<string, unknown>; pointer: Array<string | number> }>();
  const collect = (body: unknown, name: string, pointer: Array<string | number>) => {
    if (!isObject(body)) return;
    if (!groups.has(name) || Object.keys(body).length) groups.set(name, { body, pointer });
    if (isObject(body.children)) for (const [child, b] of Object.entries(body.children)) collect(b, child, [...pointer, "children", child]);
  };
  if (isObject(inventory)) for (const [name, body] of Object.entries(inventory)) collect(body, name, [name]);
  const hosts = new Set<string>();
  const walk = (name: string, seen: Set<string>) => {
    if (seen.has(name)) return;
    seen.add(name);
    const entry = groups.get(name);
    if (!entry) return;
    if (isObject(entry.body.hosts)) for (const h of Object.keys(entry.body.hosts)) hosts.add(h);
    if (isObject(entry.body.children)) for (const child of Object.keys(entry.body.children)) walk(child, seen);
  };
  walk(group, new Set());
  return { hosts: [...hosts], pointer: groups.get(group)?.pointer ?? ["all", "children", group] };
}

/** Host variables of `host` in hosts.yaml (`all.hosts.<host>`). */
export function hostVarsOf(files: InfraFiles, env: string, host: string): Record<string, unknown> | undefined {
  const inventory = files.data(kubesprayPaths(env).hosts);
  if (!isObject(inventory) || !isObject(inventory.all) || !isObject(inventory.all.hosts)) return undefined;
  const vars = inventory.all.hosts[host];
  return isObject(vars) ? vars : vars === null ? {} : undefined;
}

/** A VM spec file as lint reads it. */
export interface VmSpecRead {
  env: Environment;
  path: string;
  node: unknown;
  params: Record<string, unknown>;
}

/** Every VM spec of every environment. */
export function vmSpecs(platform: Platform, files: InfraFiles): VmSpecRead[] {
  return platform.environments.flatMap((env) => {
    const dir = `${proxmoxPaths(env.name).dir}/vms/`;
    return files.paths(dir).flatMap((path) => {
      const data = files.data(path);
      if (!isObject(data)) return [];
      return [{ env, path, node: data.node, params: isObject(data.params) ? data.params : {} }];
    });
  });
}

export { KUBESPRAY_GROUPS };
