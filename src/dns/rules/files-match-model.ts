/**
 * The DNS files on disk against the model's records: every A record of a zone file and of
 * `records.json` must be one the model derives, and every one the model derives must be in both,
 * so a record changed by hand in one file (Technitium would serve one, the sync send the other) is
 * reported at its line. Addresses in `records.json` must be inside the LAN.
 */
import type { Diagnostic } from "../../core/diagnostics/types.ts";
import { dnsZones } from "../../core/model/dns.ts";
import { cidrSpan, ipToInt, isIPv4, spanContains } from "../../core/model/net.ts";
import { recordsJsonPath, zoneFilePath } from "../emit.ts";
import { isObject, type Rule } from "../../core/lint/context.ts";

const key = (name: string, address: string) => `${name} A ${address}`;

export const dnsFilesMatchModel: Rule = {
  id: "dns/files-match-model",
  description: "zone files and records.json hold exactly the model's DNS records, with addresses inside the LAN",
  check(ctx) {
    const out: Diagnostic[] = [];
    const zones = dnsZones(ctx.platform, ctx.env);
    const expected = new Set(zones.flatMap((z) => z.records.map((r) => key(r.name, r.address))));
    const hint = "DNS files are generated: change the model (nodes, hosts, addresses) and run `npm run gen`";
    const lan = cidrSpan(ctx.env.network.lan);

    for (const zone of zones) {
      const file = ctx.files.find((f) => f.path === zoneFilePath(ctx.env.name, zone.name));
      if (!file) continue;
      const found = new Set<string>();
      file.text.split("\n").forEach((line, i) => {
        const fields = line.replace(/;.*$/, "").trim().split(/\s+/);
        const a = fields.indexOf("A");
        if (a < 1 || fields[a - 1] !== "IN" || fields[0] === undefined) return;
        const owner = fields[0] === "@" ? zone.name : `${fields[0]}.${zone.name}`;
        const address = fields[a + 1] ?? "";
        found.add(key(owner, address));
        if (!expected.has(key(owner, address)))
          out.push({ rule: this.id, severity: "error", message: `${ctx.env.name}: ${owner} -> ${address} is not a record of the model`, file: file.path, position: { line: i + 1, column: 1 }, hint });
      });
      for (const r of zone.records) {
        if (!found.has(key(r.name, r.address)))
          out.push({ rule: this.id, severity: "error", message: `${ctx.env.name}: the model's record ${r.name} -> ${r.address} is missing from the zone file`, file: file.path, hint });
      }
    }

    const json = ctx.files.find((f) => f.path === recordsJsonPath(ctx.env.name));
    const data = json?.docs[0];
    if (json && isObject(data) && Array.isArray(data.zones)) {
      const found = new Set<string>();
      data.zones.forEach((zone, z) => {
        if (!isObject(zone) || !Array.isArray(zone.records)) return;
        zone.records.forEach((record, i) => {
          if (!isObject(record)) return;
          const name = String(record.domain);
          const address = String(record.ipAddress);
          const site = { file: json, doc: 0, pointer: `/zones/${z}/records/${i}/ipAddress` };
          found.add(key(name, address));
          if (!isIPv4(address) || !spanContains(lan, ipToInt(address)))
            out.push(ctx.at(this.id, site, `${ctx.env.name}: ${name} -> ${address} is outside the LAN ${ctx.env.network.lan}`, { hint }));
          else if (!expected.has(key(name, address))) out.push(ctx.at(this.id, site, `${ctx.env.name}: ${name} -> ${address} is not a record of the model`, { hint }));
        });
      });
      for (const record of expected) {
        if (!found.has(record)) out.push({ rule: this.id, severity: "error", message: `${ctx.env.name}: the model's record ${record.replace(" A ", " -> ")} is missing from records.json`, file: json.path, hint });
      }
    }
    return out;
  },
};
