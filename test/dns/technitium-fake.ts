/**
 * A local stand-in for Technitium DNS Server's HTTP API (zones and records), following its
 * documented calls: parameters by query string or form body, `token` required, responses
 * `{"status":"ok","response":{...}}` or `{"status":"error","errorMessage":...}`.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeRecord {
  name: string;
  type: string;
  ttl: number;
  rData: Record<string, unknown>;
  comments?: string;
  disabled: boolean;
}

export interface Fake {
  url: string;
  zones: Map<string, FakeRecord[]>;
  /** Every call's path, in order. */
  calls: string[];
  /** Answer every call with this HTTP status instead (to test failures). */
  failWith?: number;
  close(): Promise<void>;
}

const MUTATING = ["/api/zones/create", "/api/zones/records/add", "/api/zones/records/update", "/api/zones/records/delete"];
export const mutations = (fake: Fake) => fake.calls.filter((c) => MUTATING.includes(c));

async function params(req: IncomingMessage): Promise<URLSearchParams> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
  for (const [k, v] of body) url.searchParams.set(k, v);
  return url.searchParams;
}

export async function startFake(token: string, zones: Record<string, FakeRecord[]> = {}): Promise<Fake> {
  const fake: Fake = { url: "", zones: new Map(Object.entries(zones)), calls: [], close: async () => undefined };
  const handle = (path: string, p: URLSearchParams): { status: string; errorMessage?: string; response?: unknown } => {
    if (p.get("token") !== token) return { status: "invalid-token", errorMessage: "Invalid token or session expired." };
    const zoneOf = () => {
      const name = (p.get("zone") ?? p.get("domain") ?? "").toLowerCase();
      const records = fake.zones.get(name);
      if (!records) throw new Error(`No such zone was found: ${name}`);
      return { name, records };
    };
    switch (path) {
      case "/api/zones/list":
        return { status: "ok", response: { zones: [...fake.zones.keys()].map((name) => ({ name, type: "Primary", internal: false, disabled: false })) } };
      case "/api/zones/create": {
        const name = (p.get("zone") ?? "").toLowerCase();
        if (fake.zones.has(name)) throw new Error(`Zone already exists: ${name}`);
        fake.zones.set(name, [
          { name, type: "SOA", ttl: 900, rData: { primaryNameServer: "server1", serial: 1 }, disabled: false },
          { name, type: "NS", ttl: 3600, rData: { nameServer: "server1" }, disabled: false },
        ]);
        return { status: "ok", response: { domain: name } };
      }
      case "/api/zones/records/get": {
        const { name, records } = zoneOf();
        const domain = (p.get("domain") ?? "").toLowerCase();
        const list = p.get("listZone") === "true" ? records : records.filter((r) => r.name === domain);
        return { status: "ok", response: { zone: { name, type: "Primary" }, records: list } };
      }
      case "/api/zones/records/add": {
        const { records } = zoneOf();
        const record: FakeRecord = {
          name: (p.get("domain") ?? "").toLowerCase(),
          type: p.get("type") ?? "",
          ttl: Number(p.get("ttl") ?? 3600),
          rData: { ipAddress: p.get("ipAddress") },
          disabled: false,
          ...(p.get("comments") ? { comments: p.get("comments")! } : {}),
        };
        if (records.some((r) => r.name === record.name && r.type === record.type && r.rData.ipAddress === record.rData.ipAddress)) throw new Error("Cannot add record: record already exists.");
        records.push(record);
        return { status: "ok", response: { addedRecord: record } };
      }
      case "/api/zones/records/update": {
        const { records } = zoneOf();
        const record = records.find((r) => r.name === p.get("domain") && r.type === p.get("type") && r.rData.ipAddress === p.get("ipAddress"));
        if (!record) throw new Error("Cannot update record: record does not exist.");
        record.rData = { ipAddress: p.get("newIpAddress") ?? record.rData.ipAddress };
        if (p.has("ttl")) record.ttl = Number(p.get("ttl"));
        if (p.has("comments")) record.comments = p.get("comments")!;
        return { status: "ok", response: { updatedRecord: record } };
      }
      case "/api/zones/records/delete": {
        const { name, records } = zoneOf();
        const index = records.findIndex((r) => r.name === p.get("domain") && r.type === p.get("type") && r.rData.ipAddress === p.get("ipAddress"));
        if (index >= 0) records.splice(index, 1);
        fake.zones.set(name, records);
        return { status: "ok", response: {} };
      }
      default:
        return { status: "error", errorMessage: `unknown call ${path}` };
    }
  };
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    fake.calls.push(path);
    const p = await params(req);
    if (fake.failWith) {
      res.writeHead(fake.failWith, { "content-type": "text/plain" }).end("upstream broke");
      return;
    }
    let body: unknown;
    try {
      body = handle(path, p);
    } catch (error) {
      body = { status: "error", errorMessage: (error as Error).message, stackTrace: "   at DnsServerCore.WebServiceZonesApi..." };
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}
