/**
 * Inference of a chart's values schema from its defaults, combined with the chart's own schema,
 * and the committed schemas of every pinned chart version.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { deriveValuesSchema, inferSchema, resolveRefs, type JsonSchema } from "../../../src/core/schema/derive.ts";
import { chartSchemas, chartTypeRecords } from "../../../src/helm/schema/charts.ts";
import { pinnedCharts, SKIPPED_CHARTS } from "../../../src/helm/schema/reference.ts";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { hasReference, REFERENCE } from "../../support/reference.ts";
import { cli, tempDir } from "../../support/cli.ts";
import { schemaAjv } from "../../../src/core/schema/index.ts";

const ROOT = resolve(import.meta.dirname, "../../..");

function validator(schema: JsonSchema) {
  const validate = schemaAjv().compile(schema);
  return (data: unknown) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`));
}

const defaults = {
  replicas: 1,
  image: { repository: "traefik", tag: "" },
  podAnnotations: {},
  nodeSelector: { "kubernetes.io/os": "linux" },
  tolerations: [],
  ports: { web: { port: 8000, expose: true } },
  extraArgs: ["--log"],
  priorityClassName: null,
};

describe("inference from defaults", () => {
  const check = validator(deriveValuesSchema({ chart: "demo", version: "1.0.0", values: defaults }));

  it("types come from the defaults; objects are closed, with the unknown key named", () => {
    expect(check({ replicas: 3, image: { tag: "v3.4.1" } })).toEqual([]);
    expect(check({ replicas: "3" })).toEqual(["/replicas must be number"]);
    expect(check({ image: { tga: "v3" } })).toEqual(["/image must NOT have additional properties"]);
    expect(check({ replicaCount: 2 })).toEqual(["/ must NOT have additional properties"]);
  });

  it("empty-map defaults are free-form maps; null defaults accept anything; empty arrays any items", () => {
    expect(check({ podAnnotations: { "a/b": "c" }, priorityClassName: { any: ["thing"] }, tolerations: [{ key: "x" }, 3] })).toEqual([]);
  });

  it("arrays are typed from their first element; a non-empty map default is closed unless an override opens it", () => {
    expect(check({ extraArgs: [1] })).toEqual(["/extraArgs/0 must be string"]);
    expect(check({ nodeSelector: { gpu: "true" } })).toEqual(["/nodeSelector must NOT have additional properties"]);
    const open = validator(deriveValuesSchema({ chart: "demo", version: "1.0.0", values: defaults, overrides: { freeForm: ["/nodeSelector"], maps: ["/ports"] } }));
    expect(open({ nodeSelector: { gpu: "true" }, ports: { ssh: { port: 2222, expose: true } } })).toEqual([]);
    expect(open({ ports: { ssh: { prot: 2222 } } })).toEqual(["/ports/ssh must NOT have additional properties"]);
  });

  it("an override pointer that matches nothing is an error (a stale review)", () => {
    expect(() => deriveValuesSchema({ chart: "demo", version: "1.0.0", values: defaults, overrides: { freeForm: ["/nodeSelectors"] } })).toThrow(/demo override: free-form pointer \/nodeSelectors matches no key/);
  });

  it("no comment or description of the upstream values is carried over", () => {
    expect(JSON.stringify(inferSchema(defaults))).not.toMatch(/description|title|default/);
  });
});

describe("combined with the chart's own schema", () => {
  const upstream: JsonSchema = {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    required: ["image"],
    properties: {
      image: { $ref: "#/definitions/image", description: "The image." },
      logLevel: { type: "string", enum: ["debug", "info"] },
      service: { type: "object", properties: { type: { type: "string" } } },
    },
    definitions: { image: { type: "object", required: ["repository"], properties: { repository: { type: "string" }, tag: { type: ["string", "null"] } } } },
  };
  const schema = deriveValuesSchema({ chart: "demo", version: "1.0.0", values: defaults, upstreamSchema: resolveRefs({ "values.schema.json": upstream }, "values.schema.json") });
  const check = validator(schema);

  it("upstream constraints win; keys only upstream declares are accepted; objects are closed", () => {
    expect(check({ logLevel: "info", image: { tag: null }, service: { type: "ClusterIP" } })).toEqual([]);
    expect(check({ logLevel: "trace" })).toEqual(["/logLevel must be equal to one of the allowed values"]);
    expect(check({ service: { tpye: "ClusterIP" } })).toEqual(["/service must NOT have additional properties"]);
  });

  it("`required` on maps is dropped (Helm checks it against the merged defaults, which always hold it)", () => {
    expect(check({ replicas: 2 })).toEqual([]);
  });

  it("descriptions are not copied and every $ref is inlined", () => {
    const text = JSON.stringify(schema);
    expect(text).not.toContain("description");
    expect(text).not.toContain("$ref");
  });
});

const pinned = pinnedCharts(streamforge);

describe.runIf(hasReference("charts"))("committed chart schemas", () => {
  const set = chartSchemas(streamforge, REFERENCE, ROOT);

  it("every chart version the platform pins has a schema, or a recorded reason why not", () => {
    const derived = set.schemas.map((s) => `${s.chart}@${s.version}`);
    for (const { chart, version } of pinned) {
      if (!derived.includes(`${chart}@${version}`)) expect(SKIPPED_CHARTS[chart], `${chart} ${version}`).toBeDefined();
    }
    expect(set.skipped.map((s) => s.chart)).toEqual([]);
    expect(set.records.length).toBeGreaterThanOrEqual(26);
  });

  it.each(set.records.map((r) => [r.path, r] as const))("%s is current (run `npm run schema:charts`)", (path, record) => {
    expect(readFileSync(join(ROOT, path), "utf8")).toBe(record.content);
  });

  it("each starts with a $comment naming the command, and compiles with ajv in strict mode", () => {
    for (const record of set.records) {
      const schema = JSON.parse(record.content) as JsonSchema;
      expect(Object.keys(schema)[0]).toBe("$comment");
      expect(schema.$comment).toContain("npm run schema:charts");
      expect(() => validator(schema), record.path).not.toThrow();
    }
  });

  it("the TypeScript value types are current", async () => {
    for (const record of await chartTypeRecords(streamforge, set)) expect(readFileSync(join(ROOT, record.path), "utf8"), record.path).toBe(record.content);
  }, 120_000);

  it("S5 traefik 36.1.0: a misspelt key fails; extra TCP entry points (S11) are accepted", () => {
    const check = validator(JSON.parse(readFileSync(join(ROOT, "schema/charts/traefik/36.1.0.schema.json"), "utf8")) as JsonSchema);
    expect(check({ ports: { ssh: { port: 2222, expose: { default: true }, exposedPort: 22 } }, service: { spec: { loadBalancerIP: "192.168.1.153" } } })).toEqual([]);
    expect(check({ deployment: { replica: 2 } })).toEqual(["/deployment must NOT have additional properties"]);
  });

  it("A14 app-template 4.1.1 uses common's schema with its $refs resolved", () => {
    const text = readFileSync(join(ROOT, "schema/charts/app-template/4.1.1.schema.json"), "utf8");
    expect(text).not.toContain("$ref");
    const check = validator(JSON.parse(text) as JsonSchema);
    expect(check({ controllers: { main: { containers: { app: { image: { repository: "x", tag: "1" } } } } } })).toEqual([]);
    expect(check({ controllers: { main: { type: "pod" } } }).length).toBeGreaterThan(0);
  });
});

describe.runIf(hasReference("charts", "kafka-ui", "0.7.6"))("streamforge schema derive", () => {
  it("writes <out>/<chart>/<version>.schema.json from a values.yaml", async () => {
    const out = tempDir();
    const values = join(REFERENCE, "charts", "kafka-ui", "0.7.6", "values.yaml");
    const result = await cli(["schema", "derive", "kafka-ui", "0.7.6", "--values", values, "--out", out], ROOT);
    expect(result.code).toBe(0);
    const schema = JSON.parse(readFileSync(join(out, "kafka-ui", "0.7.6.schema.json"), "utf8")) as JsonSchema;
    expect(schema.$comment).toContain("streamforge schema derive kafka-ui 0.7.6");
    expect(schema.additionalProperties).toBe(false);
    expect(validator(schema)({ replicaCount: 1, yamlApplicationConfig: { kafka: {} } })).toEqual([]);
  });

  it("without --values it is a usage error (exit 2)", async () => {
    const result = await cli(["schema", "derive", "kafka-ui", "0.7.6"], ROOT);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("derive needs --values <values.yaml>");
  });
});
