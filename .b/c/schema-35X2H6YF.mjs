import {
  parse
} from "./chunk-HP2SGMC7.mjs";
import {
  GITLAB_RUNNER_DOCUMENTED_VERSION,
  UsageError,
  crdSchemasOf,
  gitlabRunnerKeys
} from "./chunk-FIK2LZX5.mjs";
import "./chunk-USOL5YMT.mjs";
import "./chunk-U2IFGJIN.mjs";

// src/cli/commands/schema.ts
import { readFileSync as readFileSync5 } from "node:fs";
import { join as join5, resolve as resolve2 } from "node:path";
import { parse as parseYaml } from "yaml";

// src/schema/derive.ts
var KEYWORDS = /* @__PURE__ */ new Set([
  "type",
  "properties",
  "additionalProperties",
  "patternProperties",
  "propertyNames",
  "required",
  "minProperties",
  "maxProperties",
  "dependencies",
  "items",
  "additionalItems",
  "minItems",
  "maxItems",
  "uniqueItems",
  "contains",
  "enum",
  "const",
  "anyOf",
  "oneOf",
  "allOf",
  "not",
  "if",
  "then",
  "else",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "$ref"
]);
var COMBINATORS = ["anyOf", "oneOf", "allOf"];
function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function inferSchema(value) {
  if (value === null || value === void 0) return {};
  if (typeof value === "boolean") return { type: "boolean" };
  if (typeof value === "number") return { type: "number" };
  if (typeof value === "string") return { type: "string" };
  if (Array.isArray(value)) return value.length === 0 ? { type: "array" } : { type: "array", items: inferSchema(value[0]) };
  const entries = Object.entries(value);
  if (entries.length === 0) return { type: "object", additionalProperties: true };
  const properties = {};
  for (const [key, child] of entries) properties[key] = inferSchema(child);
  return { type: "object", properties };
}
function resolveRefs(files, entry) {
  const dirOf = (file) => file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
  const normalise = (path) => {
    const out = [];
    for (const part of path.split("/")) {
      if (part === "..") out.pop();
      else if (part !== "." && part !== "") out.push(part);
    }
    return out.join("/");
  };
  const follow = (doc, pointer) => {
    let node = doc;
    for (const raw of pointer.split("/").slice(1)) {
      const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
      if (!isObject(node) || !(key in node)) return void 0;
      node = node[key];
    }
    return node;
  };
  const walk = (node, file, stack) => {
    if (Array.isArray(node)) return node.map((item) => walk(item, file, stack));
    if (!isObject(node)) return node;
    const out = {};
    let target2;
    for (const [key, child] of Object.entries(node)) {
      if (key === "$ref" && typeof child === "string") {
        const [path = "", pointer = ""] = child.split("#");
        const targetFile = /^https?:/.test(path) ? entry : path === "" ? file : normalise(dirOf(file) + path);
        const id = `${targetFile}#${pointer}`;
        const doc = files[targetFile];
        if (doc === void 0) throw new Error(`unresolved $ref "${child}" in ${file}: no such schema file`);
        const found2 = follow(doc, pointer);
        if (found2 === void 0) throw new Error(`unresolved $ref "${child}" in ${file}: no such pointer`);
        target2 = stack.includes(id) ? {} : walk(found2, targetFile, [...stack, id]);
      } else out[key] = walk(child, file, stack);
    }
    return target2 === void 0 ? out : { ...out, ...target2 };
  };
  const root = files[entry];
  if (root === void 0) throw new Error(`no schema file ${entry}`);
  return walk(root, entry, []);
}
function stripProse(schema2, inMap = false) {
  if (Array.isArray(schema2)) return schema2.map((item) => stripProse(item));
  if (!isObject(schema2)) return schema2;
  const out = {};
  if (!inMap && schema2.nullable === true && typeof schema2.type === "string") out.type = [schema2.type, "null"];
  if (!inMap && schema2["x-kubernetes-preserve-unknown-fields"] === true && !("additionalProperties" in schema2)) out.additionalProperties = true;
  for (const [key, child] of Object.entries(schema2)) {
    if (!inMap && key === "x-kubernetes-int-or-string" && child === true) out.anyOf = [{ type: "string" }, { type: "integer" }];
    if (!inMap && !KEYWORDS.has(key)) continue;
    if (!inMap && key === "type" && "type" in out) continue;
    if (!inMap && key === "additionalProperties" && child === true && isObject(schema2.properties)) continue;
    if (!inMap && (key === "enum" || key === "const")) out[key] = child;
    else out[key] = stripProse(child, !inMap && (key === "properties" || key === "patternProperties"));
  }
  return out;
}
function intersect(a, b) {
  const out = { ...a, ...b };
  const aProps = a.properties ?? {};
  const bProps = b.properties ?? {};
  if (a.properties || b.properties) {
    const properties = { ...aProps };
    for (const [key, value] of Object.entries(bProps)) properties[key] = aProps[key] ? intersect(aProps[key], value) : value;
    out.properties = properties;
  }
  if (Array.isArray(a.required) || Array.isArray(b.required)) out.required = [.../* @__PURE__ */ new Set([...a.required ?? [], ...b.required ?? []])];
  if (a.additionalProperties === false || b.additionalProperties === false) out.additionalProperties = false;
  if (isObject(a.items) && isObject(b.items)) out.items = intersect(a.items, b.items);
  return out;
}
function foldAllOf(schema2) {
  if (Array.isArray(schema2)) return schema2.map((item) => foldAllOf(item));
  if (!isObject(schema2)) return schema2;
  const out = {};
  for (const [key, child] of Object.entries(schema2)) out[key] = key === "enum" || key === "const" ? child : foldAllOf(child);
  const members = out.allOf;
  if (!Array.isArray(members) || !members.every((m) => isObject(m) && !("anyOf" in m) && !("oneOf" in m) && !("allOf" in m))) return out;
  const { allOf: _members, ...base } = out;
  return members.reduce((acc, member) => intersect(acc, member), base);
}
function mergeSchemas(inferred, upstream) {
  if (upstream === void 0 || Object.keys(upstream).length === 0) return inferred ?? {};
  if (inferred === void 0 || Object.keys(inferred).length === 0) return upstream;
  if (COMBINATORS.some((k) => k in upstream)) return upstream;
  const out = { ...inferred, ...upstream };
  const iProps = inferred.properties ?? {};
  const uProps = upstream.properties ?? {};
  if (Object.keys(iProps).length || Object.keys(uProps).length) {
    const properties = {};
    for (const key of /* @__PURE__ */ new Set([...Object.keys(iProps), ...Object.keys(uProps)])) properties[key] = mergeSchemas(iProps[key], uProps[key]);
    out.properties = properties;
  }
  if (isObject(inferred.items) || isObject(upstream.items)) {
    out.items = mergeSchemas(inferred.items, upstream.items);
  }
  if (!("additionalProperties" in upstream) && "additionalProperties" in inferred) out.additionalProperties = inferred.additionalProperties;
  return out;
}
function closeObjects(schema2, member = false) {
  if (Array.isArray(schema2)) return schema2.map((item) => closeObjects(item));
  if (!isObject(schema2)) return schema2;
  const out = {};
  for (const [key, child] of Object.entries(schema2)) {
    if (key === "properties" || key === "patternProperties") {
      out[key] = Object.fromEntries(Object.entries(child).map(([k, v]) => [k, closeObjects(v)]));
    } else if (key === "enum" || key === "const") out[key] = child;
    else if (COMBINATORS.includes(key) && Array.isArray(child)) out[key] = child.map((item) => closeObjects(item, true));
    else out[key] = closeObjects(child);
  }
  if (!member && "properties" in out && !("additionalProperties" in out) && !("patternProperties" in out)) out.additionalProperties = false;
  return out;
}
function deepMergeValues(base, over) {
  if (!isObject(base) || !isObject(over)) return over === void 0 ? base : over;
  const out = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = deepMergeValues(base[key], value);
  return out;
}
function decode(segment) {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}
function nodesAt(schema2, pointer) {
  let nodes = [schema2];
  for (const segment of pointer.split("/").slice(1).map(decode)) {
    const next = [];
    for (const node of nodes) {
      const props = node.properties ?? {};
      if (segment === "*") {
        next.push(...Object.values(props));
        if (isObject(node.items)) next.push(node.items);
        if (isObject(node.additionalProperties)) next.push(node.additionalProperties);
      } else if (props[segment]) next.push(props[segment]);
      else if (/^\d+$/.test(segment) && isObject(node.items)) next.push(node.items);
    }
    nodes = next;
  }
  return nodes;
}
function found(schema2, pointer, chart, kind) {
  const nodes = nodesAt(schema2, pointer);
  if (nodes.length === 0) throw new Error(`${chart} override: ${kind} pointer ${pointer} matches no key of the values`);
  return nodes;
}
function replaceWith(node, next) {
  for (const key of Object.keys(node)) delete node[key];
  Object.assign(node, next);
}
function applyOverrides(schema2, overrides, chart) {
  for (const [pointer, extra] of Object.entries(overrides.extra ?? {})) {
    const cut = pointer.lastIndexOf("/");
    const key = decode(pointer.slice(cut + 1));
    for (const parent of found(schema2, pointer.slice(0, cut), chart, "extra")) {
      const props = parent.properties ?? {};
      if (key in props) throw new Error(`${chart} override: extra key ${pointer} already exists in the values`);
      parent.properties = Object.fromEntries(Object.entries({ ...props, [key]: closeObjects(extra) }).sort(([a], [b]) => a < b ? -1 : 1));
    }
  }
  for (const pointer of overrides.maps ?? []) {
    for (const node of found(schema2, pointer, chart, "map")) {
      const entries = Object.values(node.properties ?? {});
      node.additionalProperties = entries.reduce((acc, entry) => unionSchemas(acc, entry), void 0) ?? true;
    }
  }
  for (const pointer of overrides.freeForm ?? []) for (const node of found(schema2, pointer, chart, "free-form")) openDeep(node);
  for (const pointer of overrides.any ?? []) for (const node of found(schema2, pointer, chart, "any")) replaceWith(node, {});
}
function openDeep(node) {
  const isMap = node.type === "object" || "properties" in node;
  if (isMap && (node.additionalProperties === false || node.additionalProperties === void 0)) node.additionalProperties = true;
  for (const child of Object.values(node.properties ?? {})) openDeep(child);
  if (isObject(node.additionalProperties)) openDeep(node.additionalProperties);
  if (isObject(node.items)) openDeep(node.items);
  if (node.type === "array" && !isObject(node.items)) node.items = {};
}
function unionSchemas(a, b) {
  if (a === void 0) return structuredClone(b);
  if (Object.keys(a).length === 0 || Object.keys(b).length === 0) return {};
  if (a.type !== b.type) return a.type === void 0 || b.type === void 0 ? {} : { ...a, type: [...new Set([a.type, b.type].flat())] };
  const out = { ...a };
  const aProps = a.properties ?? {};
  const bProps = b.properties ?? {};
  if (a.properties || b.properties) {
    const properties = {};
    for (const key of [.../* @__PURE__ */ new Set([...Object.keys(aProps), ...Object.keys(bProps)])].sort()) {
      properties[key] = aProps[key] && bProps[key] ? unionSchemas(aProps[key], bProps[key]) : structuredClone(aProps[key] ?? bProps[key]);
    }
    out.properties = properties;
  }
  if (isObject(a.items) && isObject(b.items)) out.items = unionSchemas(a.items, b.items);
  return out;
}
var KEEP_REQUIRED = /* @__PURE__ */ new Set(["items", "additionalItems", "anyOf", "oneOf", "allOf", "not", "if", "then", "else", "dependencies"]);
function dropMapRequired(schema2, underItems = false) {
  if (Array.isArray(schema2)) return schema2.map((item) => dropMapRequired(item, underItems));
  if (!isObject(schema2)) return schema2;
  const out = {};
  for (const [key, child] of Object.entries(schema2)) {
    if (key === "required" && !underItems) continue;
    if (key === "enum" || key === "const") out[key] = child;
    else if (key === "properties" || key === "patternProperties") {
      out[key] = Object.fromEntries(Object.entries(child).map(([k, v]) => [k, dropMapRequired(v, underItems)]));
    } else out[key] = dropMapRequired(child, underItems || KEEP_REQUIRED.has(key));
  }
  return out;
}
function deriveValuesSchema(input) {
  let values = isObject(input.values) ? input.values : {};
  const clean = (schema3) => dropMapRequired(foldAllOf(stripProse(schema3)));
  let upstream = input.upstreamSchema ? clean(input.upstreamSchema) : void 0;
  for (const sub of input.subcharts ?? []) {
    values = { ...values, [sub.key]: deepMergeValues(sub.values ?? {}, values[sub.key]) };
    if (sub.schema) {
      const subSchema = clean(sub.schema);
      const base = upstream ?? { type: "object", properties: {} };
      const props = { ...base.properties ?? {} };
      props[sub.key] = mergeSchemas(subSchema, props[sub.key]);
      upstream = { ...base, properties: props };
    }
  }
  const merged = mergeSchemas(inferSchema(values), upstream);
  const schema2 = closeObjects(merged);
  if (input.overrides) applyOverrides(schema2, input.overrides, input.chart);
  const { type: _type, ...rest } = schema2;
  return { $schema: "http://json-schema.org/draft-07/schema#", type: "object", ...rest };
}

// src/schema/charts.ts
import { existsSync as existsSync2, readFileSync as readFileSync2 } from "node:fs";
import { join as join2 } from "node:path";

// src/schema/reference.ts
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse as parse2 } from "yaml";
var SKIPPED_CHARTS = {};
function readYaml(path) {
  return parse2(readFileSync(path, "utf8")) ?? {};
}
function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}
function jsonFiles(dir, sub = "") {
  const out = {};
  for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory() && entry.name !== "charts") Object.assign(out, jsonFiles(dir, rel));
    else if (entry.isFile() && entry.name.endsWith(".json")) out[rel] = readJson(join(dir, rel));
  }
  return out;
}
function readChartSchema(dir) {
  if (existsSync(join(dir, "values.schema.json"))) return resolveRefs(jsonFiles(dir), "values.schema.json");
  if (existsSync(join(dir, "values.openapiv3_schema.yaml"))) return readYaml(join(dir, "values.openapiv3_schema.yaml"));
  return void 0;
}
function readValues(dir) {
  return existsSync(join(dir, "values.yaml")) ? readYaml(join(dir, "values.yaml")) : {};
}
function readReferenceChart(reference, chart, version) {
  const root = join(reference, "charts", chart, version);
  if (!existsSync(join(root, "values.yaml"))) return void 0;
  const chartYaml = existsSync(join(root, "Chart.yaml")) ? readYaml(join(root, "Chart.yaml")) : {};
  const deps = chartYaml.dependencies ?? [];
  const files = [join(root, "values.yaml")];
  if (chart === "app-template") {
    const common = join(root, "charts", "common");
    files.push(join(common, "values.yaml"), join(common, "values.schema.json"));
    return { input: { chart, version, values: readValues(common), upstreamSchema: readChartSchema(common) }, files: files.map((f) => relative(reference, f)) };
  }
  const subcharts = [];
  for (const dep of deps) {
    const dir = join(root, "charts", dep.name);
    if (!existsSync(join(dir, "values.yaml"))) continue;
    files.push(join(dir, "values.yaml"));
    const schema2 = readChartSchema(dir);
    if (schema2) files.push(join(dir, "values.schema.json"));
    subcharts.push({ key: dep.alias ?? dep.name, values: readValues(dir), ...schema2 ? { schema: schema2 } : {} });
  }
  const upstreamSchema = readChartSchema(root);
  if (upstreamSchema) files.push(join(root, existsSync(join(root, "values.schema.json")) ? "values.schema.json" : "values.openapiv3_schema.yaml"));
  return {
    input: { chart, version, values: readValues(root), ...upstreamSchema ? { upstreamSchema } : {}, subcharts },
    files: files.map((f) => relative(reference, f))
  };
}
function pinnedCharts(platform) {
  const seen = /* @__PURE__ */ new Map();
  for (const env of platform.environments) {
    for (const release of platform.releases) {
      if (release.chart === "local") continue;
      const version = env.versions[release.name];
      if (version === void 0) continue;
      seen.set(`${release.chart.name}@${version}`, { chart: release.chart.name, version });
    }
  }
  return [...seen.values()].sort((a, b) => a.chart === b.chart ? a.version < b.version ? -1 : 1 : a.chart < b.chart ? -1 : 1);
}

// src/schema/json.ts
var SORTED_MAPS = /* @__PURE__ */ new Set(["properties", "definitions", "$defs", "patternProperties"]);
function sortSchemaMaps(value, parentKey = "") {
  if (Array.isArray(value)) return value.map((item) => sortSchemaMaps(item));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value);
  if (SORTED_MAPS.has(parentKey)) entries.sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  const out = {};
  for (const [key, child] of entries) out[key] = SORTED_MAPS.has(parentKey) ? sortSchemaMaps(child) : sortSchemaMaps(child, key);
  return out;
}
function schemaText(schema2, command, extraComment = "") {
  const { $comment: _ignored, ...rest } = schema2;
  const comment = `Generated by \`${command}\`${extraComment ? `; ${extraComment}` : ""}. Do not edit.`;
  return `${JSON.stringify({ $comment: comment, ...sortSchemaMaps(rest) }, null, 2)}
`;
}

// src/schema/charts.ts
var CHART_SCHEMAS_COMMAND = "npm run schema:charts";
function chartSchemaPath(chart, version, dir = "schema/charts") {
  return `${dir}/${chart}/${version}.schema.json`;
}
function readOverrides(root, chart) {
  const path = join2(root, "schema", "overrides", `${chart}.json`);
  return existsSync2(path) ? JSON.parse(readFileSync2(path, "utf8")) : void 0;
}
function chartSchemaText(schema2, chart, version, command = CHART_SCHEMAS_COMMAND) {
  return schemaText(schema2, command, `from the upstream values of ${chart} ${version}`);
}
function valuesTypeName(chart) {
  return `${chart.split(/[^A-Za-z0-9]+/).map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join("")}Values`;
}
var DOCUMENTED_CHARTS = {
  "gitlab-runner": { version: GITLAB_RUNNER_DOCUMENTED_VERSION, keys: gitlabRunnerKeys }
};
var KEY_TYPES = {
  string: { type: "string" },
  integer: { type: "integer" },
  boolean: { type: "boolean" },
  map: { type: "object", additionalProperties: { type: "string" } }
};
function schemaFromDocumentedKeys(keys) {
  const root = { type: "object", additionalProperties: false, properties: {} };
  for (const key of keys) {
    const parts = key.path.split(".");
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const props = node.properties;
      node = props[part] ??= { type: "object", additionalProperties: false, properties: {} };
    }
    node.properties[parts[parts.length - 1]] = KEY_TYPES[key.type];
  }
  return root;
}
function chartSchemas(platform, reference, root) {
  const out = { records: [], skipped: [], schemas: [] };
  for (const { chart, version } of pinnedCharts(platform)) {
    const documented = DOCUMENTED_CHARTS[chart];
    if (documented && documented.version === version) {
      const schema3 = schemaFromDocumentedKeys(documented.keys);
      out.schemas.push({ chart, version, schema: schema3 });
      out.records.push({ path: chartSchemaPath(chart, version), content: chartSchemaText(schema3, chart, version) });
      continue;
    }
    const source = readReferenceChart(reference, chart, version);
    if (!source) {
      out.skipped.push({ chart, version, reason: SKIPPED_CHARTS[chart] ?? `no upstream values.yaml under ${reference}/charts/${chart}/${version}` });
      continue;
    }
    const overrides = readOverrides(root, chart);
    const input = { ...source.input, ...overrides ? { overrides } : {} };
    const schema2 = deriveValuesSchema(input);
    out.schemas.push({ chart, version, schema: schema2 });
    out.records.push({ path: chartSchemaPath(chart, version), content: chartSchemaText(schema2, chart, version) });
  }
  return out;
}
async function chartTypeRecords(platform, set) {
  const { compile } = await import("json-schema-to-typescript");
  const env = platform.environments.find((e) => e.name === platform.defaultEnvironment) ?? platform.environments[0];
  const records = [];
  for (const { chart, version, schema: schema2 } of set.schemas) {
    const pinnedHere = platform.releases.some((r) => r.chart !== "local" && r.chart.name === chart && env?.versions[r.name] === version);
    if (!pinnedHere) continue;
    const name = valuesTypeName(chart);
    const { $schema: _s, ...body } = schema2;
    const ts = await compile(body, name, {
      bannerComment: `/**
 * Generated by \`${CHART_SCHEMAS_COMMAND}\` from ${chartSchemaPath(chart, version)}. Do not edit.
 * The values of chart ${chart} ${version}, as adapters may write them.
 */`,
      // Objects the schema leaves open are open in the types too; closed ones say so explicitly.
      additionalProperties: true,
      unknownAny: true,
      strictIndexSignatures: false,
      format: true,
      declareExternallyReferenced: true,
      enableConstEnums: false,
      inferStringEnumKeysFromValues: false,
      ignoreMinAndMaxItems: true,
      style: { printWidth: 120 }
    });
    records.push({ path: `src/charts/types/${chart}.ts`, content: ts });
  }
  return records.sort((a, b) => a.path < b.path ? -1 : 1);
}

// src/schema/crd-catalogue.ts
import { readFileSync as readFileSync3 } from "node:fs";
import { join as join3 } from "node:path";
var CRD_SCHEMAS_COMMAND = "npm run schema:crds";
var PINNED_CRDS = [
  { file: "crds/metallb/v0.14.9/config/crd/bases/metallb.io_ipaddresspools.yaml", kinds: ["IPAddressPool"] },
  { file: "crds/metallb/v0.14.9/config/crd/bases/metallb.io_l2advertisements.yaml", kinds: ["L2Advertisement"] },
  { file: "crds/cert-manager/v1.18.2/deploy/crds/crd-issuers.yaml", kinds: ["Issuer"] },
  { file: "crds/cert-manager/v1.18.2/deploy/crds/crd-clusterissuers.yaml", kinds: ["ClusterIssuer"] },
  { file: "crds/cert-manager/v1.18.2/deploy/crds/crd-certificates.yaml", kinds: ["Certificate"] },
  { file: "crds/cert-manager/v1.18.2/deploy/crds/crd-certificaterequests.yaml", kinds: ["CertificateRequest"] },
  // The Gateway API release Traefik 36.1.0 installs (v1.2.1, standard channel).
  { file: "crds/traefik/traefik-helm-chart-v36.1.0/traefik/crds/gateway-standard-install.yaml", kinds: ["GatewayClass", "Gateway", "HTTPRoute", "GRPCRoute", "ReferenceGrant"] },
  ...["ingressroutes", "ingressroutetcps", "ingressrouteudps", "middlewares", "middlewaretcps", "serverstransports", "serverstransporttcps", "tlsoptions", "tlsstores", "traefikservices"].map((name) => ({
    file: `crds/traefik/traefik-helm-chart-v36.1.0/traefik/crds/traefik.io_${name}.yaml`,
    kinds: []
  })),
  { file: "crds/strimzi/0.47.0/install/cluster-operator/040-Crd-kafka.yaml", kinds: ["Kafka"] },
  { file: "crds/strimzi/0.47.0/install/cluster-operator/041-Crd-kafkaconnect.yaml", kinds: ["KafkaConnect"] },
  { file: "crds/strimzi/0.47.0/install/cluster-operator/043-Crd-kafkatopic.yaml", kinds: ["KafkaTopic"] },
  { file: "crds/strimzi/0.47.0/install/cluster-operator/044-Crd-kafkauser.yaml", kinds: ["KafkaUser"] },
  { file: "crds/strimzi/0.47.0/install/cluster-operator/045-Crd-kafkanodepool.yaml", kinds: ["KafkaNodePool"] },
  { file: "crds/strimzi/0.47.0/install/cluster-operator/047-Crd-kafkaconnector.yaml", kinds: ["KafkaConnector"] },
  { file: "crds/postgres-operator/v1.14.0/manifests/postgresql.crd.yaml", kinds: ["postgresql"] },
  // The operator's validation schema (the chart's CRD accepts anything; see reference SOURCES.md).
  { file: "crds/kube-arangodb/1.3.0/built/arangodeployment-crd-with-validation-schema.yaml", kinds: ["ArangoDeployment"] },
  // `kustomize build` of KEDA's CRDs, as the release manifests ship them.
  { file: "crds/keda/v2.17.2/built/keda-crds-kustomize-patched.yaml", kinds: ["ScaledObject", "ScaledJob", "TriggerAuthentication", "ClusterTriggerAuthentication"] },
  { file: "crds/eck/v3.1.0/config/crds/v1/all-crds.yaml", kinds: ["Elasticsearch", "Kibana"] },
  { file: "crds/secrets-store-csi-driver/v1.5.3/config/crd/bases/secrets-store.csi.x-k8s.io_secretproviderclasses.yaml", kinds: ["SecretProviderClass"] },
  { file: "crds/prometheus-operator/v0.82.0/example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml", kinds: ["ServiceMonitor"] },
  { file: "crds/prometheus-operator/v0.82.0/example/prometheus-operator-crd/monitoring.coreos.com_podmonitors.yaml", kinds: ["PodMonitor"] },
  { file: "crds/prometheus-operator/v0.82.0/example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml", kinds: ["PrometheusRule"] },
  { file: "crds/piraeus-operator/v2.6.0/config/crd/bases/piraeus.io_linstorclusters.yaml", kinds: ["LinstorCluster"] },
  { file: "crds/piraeus-operator/v2.6.0/config/crd/bases/piraeus.io_linstorsatelliteconfigurations.yaml", kinds: ["LinstorSatelliteConfiguration"] },
  { file: "crds/argo-cd/v3.0.12/manifests/crds/application-crd.yaml", kinds: ["Application"] },
  { file: "crds/argo-cd/v3.0.12/manifests/crds/appproject-crd.yaml", kinds: ["AppProject"] }
];
function crdSchemaText(crd, command, source) {
  const note = crd.droppedPatterns.length ? `; Go-only patterns dropped: ${crd.droppedPatterns.join(" ")}` : "";
  return schemaText(crd.schema, command, `from ${crd.kind} ${crd.version} in ${source}${note}`);
}
function crdRecords(files, outDir, command) {
  const records = /* @__PURE__ */ new Map();
  for (const file of files) {
    const kinds = file.kinds?.length ? new Set(file.kinds) : void 0;
    for (const crd of crdSchemasOf(file.text, kinds)) {
      records.set(crd.path, { path: `${outDir}/${crd.path}`, content: crdSchemaText(crd, command, file.label ?? file.path) });
    }
  }
  return [...records.values()].sort((a, b) => a.path < b.path ? -1 : 1);
}
function pinnedCrdRecords(reference) {
  return crdRecords(
    PINNED_CRDS.map((source) => ({ path: join3(reference, source.file), text: readFileSync3(join3(reference, source.file), "utf8"), kinds: source.kinds, label: source.file })),
    "schema/crds",
    CRD_SCHEMAS_COMMAND
  );
}

// src/schema/model.ts
import { join as join4 } from "node:path";
var MODEL_SCHEMA_PATH = "schema/platform.schema.json";
var MODEL_SCHEMA_COMMAND = "npm run schema:model";
async function modelSchemaRecord(root) {
  const { createGenerator } = await import("ts-json-schema-generator");
  const generator = createGenerator({
    path: join4(root, "src/model/types.ts"),
    tsconfig: join4(root, "tsconfig.json"),
    type: "Platform",
    expose: "export",
    topRef: true,
    jsDoc: "extended",
    additionalProperties: false,
    // `tsc` checks the types; the generator only needs their shape.
    skipTypeCheck: true
  });
  const schema2 = generator.createSchema("Platform");
  const content = schemaText(
    schema2,
    MODEL_SCHEMA_COMMAND,
    "from the `Platform` type in src/model/types.ts"
  );
  return { path: MODEL_SCHEMA_PATH, content };
}

// src/write/files.ts
import { mkdirSync, readFileSync as readFileSync4, renameSync, writeFileSync } from "node:fs";
import { dirname, relative as relative2, resolve, sep } from "node:path";
function target(root, path) {
  const full = resolve(root, path);
  const rel = relative2(resolve(root), full);
  if (rel.startsWith("..") || rel.startsWith(sep) || rel === "") throw new Error(`refusing path outside ${root}: ${path}`);
  return full;
}
function readIfExists(path) {
  try {
    return readFileSync4(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw error;
  }
}
function writeRecords(root, records) {
  const written = [];
  for (const record of records) {
    const full = target(root, record.path);
    if (readIfExists(full) === record.content) continue;
    mkdirSync(dirname(full), { recursive: true });
    const temp = `${full}.${process.pid}.tmp`;
    writeFileSync(temp, record.content);
    renameSync(temp, full);
    written.push(record.path);
  }
  return written;
}
function staleRecords(root, records) {
  return records.filter((r) => readIfExists(target(root, r.path)) !== r.content).map((r) => r.path);
}

// src/cli/commands/schema.ts
var DEFAULT_REFERENCE = "../shared/reference";
var usage = `Usage: streamforge schema <subcommand> [options]

  derive <chart> <version> --values <values.yaml> [--schema <values.schema.json>]
         [--overrides <overrides.json>] [--out <dir>]
      derive one chart version's values schema into <dir>/<chart>/<version>.schema.json
      (default <dir>: schema/charts)
  crds <crd.yaml...> [--out <dir>] [--kind <Kind>...]
      convert CRDs into <dir>/<group>/<kind>_<version>.json (default <dir>: schema/crds)
  crds --pinned [--reference <dir>] [--check]
      the CRDs of every custom resource kind the platform uses, into schema/crds
  charts [--reference <dir>] [--check]
      every pinned chart version's values schema (schema/charts) and TypeScript types
      (src/charts/types), with the overrides in schema/overrides
  model [--check]
      schema/platform.schema.json from the types in src/model/types.ts

  --reference <dir>  upstream reference data (default: ${DEFAULT_REFERENCE})
  --check            write nothing; list stale files and exit 1 when any`;
function emit(records, io, check, root = io.cwd) {
  if (check) {
    const stale = staleRecords(root, records);
    for (const path of stale) io.err(`${path}: stale; regenerate it
`);
    if (stale.length) return 1;
    io.out(`in sync: ${records.length} files
`);
    return 0;
  }
  const written = writeRecords(root, records);
  io.out(`wrote ${written.length}, unchanged ${records.length - written.length}
`);
  return 0;
}
function readText(io, path) {
  try {
    return readFileSync5(resolve2(io.cwd, path), "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${error.message}`);
  }
}
async function derive(args, io) {
  const { values, positionals } = parse(args, { values: { type: "string" }, schema: { type: "string" }, overrides: { type: "string" }, out: { type: "string" } }, true);
  const [chart, version, ...extra] = positionals;
  if (!chart || !version || extra.length) throw new UsageError("derive needs <chart> <version>");
  if (!values.values) throw new UsageError("derive needs --values <values.yaml>");
  const started = Date.now();
  const upstreamSchema = values.schema ? resolveRefs({ "values.schema.json": JSON.parse(readText(io, values.schema)) }, "values.schema.json") : void 0;
  const overrides = values.overrides ? JSON.parse(readText(io, values.overrides)) : void 0;
  const schema2 = deriveValuesSchema({
    chart,
    version,
    values: parseYaml(readText(io, values.values)) ?? {},
    ...upstreamSchema ? { upstreamSchema } : {},
    ...overrides ? { overrides } : {}
  });
  const out = resolve2(io.cwd, values.out ?? "schema/charts");
  const path = chartSchemaPath(chart, version, ".").slice(2);
  writeRecords(out, [{ path, content: chartSchemaText(schema2, chart, version, `streamforge schema derive ${chart} ${version}`) }]);
  io.out(`${join5(values.out ?? "schema/charts", path)} (${Date.now() - started} ms)
`);
  return 0;
}
async function crds(args, io) {
  const { values, positionals } = parse(args, { out: { type: "string" }, kind: { type: "string", multiple: true }, pinned: { type: "boolean" }, reference: { type: "string" }, check: { type: "boolean" } }, true);
  if (values.pinned) {
    if (positionals.length) throw new UsageError("crds --pinned takes no files");
    return emit(pinnedCrdRecords(resolve2(io.cwd, values.reference ?? DEFAULT_REFERENCE)), io, values.check);
  }
  if (!positionals.length) throw new UsageError("crds needs at least one CRD file (or --pinned)");
  const files = positionals.map((path) => ({ path, text: readText(io, path), kinds: values.kind ?? [] }));
  const records = crdRecords(files, ".", "streamforge schema crds").map((r) => ({ ...r, path: r.path.slice(2) }));
  if (!records.length) throw new UsageError("no served CustomResourceDefinition version found in the given files");
  return emit(records, io, values.check, resolve2(io.cwd, values.out ?? "schema/crds"));
}
async function charts(args, io) {
  const { values } = parse(args, { reference: { type: "string" }, check: { type: "boolean" } });
  const { streamforge } = await import("./streamforge-6TLXEMHB.mjs");
  const started = Date.now();
  const set = chartSchemas(streamforge, resolve2(io.cwd, values.reference ?? DEFAULT_REFERENCE), io.cwd);
  const derivedMs = Date.now() - started;
  const types = await chartTypeRecords(streamforge, set);
  for (const skip of set.skipped) io.err(`skipped ${skip.chart} ${skip.version}: ${skip.reason}
`);
  io.out(`${set.records.length} chart schemas derived in ${derivedMs} ms, ${types.length} type files
`);
  return emit([...set.records, ...types], io, values.check);
}
async function model(args, io) {
  const { values } = parse(args, { check: { type: "boolean" } });
  return emit([await modelSchemaRecord(io.cwd)], io, values.check);
}
var subcommands = { derive, crds, charts, model };
var schema = {
  name: "schema",
  usage,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === void 0 || sub === "--help" || sub === "-h") {
      io.out(`${usage}
`);
      return sub === void 0 ? 2 : 0;
    }
    const handler = subcommands[sub];
    if (!handler) throw new UsageError(`unknown subcommand "${sub}"`);
    if (rest.includes("--help") || rest.includes("-h")) {
      io.out(`${usage}
`);
      return 0;
    }
    return handler(rest, io);
  }
};
export {
  schema
};
