import {
  loadModel
} from "./chunk-KEPHZAAP.mjs";
import {
  parse
} from "./chunk-HP2SGMC7.mjs";
import {
  MANAGED_COMMENT,
  UsageError,
  dnsZones
} from "./chunk-FIK2LZX5.mjs";
import "./chunk-USOL5YMT.mjs";
import "./chunk-U2IFGJIN.mjs";

// src/dns/technitium.ts
var TechnitiumError = class extends Error {
  name = "TechnitiumError";
};
function technitiumClient(server, token, fetchImpl = fetch) {
  const base = server.replace(/\/+$/, "");
  return async (path, params) => {
    let res;
    try {
      res = await fetchImpl(`${base}${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token, ...params }).toString()
      });
    } catch (error) {
      const cause = error.cause?.message ?? error.message;
      throw new TechnitiumError(`cannot reach ${base}: ${cause}`);
    }
    const text = await res.text();
    if (!res.ok) throw new TechnitiumError(`${path}: HTTP ${res.status} ${res.statusText} from ${base}`);
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new TechnitiumError(`${path}: ${base} answered with something that is not JSON; is it a Technitium DNS Server?`);
    }
    if (body.status === "invalid-token") throw new TechnitiumError(`${path}: the server rejected the API token (invalid-token)`);
    if (body.status !== "ok") throw new TechnitiumError(`${path}: ${body.errorMessage ?? `status "${String(body.status)}"`}`);
    return body.response ?? {};
  };
}

// src/dns/sync.ts
function serverRecords(response) {
  const records = Array.isArray(response.records) ? response.records : [];
  return records.filter((r) => r.type === "A" && typeof r.rData?.ipAddress === "string").map((r) => ({
    name: String(r.name).toLowerCase(),
    address: r.rData.ipAddress,
    ttl: Number(r.ttl),
    marked: r.comments === MANAGED_COMMENT
  }));
}
async function planSync(call, platform, env) {
  const listed = await call("/api/zones/list", {});
  const existing = new Set((Array.isArray(listed.zones) ? listed.zones : []).map((z) => String(z.name).toLowerCase()));
  const changes = [];
  let unchanged = 0;
  for (const zone of dnsZones(platform, env)) {
    let current = [];
    if (existing.has(zone.name)) {
      current = serverRecords(await call("/api/zones/records/get", { domain: zone.name, zone: zone.name, listZone: "true" }));
    } else changes.push({ action: "create-zone", zone: zone.name });
    const used = /* @__PURE__ */ new Set();
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
function describeChange(change) {
  switch (change.action) {
    case "create-zone":
      return `+ zone ${change.zone} (primary)`;
    case "add":
      return `+ ${change.name} A ${change.address} (ttl ${change.ttl})`;
    case "update": {
      const what = [
        change.from.address !== change.address ? `${change.from.address} -> ${change.address}` : change.address,
        change.from.ttl !== change.ttl ? `ttl ${change.from.ttl} -> ${change.ttl}` : "",
        change.from.marked ? "" : "now managed"
      ].filter(Boolean);
      return `~ ${change.name} A ${what.join(", ")}`;
    }
    case "delete":
      return `- ${change.name} A ${change.address}`;
    case "conflict":
      return `! ${change.name} A ${change.existing.join(", ")} was not made by dns sync; the model wants ${change.address} (left alone)`;
  }
}
function summary(plan) {
  const count = (action) => plan.changes.filter((c) => c.action === action).length;
  const parts = [`${count("add")} to add`, `${count("update")} to update`, `${count("delete")} to delete`, `${plan.unchanged} unchanged`];
  if (count("create-zone")) parts.unshift(`${count("create-zone")} zone(s) to create`);
  if (count("conflict")) parts.push(`${count("conflict")} conflict(s)`);
  return parts.join(", ");
}
async function applySync(call, plan, log = () => void 0) {
  const order = ["create-zone", "add", "update", "delete"];
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
          comments: MANAGED_COMMENT
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

// src/cli/commands/dns.ts
var dns = {
  name: "dns",
  usage: `Usage: streamforge dns sync --server <url> --token-env <VAR> [--env <name>] [--dry-run] [--model <module>]

Compares the environment's zones (the same records as dns/<env>/) with what Technitium DNS
Server serves, through its HTTP API, prints the plan, then applies it: creates missing zones, adds
missing A records, updates changed ones, and deletes only A records an earlier sync created (they
carry its mark in the record's comments). Records made by hand are never changed or deleted; one
that holds a name the model wants is reported as a conflict.
  --server <url>     Technitium's web service, e.g. http://192.168.1.155:5380
  --token-env <VAR>  environment variable holding an API token (the token is never printed)
  --env <name>       environment (default: the model's default)
  --dry-run          print the plan only
  --model <module>   use the platform a module exports instead of the embedded one

Exit codes: 0 in sync (or dry run), 1 conflicts left alone, 2 usage, 3 the server failed or refused.`,
  async run(args, io) {
    const { values, positionals } = parse(
      args,
      { server: { type: "string" }, "token-env": { type: "string" }, env: { type: "string" }, "dry-run": { type: "boolean" }, model: { type: "string" } },
      true
    );
    if (values.help) {
      io.out(`${this.usage}
`);
      return 0;
    }
    if (positionals.length !== 1 || positionals[0] !== "sync") throw new UsageError("expected the subcommand `sync`");
    const server = values.server;
    if (!server || !/^https?:\/\//.test(server)) throw new UsageError("--server <url> is required (http:// or https://)");
    const variable = values["token-env"];
    if (!variable) throw new UsageError("--token-env <VAR> is required: the name of the variable holding the API token");
    const token = io.env[variable];
    if (!token) throw new UsageError(`environment variable ${variable} is empty or not set`);
    const platform = await loadModel(values.model, io.cwd);
    const envName = values.env ?? platform.defaultEnvironment;
    const env = platform.environments.find((e) => e.name === envName);
    if (!env) throw new UsageError(`unknown environment "${envName}"; the model has: ${platform.environments.map((e) => e.name).join(", ")}`);
    const call = technitiumClient(server, token);
    try {
      const plan = await planSync(call, platform, env);
      io.out(`plan for ${env.name} on ${server}:
`);
      for (const change of plan.changes) io.out(`  ${describeChange(change)}
`);
      io.out(`${summary(plan)}
`);
      const conflicts = plan.changes.some((c) => c.action === "conflict");
      if (values["dry-run"]) {
        io.out("dry run: nothing changed\n");
        return conflicts ? 1 : 0;
      }
      const applied = await applySync(call, plan);
      io.out(applied ? `applied ${applied} change(s)
` : "already in sync\n");
      return conflicts ? 1 : 0;
    } catch (error) {
      if (error instanceof TechnitiumError) {
        io.err(`streamforge dns sync: ${error.message}
`);
        return 3;
      }
      throw error;
    }
  }
};
export {
  dns
};
