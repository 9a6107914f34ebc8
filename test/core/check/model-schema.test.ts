/**
 * The model's shape check: `schema/platform.schema.json` is what the TypeScript types give, the
 * embedded model passes it, and a model of the wrong shape is refused with the path of the bad
 * value, before `gen` writes anything.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { modelSchemaRecord, MODEL_SCHEMA_PATH } from "../../../src/core/schema/model.ts";
import { validateModel } from "../../../src/core/check/model-schema.ts";
import { streamforge } from "../../../src/platform/streamforge.ts";
import type { Platform } from "../../../src/core/model/types.ts";
import { cli, listFiles, tempDir } from "../../support/cli.ts";

const ROOT = resolve(import.meta.dirname, "../../..");

function mutated(change: (p: any) => void): Platform {
  const copy = structuredClone(streamforge) as any;
  change(copy);
  return copy as Platform;
}

describe("model schema", () => {
  it(`${MODEL_SCHEMA_PATH} is current with src/core/model/types.ts (run \`npm run schema:model\`)`, async () => {
    const record = await modelSchemaRecord(ROOT);
    expect(readFileSync(join(ROOT, MODEL_SCHEMA_PATH), "utf8")).toBe(record.content);
  }, 60_000);

  it("starts with a $comment naming the command, and closes every object", () => {
    const text = readFileSync(join(ROOT, MODEL_SCHEMA_PATH), "utf8");
    expect(Object.keys(JSON.parse(text))[0]).toBe("$comment");
    expect(text).toContain("npm run schema:model");
    const defs = JSON.parse(text).definitions as Record<string, { type?: string; properties?: object; additionalProperties?: unknown }>;
    for (const [name, def] of Object.entries(defs)) if (def.properties) expect(def.additionalProperties, name).toBe(false);
  });

  it("the embedded StreamForge model passes it (prod and lab)", () => {
    expect(validateModel(streamforge, "src/platform/streamforge.ts")).toEqual([]);
  });
});

describe("validateModel", () => {
  it("names the JSON pointer, the bad value and what was expected", () => {
    const list = validateModel(mutated((p) => (p.environments[0].nodes[1].ip = "192.168.1.300")), "model.ts");
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ rule: "schema/model", severity: "error", file: "model.ts", pointer: "/environments/0/nodes/1/ip" });
    expect(list[0]!.message).toContain('"192.168.1.300"');
    expect(list[0]!.message).toContain("IPv4");
  });

  it("reports every problem at once: types, patterns, ranges, unknown keys with a did-you-mean", () => {
    const list = validateModel(
      mutated((p) => {
        p.environments[0].cluster.maxPods = "110";
        p.environments[0].network.lan = "192.168.1.0/33";
        p.environments[0].ingress.tcpRoutes[0].port = 70000;
        p.environments[1].ingress.tcpRoutes[0].ports = 22;
        p.environments[0].storageClasses[0].name = undefined;
      }),
    );
    const byPointer = Object.fromEntries(list.map((d) => [d.pointer, d]));
    expect(Object.keys(byPointer).sort()).toEqual([
      "/environments/0/cluster/maxPods",
      "/environments/0/ingress/tcpRoutes/0/port",
      "/environments/0/network/lan",
      "/environments/0/storageClasses/0",
      "/environments/1/ingress/tcpRoutes/0/ports",
    ]);
    expect(byPointer["/environments/0/cluster/maxPods"]!.message).toMatch(/^expected integer .*got "110"$/);
    expect(byPointer["/environments/0/ingress/tcpRoutes/0/port"]!.message).toContain("<= 65535");
    expect(byPointer["/environments/0/storageClasses/0"]!.message).toBe('missing required key "name"');
    expect(byPointer["/environments/1/ingress/tcpRoutes/0/ports"]).toMatchObject({ message: expect.stringContaining('unknown key "ports"'), hint: 'did you mean "port"?' });
  });

  it("accepts quantities, DNS labels and versions in their usual forms, and rejects others", () => {
    expect(validateModel(mutated((p) => (p.environments[0].components.monitoring.prometheus.size = "20Gi")))).toEqual([]);
    const list = validateModel(
      mutated((p) => {
        p.environments[0].components.monitoring.prometheus.size = "20 GB";
        p.environments[0].nodes[0].name = "K2M_1";
        p.environments[0].versions.traefik = "latest";
      }),
    );
    expect(list.map((d) => d.pointer).sort()).toEqual(["/environments/0/components/monitoring/prometheus/size", "/environments/0/nodes/0/name", "/environments/0/versions/traefik"]);
  });
});

describe("PostgreSQL names as the Zalando operator accepts them", () => {
  it("rejects an empty or upper-case owner and a database name with a dash, and accepts dotted role names", () => {
    const list = validateModel(
      mutated((p) => {
        p.environments[0].components.postgres.databases.streamforge = "";
        p.environments[0].components.postgres.databases["event-store"] = "app";
        p.environments[0].components.monitoring.grafana.datasources.postgres.user = "Grafana";
      }),
    );
    const pointers = list.map((d) => d.pointer);
    expect(pointers).toContain("/environments/0/components/postgres/databases/streamforge");
    expect(list.find((d) => d.message.includes('"event-store"'))?.pointer).toBe("/environments/0/components/postgres/databases");
    expect(pointers).toContain("/environments/0/components/monitoring/grafana/datasources/postgres/user");
    expect(validateModel(mutated((p) => (p.environments[0].components.postgres.databases.reports = "keycloak.reader_1")))).toEqual([]);
  });
});

describe("gen runs the shape check first", () => {
  it("exits 1 naming the model module, the path inside it and what was expected, and writes nothing", async () => {
    const out = tempDir();
    const result = await cli(["gen", "--model", "test/fixtures/models/invalid/wrong-types.ts", "--out", out], ROOT);
    expect(result.code).toBe(1);
    const lines = result.stderr.split("\n");
    expect(lines[0]).toBe("the model is invalid (3 problem(s)); nothing was written");
    expect(lines).toContainEqual(expect.stringMatching(/^test\/fixtures\/models\/invalid\/wrong-types\.ts: \/environments\/0\/cluster\/maxPods: expected integer .* got "110"$/));
    expect(lines).toContainEqual(expect.stringMatching(/^test\/fixtures\/models\/invalid\/wrong-types\.ts: \/environments\/0\/nodes\/0\/ip: "10\.0\.0\.300" is not valid \(A dotted-quad IPv4 address/));
    expect(lines).toContainEqual('test/fixtures/models/invalid/wrong-types.ts: /environments/0/network/gatway: unknown key "gatway"; expected one of: gateway, lan (did you mean "gateway"?)');
    expect(listFiles(out)).toEqual([]);
  });
});
