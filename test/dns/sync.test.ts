import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.ts";
import type { Io } from "../../src/cli/io.ts";
import { MANAGED_COMMENT, dnsRecords, dnsZones } from "../../src/core/model/dns.ts";
import { lab, prod, streamforge } from "../../src/platform/streamforge.ts";
import { type Fake, type FakeRecord, mutations, startFake } from "./technitium-fake.ts";

const TOKEN = "s3cr3t-technitium-token-0123456789";
let fake: Fake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function sync(args: string[], env: Record<string, string> = { TECHNITIUM_TOKEN: TOKEN }) {
  let out = "";
  let err = "";
  const io: Io = { cwd: process.cwd(), out: (t) => void (out += t), err: (t) => void (err += t), isTty: false, env };
  const code = await runCli(["dns", "sync", "--token-env", "TECHNITIUM_TOKEN", ...args], io);
  return { code, out, err };
}

/** The A records a zone of the fake serves, as `name address` lines. */
function served(zone: string): string[] {
  return (fake?.zones.get(zone) ?? []).filter((r) => r.type === "A").map((r) => `${r.name} ${String(r.rData.ipAddress)}`).sort();
}

const a = (name: string, ip: string, comments?: string): FakeRecord => ({ name, type: "A", ttl: 3600, rData: { ipAddress: ip }, disabled: false, ...(comments ? { comments } : {}) });

describe("streamforge dns sync (S12)", () => {
  it("S12 creates the zones and every record on an empty server, then a second run changes nothing", async () => {
    fake = await startFake(TOKEN);
    const first = await sync(["--server", fake.url, "--env", "lab"]);
    expect(first.err).toBe("");
    expect(first.code).toBe(0);
    expect(first.out).toContain("  + zone lab.dmz.home (primary)");
    expect(first.out).toContain("  + grafana.lab.dmz.home A 192.168.1.180 (ttl 3600)");
    for (const zone of dnsZones(streamforge, lab)) {
      expect(served(zone.name)).toEqual(zone.records.map((r) => `${r.name} ${r.address}`).sort());
    }
    expect(fake.zones.get("gitlab.dmz.home")?.find((r) => r.type === "A")?.comments).toBe(MANAGED_COMMENT);

    const before = mutations(fake).length;
    const second = await sync(["--server", fake.url, "--env", "lab"]);
    expect(second.code).toBe(0);
    expect(second.out).toContain(`0 to add, 0 to update, 0 to delete, ${dnsRecords(streamforge, lab).length} unchanged`);
    expect(second.out).toContain("already in sync");
    expect(mutations(fake).length).toBe(before);
  });

  it("updates its own records, deletes only records it made, and leaves hand-made ones alone", async () => {
    fake = await startFake(TOKEN, {
      "dmz.home": [
        a("grafana.dmz.home", "192.168.1.99", MANAGED_COMMENT), // managed, moved in the model
        a("old-ui.dmz.home", "192.168.1.153", MANAGED_COMMENT), // managed, gone from the model
        a("printer.dmz.home", "192.168.1.40"), // made by hand
        a("k2-api.dmz.home", "192.168.1.98"), // made by hand, on a name the model wants
        { ...a("prometheus.dmz.home", "192.168.1.153", MANAGED_COMMENT), ttl: 60 },
      ],
    });
    const run = await sync(["--server", fake.url]);
    expect(run.out).toContain("  ~ grafana.dmz.home A 192.168.1.99 -> 192.168.1.153");
    expect(run.out).toContain("  ~ prometheus.dmz.home A 192.168.1.153, ttl 60 -> 3600");
    expect(run.out).toContain("  - old-ui.dmz.home A 192.168.1.153");
    expect(run.out).toContain("  ! k2-api.dmz.home A 192.168.1.98 was not made by dns sync; the model wants 192.168.1.100 (left alone)");
    expect(run.out).not.toContain("printer");
    expect(run.code).toBe(1);
    const now = served("dmz.home");
    expect(now).toContain("grafana.dmz.home 192.168.1.153");
    expect(now).toContain("printer.dmz.home 192.168.1.40");
    expect(now).toContain("k2-api.dmz.home 192.168.1.98");
    expect(now).not.toContain("k2-api.dmz.home 192.168.1.100");
    expect(now.some((l) => l.startsWith("old-ui."))).toBe(false);
    // Every model record, with the hand-made k2-api in place of the model's, plus the printer.
    expect(now).toHaveLength(dnsRecords(streamforge, prod).length + 1);
  });

  it("prints the plan first; --dry-run changes nothing", async () => {
    fake = await startFake(TOKEN);
    const run = await sync(["--server", fake.url, "--dry-run"]);
    expect(run.code).toBe(0);
    expect(run.out.split("\n")[0]).toBe(`plan for prod on ${fake.url}:`);
    expect(run.out).toContain("dry run: nothing changed");
    expect(mutations(fake)).toEqual([]);
    expect(fake.zones.size).toBe(0);
  });

  it("reads the token from the named variable and never prints it", async () => {
    fake = await startFake(TOKEN);
    const ok = await sync(["--server", fake.url]);
    expect(`${ok.out}${ok.err}`).not.toContain(TOKEN);
    const missing = await sync(["--server", fake.url], {});
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("environment variable TECHNITIUM_TOKEN is empty or not set");
    const wrong = await sync(["--server", fake.url], { TECHNITIUM_TOKEN: "not-the-token" });
    expect(wrong.code).toBe(3);
    expect(wrong.err).toBe("streamforge dns sync: /api/zones/list: the server rejected the API token (invalid-token)\n");
    expect(wrong.err).not.toContain("not-the-token");
  });

  it("reports HTTP failures, `status: error` and an unreachable server in one line, without a stack trace", async () => {
    fake = await startFake(TOKEN, { "dmz.home": [] });
    fake.failWith = 500;
    const http = await sync(["--server", fake.url]);
    expect(http.code).toBe(3);
    expect(http.err).toBe(`streamforge dns sync: /api/zones/list: HTTP 500 Internal Server Error from ${fake.url}\n`);

    const url = fake.url;
    await fake.close();
    fake = undefined;
    const down = await sync(["--server", url]);
    expect(down.code).toBe(3);
    expect(down.err).toMatch(/^streamforge dns sync: cannot reach http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED.*\n$/);
    expect(down.err).not.toMatch(/\n\s+at /);
  });

  it("an API error (`status: error`) stops the run with Technitium's message", async () => {
    fake = await startFake(TOKEN, { "dmz.home": [] });
    // A zone the list reports but the records call cannot find: Technitium answers status "error".
    const zones = fake.zones;
    const original = zones.get.bind(zones);
    zones.get = (name: string) => (name === "dmz.home" ? undefined : original(name));
    const run = await sync(["--server", fake.url]);
    expect(run.code).toBe(3);
    expect(run.err).toBe("streamforge dns sync: /api/zones/records/get: No such zone was found: dmz.home\n");
  });
});
