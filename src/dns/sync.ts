/**
 * `dns sync` as a library call: compare the model's zones with what Technitium serves, plan the
 * difference, and apply it. Only A records are managed (the SOA and NS records are Technitium's
 * own); a record is deleted only when it carries `MANAGED_COMMENT`, i.e. `dns sync` made it.
 */
import type { Environment, Platform } from "../core/model/types.ts";
import { MANAGED_COMMENT, dnsZones } from "../core/model/dns.ts";
import type { Call } from "./technitium.ts";

export type Change =
  | { action: "create-zone"; zone: string }
  | { action: "add"; zone: string; name: string; address: string; ttl: number }
  | { action: "update"; zone: string; name: string; from: { address: string; ttl: number; marked: boolean }; address: string; ttl: number }
  | { action: "delete"; zone: string; name: string; address: string }
  | { action: "conflict"; zone: string; name: string; address: string; existing: string[] };

export interface SyncPlan {
  env: string;
  changes: Change[];
  unchanged: number;
}

interface ServerRecord {
  name: string;
  address: string;
  ttl: number;
  marked: boolean;
}

function serverRecords(response: Record<string, unknown>): ServerRecord[] {
  const records = Array.isArray(response.records) ? (response.records as Array<Record<string, unknown>>) : [];
  return records
    .filter((r) => r.type === "A" && typeof (r.rData as { ipAddress?: unknown } | undefined)?.ipAddress === "string")
    .map((r) => ({
      name: String(r.name).toLowerCase(),
      address: (r.rData as { ipAddress: string }).ipAddress,
      ttl: Number(r.ttl),
      marked: r.comments === MANAGED_COMMENT,
    }));
}

/** Reads the server and returns what would make it match the model. Changes nothing. */
export async function planSync(call: Call, platform: Platform, env: Environment): Promise<SyncPlan> {
  const listed = await call("/api/zones/list", {});
  const existing = new Set((Array.isArray(listed.zones) ? (listed.zones as Array<{ name?: unknown }>) : []).map((z) => String(z.name).toLowerCase()));
  const changes: Change[] = [];
  let unchanged = 0;
  for (const zone of dnsZones(platform, env)) {
    let current: ServerRecord[] = [];
    if (existing.has(zone.name)) {
      current = serverRecords(await call("/api/zones/records/get", { domain: zone.name, zone: zone.name, listZone: "true" }));
    } else changes.push({ action: "create-zone", zone: zone.name });
    const used = new Set<ServerRecord>();
    for (const want of zone.records) {
      const here = current.filter((r) => r.name === want.name && !used.has(r));
      const same = here.find((r) => r.address === want.address) ?? here.find((r) => r.marked);
      if (same) {
        used.add(same);
        if (same.address === want.address && same.ttl === want.ttl && same.marked) unchanged++;
        else changes.push({ action: "update", zone: zone.name, name: want.name, from: same, address: want.address, ttl: want.ttl });
      } else if (here.length) {
        changes.push({ action: "conflict", zone: zone.name, name: want.name, address: want.address, existing: here.map((r) => r.address) });
        here.forEach((r) => used.add(r));
      } else changes.push({ action: "add", zone: zone.name, name: want.name, address: want.address, ttl: want.ttl });
    }
    for (const stale of current.filter((r) => r.marked && !used.has(r))) {
      changes.push({ action: "delete", zone: zone.name, name: stale.name, address: stale.address });
    }
  }
  return { env: env.name, changes, unchanged };
}

/** One line per change, as the plan is printed. */
export function describeChange(change: Change): string {
  switch (change.action) {
    case "create-zone":
      return `+ zone ${change.zone} (primary)`;
    case "add":
      return `+ ${change.name} A ${change.address} (ttl ${change.ttl})`;
    case "update": {
      const what = [
        change.from.address !== change.address ? `${change.from.address} -> ${change.address}` : change.address,
        change.from.ttl !== change.ttl ? `ttl ${change.from.ttl} -> ${change.ttl}` : "",
        change.from.marked ? "" : "now managed",
      ].filter(Boolean);
      return `~ ${change.name} A ${what.join(", ")}`;
    }
    case "delete":
      return `- ${change.name} A ${change.address}`;
    case "conflict":
      return `! ${change.name} A ${change.existing.join(", ")} was not made by dns sync; the model wants ${change.address} (left alone)`;
  }
}

export function summary(plan: SyncPlan): string {
  const count = (action: Change["action"]) => plan.changes.filter((c) => c.action === action).length;
  const parts = [`${count("add")} to add`, `${count("update")} to update`, `${count("delete")} to delete`, `${plan.unchanged} unchanged`];
  if (count("create-zone")) parts.unshift(`${count("create-zone")} zone(s) to create`);
  if (count("conflict")) parts.push(`${count("conflict")} conflict(s)`);
  return parts.join(", ");
}

/** Applies a plan: zones first, then additions, updates and deletions. Conflicts are never applied. */
export async function applySync(call: Call, plan: SyncPlan, log: (line: string) => void = () => undefined): Promise<number> {
  const order: Array<Change["action"]> = ["create-zone", "add", "update", "delete"];
  let applied = 0;
  for (const action of order) {
    for (const change of plan.changes.filter((c) => c.action === action)) {
      if (change.action === "create-zone") await call("/api/zones/create", { zone: change.zone, type: "Primary" });
      else if (change.action === "add") {
        await call("/api/zones/records/add", { zone: change.zone, domain: change.name, type: "A", ttl: String(change.ttl), ipAddress: change.address, comments: MANAGED_COMMENT });
      } else if (change.action === "update") {
        await call("/api/zones/records/update", {
          zone: change.zone,
          domain: change.name,
          type: "A",
          ipAddress: change.from.address,
          newIpAddress: change.address,
          ttl: String(change.ttl),
          comments: MANAGED_COMMENT,
        });
      } else if (change.action === "delete") {
        await call("/api/zones/records/delete", { zone: change.zone, domain: change.name, type: "A", ipAddress: change.address });
      }
      applied++;
      log(`done ${describeChange(change)}`);
    }
  }
  return applied;
}
