import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileText, pathsUnder } from "../support/generated.ts";
import { hasGeneratedHeader } from "../../src/core/files.ts";
import { dnsZones } from "../../src/core/model/dns.ts";
import { carrySerials } from "../../src/dns/zone-serial.ts";
import { generate } from "../../src/pipeline/generate.ts";
import type { Platform } from "../../src/core/model/types.ts";
import { applyOverride } from "../../src/core/model/override.ts";
import { lab, prod, streamforge } from "../../src/platform/streamforge.ts";

const work = mkdtempSync(join(tmpdir(), "dns-zones-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the real named-checkzone (bind9-utils) with every check turned into a failure. */
function checkZone(zone: string, text: string): string {
  const file = join(work, `${zone}.zone`);
  writeFileSync(file, text);
  return execFileSync("named-checkzone", ["-k", "fail", "-n", "fail", "-m", "fail", "-M", "fail", "-S", "fail", "-r", "fail", zone, file], {
    encoding: "utf8",
  });
}

/** A records of a zone file as `name -> address`, names made absolute. */
function aRecords(text: string, origin: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    const m = /^(\S+)\s+(?:\d+\s+)?IN\s+A\s+(\S+)/.exec(line);
    if (!m) continue;
    const name = m[1] === "@" ? origin : `${m[1]}.${origin}`;
    out.set(name, [...(out.get(name) ?? []), m[2]!]);
  }
  return out;
}

describe("DNS zone files (S12)", () => {
  const zoneFiles = pathsUnder("dns/").filter((p) => p.endsWith(".zone"));

  it("emits dmz.home for prod and lab.dmz.home for lab", () => {
    expect(zoneFiles).toContain("dns/prod/dmz.home.zone");
    expect(zoneFiles).toContain("dns/lab/lab.dmz.home.zone");
  });

  it.each(zoneFiles)("%s passes the real named-checkzone", (path) => {
    const zone = path.split("/").at(-1)!.replace(/\.zone$/, "");
    expect(checkZone(zone, fileText(path))).toMatch(/^OK$/m);
  });

  it("S8 A11 every prod web UI host points at the ingress IP 192.168.1.153", () => {
    const records = aRecords(fileText("dns/prod/dmz.home.zone"), "dmz.home");
    for (const host of ["kafka-ui", "prometheus", "grafana", "alertmanager", "argocd", "kibana", "keycloak", "vault", "minio", "traefik", "dns"]) {
      expect(records.get(`${host}.dmz.home`), host).toEqual(["192.168.1.153"]);
    }
  });

  it("A7 A3 A16 the name server, the API host and the nodes resolve to their model addresses", () => {
    const records = aRecords(fileText("dns/prod/dmz.home.zone"), "dmz.home");
    expect(records.get("ns.dmz.home")).toEqual(["192.168.1.155"]);
    expect(records.get("k2-api.dmz.home")).toEqual(["192.168.1.100"]);
    expect(records.get("k2m-1.dmz.home")).toEqual(["192.168.1.101"]);
    expect(records.get("k2w-9.dmz.home")).toEqual(["192.168.1.119"]);
    const labRecords = aRecords(fileText("dns/lab/lab.dmz.home.zone"), "lab.dmz.home");
    expect(labRecords.get("k2lab-api.lab.dmz.home")).toEqual(["192.168.1.170"]);
    expect(labRecords.get("grafana.lab.dmz.home")).toEqual(["192.168.1.180"]);
  });

  it("S11 the Kafka bootstrap and broker hosts of Traefik's TCP route point at the ingress IP", () => {
    const records = aRecords(fileText("dns/prod/dmz.home.zone"), "dmz.home");
    for (const host of ["kafka", "kafka-0", "kafka-1", "kafka-2"]) expect(records.get(`${host}.dmz.home`), host).toEqual(["192.168.1.153"]);
  });

  it("A15 external hosts are in prod's zone, and get a single-host zone each in lab", () => {
    const records = aRecords(fileText("dns/prod/dmz.home.zone"), "dmz.home");
    expect(records.get("gitlab.dmz.home")).toEqual(["192.168.1.10"]);
    expect(records.get("nfs.dmz.home")).toEqual(["192.168.1.6"]);
    expect(aRecords(fileText("dns/lab/gitlab.dmz.home.zone"), "gitlab.dmz.home").get("gitlab.dmz.home")).toEqual(["192.168.1.10"]);
    expect(aRecords(fileText("dns/lab/nfs.dmz.home.zone"), "nfs.dmz.home").get("nfs.dmz.home")).toEqual(["192.168.1.6"]);
    expect(pathsUnder("dns/lab/")).not.toContain("dns/lab/dmz.home.zone");
  });

  it("a fresh zone's serial comes from the content: the same model gives the same serial, a change a new one", () => {
    const [before] = dnsZones(streamforge, prod);
    const [again] = dnsZones(streamforge, structuredClone(prod));
    const [moved] = dnsZones(streamforge, applyOverride(prod, { cluster: { apiVip: "192.168.1.99" } }));
    expect(again!.serial).toBe(before!.serial);
    expect(moved!.serial).not.toBe(before!.serial);
    expect(fileText("dns/prod/dmz.home.zone")).toContain(` ${before!.serial} `);
  });
});

describe("zone serials carried from the committed zone file", () => {
  const path = "dns/prod/dmz.home.zone";
  const zoneOf = (platform: Platform) => generate(platform).filter((r) => r.path === path);
  const serialOf = (text: string) => Number(/IN\s+SOA\s+\S+\s+\S+\s+(\d+)/.exec(text)![1]);
  const changed = structuredClone(streamforge);
  changed.environments[0]!.cluster.apiVip = "192.168.1.99";

  it("keeps the committed serial while the zone is unchanged, whatever the fresh serial would be", () => {
    const committed = zoneOf(streamforge)[0]!.content.replace(/(IN\s+SOA\s+\S+\s+\S+\s+)\d+/, "$12026113001");
    const [carried] = carrySerials(zoneOf(streamforge), () => committed);
    expect(carried!.content).toBe(committed);
  });

  it("raises it by one when the zone changes, and again when the change is reverted (never back down)", () => {
    const v1 = zoneOf(streamforge)[0]!.content;
    const [v2] = carrySerials(zoneOf(changed), () => v1);
    expect(serialOf(v2!.content)).toBe(serialOf(v1) + 1);
    const [v3] = carrySerials(zoneOf(streamforge), () => v2!.content);
    expect(serialOf(v3!.content)).toBe(serialOf(v1) + 2);
    expect(v3!.content.replace(/SOA(.*?)\d+ /, "")).toBe(v1.replace(/SOA(.*?)\d+ /, ""));
  });

  it("wraps as RFC 1982 serial arithmetic does, skipping 0", () => {
    const top = zoneOf(streamforge)[0]!.content.replace(/(IN\s+SOA\s+\S+\s+\S+\s+)\d+/, "$14294967295");
    const [next] = carrySerials(zoneOf(changed), () => top);
    expect(serialOf(next!.content)).toBe(1);
  });

  it("leaves other files alone", () => {
    const records = generate(streamforge).filter((r) => r.path === "dns/prod/records.json");
    expect(carrySerials(records, () => "anything")).toEqual(records);
  });
});

describe("DNS records JSON for Technitium's API", () => {
  it.each(["prod", "lab"])("dns/%s/records.json carries the generated marker in its first lines", (env) => {
    const text = fileText(`dns/${env}/records.json`);
    expect(hasGeneratedHeader(text)).toBe(true);
    expect(JSON.parse(text).$comment).toContain("Generated by `npm run gen`");
  });

  it("holds the same A records as the zone files, with add-call parameter names", () => {
    const json = JSON.parse(fileText("dns/lab/records.json"));
    const zones = dnsZones(streamforge, lab);
    expect(json.zones.map((z: { zone: string }) => z.zone)).toEqual(zones.map((z) => z.name));
    const own = json.zones[0];
    expect(own.records).toContainEqual(expect.objectContaining({ domain: "k2lab-m1.lab.dmz.home", type: "A", ipAddress: "192.168.1.171" }));
    expect(own.records).toHaveLength(aRecords(fileText("dns/lab/lab.dmz.home.zone"), "lab.dmz.home").size);
  });
});
