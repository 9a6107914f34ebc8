/**
 * Readers of the generated infrastructure files that the Kubespray and Proxmox rules share: the
 * cross-layer rules compare the VM specs with the inventory, so neither world owns these.
 */
import type { Environment } from "../model/types.ts";
import { kubesprayPaths, proxmoxPaths } from "../model/infra.ts";
import { isObject, type LintContext, type OutputFiles, type VmSpecRead } from "./context.ts";

export type { VmSpecRead } from "./context.ts";

/** A variable written in the inventory: where, and its value. */
export interface WrittenVar {
  path: string;
  pointer: Array<string | number>;
  name: string;
  value: unknown;
}

/** Group-vars files of an environment's inventory (`group_vars/<group>/<file>.yml`). */
function groupVarsPaths(files: OutputFiles, env: string): string[] {
  const dir = kubesprayPaths(env).hosts.replace(/hosts\.yaml$/, "group_vars/");
  return files.paths(dir).filter((p) => /\.ya?ml$/.test(p));
}

/**
 * The variables of each environment's inventory, per run (its files): rules ask `groupVar` for a
 * few names each, and each ask walked the whole inventory again.
 */
const written = new WeakMap<OutputFiles, Map<string, readonly WrittenVar[]>>();

/** Every variable the inventory of `env` writes: group_vars files, and host and group vars in hosts.yaml. Shared: do not change it. */
export function writtenVars(files: OutputFiles, env: string): readonly WrittenVar[] {
  let byEnv = written.get(files);
  if (!byEnv) written.set(files, (byEnv = new Map()));
  let vars = byEnv.get(env);
  if (!vars) byEnv.set(env, (vars = readVars(files, env)));
  return vars;
}

function readVars(files: OutputFiles, env: string): WrittenVar[] {
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
export function groupVar(files: OutputFiles, env: string, name: string): WrittenVar | undefined {
  return writtenVars(files, env).find((v) => v.name === name && !v.path.endsWith("hosts.yaml"));
}

/** Hosts of an inventory group (with its child groups), and where the group is declared. */
export function groupHosts(files: OutputFiles, env: string, group: string): { hosts: string[]; pointer: Array<string | number> } {
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
export function hostVarsOf(files: OutputFiles, env: string, host: string): Record<string, unknown> | undefined {
  const inventory = files.data(kubesprayPaths(env).hosts);
  if (!isObject(inventory) || !isObject(inventory.all) || !isObject(inventory.all.hosts)) return undefined;
  const vars = inventory.all.hosts[host];
  return isObject(vars) ? vars : vars === null ? {} : undefined;
}

/** The VM specs of one environment, read from its files (sorted by path). */
function specsOf(env: Environment, files: OutputFiles): VmSpecRead[] {
  const dir = `${proxmoxPaths(env.name).dir}/vms/`;
  return files.paths(dir).flatMap((path) => {
    const data = files.data(path);
    if (!isObject(data)) return [];
    return [{ env, path, node: data.node, params: isObject(data.params) ? data.params : {} }];
  });
}

/**
 * The spec of each path among `specs` (the first, as a search of the list finds): rules look up
 * each node's spec, and a search of every environment's specs per node grew with the square of
 * the number of environments.
 */
export function specByPath(specs: readonly VmSpecRead[]): (path: string) => VmSpecRead | undefined {
  const byPath = new Map<string, VmSpecRead>();
  for (const spec of specs) if (!byPath.has(spec.path)) byPath.set(spec.path, spec);
  return (path) => byPath.get(path);
}

/** The VM specs of the environments the run checks, from their files. */
export function vmSpecs(ctx: LintContext): VmSpecRead[] {
  return ctx.environments.flatMap((env) => specsOf(env, ctx.output));
}

/**
 * Every VM on the shared Proxmox hosts, in the model's environment order: the checked
 * environments' from their files, the others' from the model (`ctx.otherVms`), so a rule that
 * compares environments sees them all without the others' generated files.
 */
export function everyVmSpec(ctx: LintContext): VmSpecRead[] {
  const checked = new Set(ctx.environments);
  return ctx.platform.environments.flatMap((env) => (checked.has(env) ? specsOf(env, ctx.output) : ctx.otherVms.filter((spec) => spec.env === env)));
}
