import {
  cidrSpan,
  formatSpan,
  intToIp,
  ipToInt,
  isIPv4,
  parseAddressEntry,
  parseCidr,
  rangeSpan,
  spanContains,
  spansOverlap
} from "./chunk-5YZPTOSL.mjs";
import {
  didYouMean
} from "./chunk-ZHNZG2LR.mjs";
import {
  loadModel
} from "./chunk-KEPHZAAP.mjs";
import {
  parse
} from "./chunk-HP2SGMC7.mjs";
import {
  KUBESPRAY_ADDON_RELEASES,
  KUBESPRAY_GROUPS,
  UsageError,
  controlPlaneNodes,
  crdSchemaPath,
  describeSource,
  dnsRecords,
  emittedDocuments,
  generate,
  hostOf,
  isEnabled,
  isUnder,
  kubesprayPaths,
  lanPrefix,
  parentSchemaOf,
  proxmoxPaths,
  validatorFor,
  valuesSchemaPath,
  webHosts,
  zoneFilePath,
  zoneNameOf
} from "./chunk-FIK2LZX5.mjs";
import "./chunk-USOL5YMT.mjs";
import "./chunk-U2IFGJIN.mjs";

// src/cli/commands/lint.ts
import { resolve } from "node:path";

// src/lint/index.ts
import { readdirSync, readFileSync as readFileSync3, statSync } from "node:fs";
import { join } from "node:path";

// src/diagnostics/locate.ts
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments } from "yaml";
function pointerSegments(pointer) {
  if (pointer === "" || pointer === "/") return [];
  return pointer.replace(/^\//, "").split("/").map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}
function toPointer(segments) {
  return segments.map((s) => `/${String(s).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}
var YamlSource = class {
  constructor(path, text) {
    this.path = path;
    this.text = text;
    this.documents = parseAllDocuments(text, { lineCounter: this.lines, version: "1.1", uniqueKeys: false });
  }
  path;
  text;
  documents;
  lines = new LineCounter();
  dataCache;
  /** Parse errors, with positions. */
  get errors() {
    return this.documents.flatMap(
      (doc) => doc.errors.map((e) => ({ message: e.message.split("\n")[0] ?? e.message, position: this.at(e.pos[0]) }))
    );
  }
  /** Each document as plain data (empty documents included as `null`). */
  get data() {
    this.dataCache ??= this.documents.map((doc) => doc.toJS({ maxAliasCount: -1 }));
    return this.dataCache;
  }
  at(offset) {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }
  /**
   * The position of `pointer` in document `doc`. With `key`, the position of the mapping key
   * rather than its value (where an unknown key is). A pointer that runs past the tree lands on
   * the deepest node that exists (a missing required key is reported at its parent).
   */
  positionOf(pointer, doc = 0, key = false) {
    const document = this.documents[doc];
    if (!document) return void 0;
    let node = document.contents;
    let keyNode;
    let last = node ?? void 0;
    for (const segment of pointerSegments(pointer)) {
      keyNode = void 0;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
        if (!pair) break;
        keyNode = isScalar(pair.key) ? pair.key : void 0;
        node = pair.value;
        last = node ?? keyNode ?? last;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (!item) break;
        node = item;
        last = item;
      } else break;
    }
    const collection = isMap(last) || isSeq(last);
    const target = (key || collection) && keyNode && last === node ? keyNode : last;
    const offset = target?.range?.[0];
    return offset === void 0 ? void 0 : this.at(offset);
  }
};

// src/lint/context.ts
var LintFile = class {
  constructor(path, text, kind, release) {
    this.path = path;
    this.text = text;
    this.kind = kind;
    this.release = release;
  }
  path;
  text;
  kind;
  release;
  parsed;
  get yaml() {
    this.parsed ??= new YamlSource(this.path, this.text);
    return this.parsed;
  }
  /** Documents as data (multi-document files give several). */
  get docs() {
    return emittedDocuments(this.text) ?? this.yaml.data;
  }
  /** Whether the text is exactly what the generator produced in this run (so it is valid YAML). */
  get generated() {
    return emittedDocuments(this.text) !== void 0;
  }
};
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function* walk(value, path = [], parent = void 0) {
  yield { value, path, key: path[path.length - 1], parent };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* walk(value[i], [...path, i], value);
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) yield* walk(v, [...path, k], value);
  }
}
var EXTRA_OBJECT_KEYS = /* @__PURE__ */ new Set(["extraObjects", "extraManifests", "extraDeploy", "additionalManifests"]);
var RuleContext = class {
  constructor(platform, env, files, modelFile) {
    this.platform = platform;
    this.env = env;
    this.files = files;
    this.modelFile = modelFile;
  }
  platform;
  env;
  files;
  modelFile;
  kubeCache;
  valueCache;
  get envIndex() {
    return this.platform.environments.indexOf(this.env);
  }
  /** Files that are data the cluster receives: values and manifests. */
  get deployed() {
    return this.files.filter((f) => f.kind === "values" || f.kind === "manifest");
  }
  /** Every Kubernetes object of the environment, in manifests and embedded in values. */
  get kubeObjects() {
    this.kubeCache ??= this.deployed.flatMap((file) => {
      const out = [];
      file.docs.forEach((data, doc) => {
        if (file.kind === "manifest") {
          if (isObject(data)) out.push(kubeDoc(file, doc, "", data));
          return;
        }
        for (const visit of walk(data)) {
          if (!Array.isArray(visit.value) || typeof visit.key !== "string" || !EXTRA_OBJECT_KEYS.has(visit.key)) continue;
          visit.value.forEach((item, i) => {
            if (isObject(item) && typeof item.kind === "string") out.push(kubeDoc(file, doc, toPointer([...visit.path, i]), item));
          });
        }
      });
      return out;
    });
    return this.kubeCache;
  }
  /** Every value in every deployed file, with the site it is at (walked once, shared by the rules). */
  values() {
    if (!this.valueCache) {
      const out = [];
      for (const file of this.deployed) {
        for (let doc = 0; doc < file.docs.length; doc++) {
          for (const visit of walk(file.docs[doc])) out.push({ ...visit, site: { file, doc, pointer: toPointer(visit.path) } });
        }
      }
      this.valueCache = out;
    }
    return this.valueCache;
  }
  /** A diagnostic at a place in a file, with its line:column. */
  at(rule17, site, message, options = {}) {
    const position = site.file.yaml.positionOf(site.pointer, site.doc, options.key ?? false);
    return {
      rule: rule17,
      severity: options.severity ?? "error",
      message,
      file: site.file.path,
      pointer: site.pointer || "/",
      ...position ? { position } : {},
      ...options.hint ? { hint: options.hint } : {}
    };
  }
  /**
   * A diagnostic on text inside a string value (TOML in a chart's config block): the position of
   * the first line at or after the value that matches `line`.
   */
  atText(rule17, site, line, message, options = {}) {
    const diag = this.at(rule17, site, message, options);
    if (!diag.position) return diag;
    const lines = site.file.text.split("\n");
    for (let i = diag.position.line - 1; i < lines.length; i++) {
      const match = line.exec(lines[i] ?? "");
      if (match) return { ...diag, position: { line: i + 1, column: match.index + 1 } };
    }
    return diag;
  }
  /** A diagnostic about a field of this environment in the model. */
  model(rule17, path, message, options = {}) {
    return {
      rule: rule17,
      severity: options.severity ?? "error",
      message: `${this.env.name}: ${message}`,
      file: this.modelFile,
      pointer: toPointer(["environments", this.envIndex, ...path]),
      ...options.hint ? { hint: options.hint } : {}
    };
  }
};
function kubeDoc(file, doc, pointer, object) {
  return {
    file,
    doc,
    pointer,
    apiVersion: typeof object.apiVersion === "string" ? object.apiVersion : "",
    kind: typeof object.kind === "string" ? object.kind : "",
    object
  };
}

// src/lint/builtin.ts
import { createRequire } from "node:module";
var require2 = createRequire(import.meta.url);
var kinds = /* @__PURE__ */ new Map();
function modulePath(apiVersion, kind) {
  if (!/^[A-Za-z0-9.]+(\/[A-Za-z0-9]+)?$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return void 0;
  return `kubernetes-models/${apiVersion}/${kind}`;
}
function builtinKind(apiVersion, kind) {
  const key = `${apiVersion}/${kind}`;
  const cached = kinds.get(key);
  if (cached !== void 0) return cached;
  const path = modulePath(apiVersion, kind);
  let model = null;
  if (path) {
    try {
      const mod = require2(path);
      const candidate = mod[kind];
      model = candidate && typeof candidate.prototype?.validate === "function" ? candidate : null;
    } catch {
      model = null;
    }
  }
  kinds.set(key, model);
  return model;
}
function track(value, path, reads) {
  if (Array.isArray(value)) return value.map((item, i) => track(item, [...path, i], reads));
  if (!isObject(value)) return value;
  const seen = /* @__PURE__ */ new Set();
  reads.set(toPointer(path), seen);
  const copy = {};
  for (const [k, v] of Object.entries(value)) copy[k] = track(v, [...path, k], reads);
  return new Proxy(copy, {
    get(target, property, receiver) {
      if (typeof property === "string") seen.add(property);
      return Reflect.get(target, property, receiver);
    }
  });
}
function unknownKeys(value, path, reads, out) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => unknownKeys(item, [...path, i], reads, out));
    return;
  }
  if (!isObject(value)) return;
  const seen = reads.get(toPointer(path));
  for (const [k, v] of Object.entries(value)) {
    if (seen && !seen.has(k)) {
      out.push({ pointer: toPointer([...path, k]), message: `unknown field "${k}"`, unknownKey: k });
    } else unknownKeys(v, [...path, k], reads, out);
  }
}
function describe(e) {
  switch (e.keyword) {
    case "required":
      return `missing required field "${String(e.params.missingProperty)}"`;
    case "type":
      return `must be of type ${String(e.params.type)}`;
    case "enum":
      return `must be one of ${JSON.stringify(e.params.allowedValues)}`;
    case "format":
      return `must match format "${String(e.params.format)}"`;
    default:
      return e.message ?? `fails "${e.keyword}"`;
  }
}
function validateBuiltin(model, object) {
  const reads = /* @__PURE__ */ new Map();
  const tracked = track(object, [], reads);
  const out = [];
  try {
    model.prototype.validate.call(tracked);
  } catch (error) {
    const errors = error.errors;
    if (!errors) throw error;
    for (const e of errors) {
      if (e.keyword === "oneOf" || e.keyword === "anyOf" || e.keyword === "if") continue;
      out.push({ pointer: e.instancePath, message: describe(e) });
    }
  }
  unknownKeys(object, [], reads, out);
  return out;
}

// src/lint/schema-checks.ts
var SCHEMA_RULES = [
  { id: "schema/model", description: "the model matches schema/platform.schema.json" },
  { id: "schema/values", description: "each values file matches its pinned chart version's values schema" },
  { id: "schema/manifest", description: "each built-in Kubernetes object matches its kind's schema, with no unknown fields" },
  { id: "schema/crd", description: "each custom resource matches its CRD schema, with no unknown fields" },
  { id: "schema/unknown-kind", description: "every Kubernetes object has a schema (built-in kind or committed CRD schema)" },
  { id: "schema/yaml", description: "every generated file parses as YAML" }
];
function knownKeys(schema) {
  if (!isObject(schema)) return [];
  const props2 = isObject(schema.properties) ? Object.keys(schema.properties) : [];
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    const list = schema[key];
    if (Array.isArray(list)) for (const sub2 of list) props2.push(...knownKeys(sub2));
  }
  return props2;
}
function valueAt(data, pointer) {
  let node = data;
  for (const s of pointerSegments(pointer)) node = isObject(node) || Array.isArray(node) ? node[s] : void 0;
  return node;
}
function schemaDiagnostics(ctx, rule17, site, errors, what, schema, data) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const e of errors) {
    if (e.keyword === "anyOf" || e.keyword === "oneOf" || e.keyword === "if") continue;
    const base = pointerSegments(site.pointer);
    let diag;
    if (e.keyword === "additionalProperties" || e.keyword === "unevaluatedProperties") {
      const key2 = String(e.params.additionalProperty ?? e.params.unevaluatedProperty);
      const pointer = toPointer([...base, ...pointerSegments(e.instancePath), key2]);
      const hint = didYouMean(key2, knownKeys(parentSchemaOf(schema, e.schemaPath))) ?? void 0;
      diag = ctx.at(rule17, { ...site, pointer }, `unknown key "${key2}" at ${e.instancePath || "/"} (${what})`, { key: true, ...hint ? { hint } : {} });
    } else {
      const pointer = toPointer([...base, ...pointerSegments(e.instancePath)]);
      const value = e.keyword === "required" ? "" : ` (got ${JSON.stringify(valueAt(data, e.instancePath))?.slice(0, 60)})`;
      const message = e.keyword === "required" ? `missing required key "${String(e.params.missingProperty)}"` : `${e.message ?? e.keyword}${value}`;
      diag = ctx.at(rule17, { ...site, pointer }, `${e.instancePath || "/"} ${message} (${what})`);
    }
    const key = `${diag.pointer} ${diag.message}`;
    if (!seen.has(key)) out.push(diag);
    seen.add(key);
  }
  return out;
}
async function checkValues(ctx) {
  const out = [];
  for (const file of ctx.files) {
    const release = file.release;
    if (file.kind !== "values" || !release || release.chart === "local" || !isEnabled(ctx.env, release)) continue;
    const version = ctx.env.versions[release.name];
    if (version === void 0) continue;
    const path = valuesSchemaPath(release.chart.name, version);
    const validate = await validatorFor(path);
    const site = { file, doc: 0, pointer: "" };
    if (!validate) {
      out.push(ctx.at("schema/values", site, `no values schema for chart ${release.chart.name} ${version} (${path})`, { hint: "derive it with `streamforge schema derive`" }));
      continue;
    }
    const data = file.docs[0] ?? {};
    if (!validate(data)) out.push(...schemaDiagnostics(ctx, "schema/values", site, validate.errors ?? [], `chart ${release.chart.name} ${version}`, validate.schema, data));
  }
  return out;
}
function splitApiVersion(apiVersion) {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? { group: "", version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}
async function checkObject(ctx, doc) {
  const { apiVersion, kind } = doc;
  if (!apiVersion || !kind) {
    return [ctx.at("schema/unknown-kind", doc, `object without ${apiVersion ? "kind" : "apiVersion"}; every manifest needs apiVersion and kind`)];
  }
  const builtin = builtinKind(apiVersion, kind);
  if (builtin) {
    return validateBuiltin(builtin, doc.object).map((e) => {
      const pointer = toPointer([...pointerSegments(doc.pointer), ...pointerSegments(e.pointer)]);
      const where = e.pointer || "/";
      if (e.unknownKey === void 0) return ctx.at("schema/manifest", { ...doc, pointer }, `${kind} ${where}: ${e.message}`);
      return ctx.at("schema/manifest", { ...doc, pointer }, `${kind} ${where}: ${e.message}`, { key: true });
    });
  }
  const { group, version } = splitApiVersion(apiVersion);
  const path = crdSchemaPath(group, kind, version);
  const validate = group ? await validatorFor(path) : null;
  if (!validate) {
    return [ctx.at("schema/unknown-kind", { ...doc, pointer: toPointer([...pointerSegments(doc.pointer), "kind"]) }, `no schema for ${apiVersion} ${kind}: not a built-in kind and no ${path}`, { hint: "check apiVersion and kind, or add the CRD schema with `streamforge schema crds`" })];
  }
  if (validate(doc.object)) return [];
  return schemaDiagnostics(ctx, "schema/crd", doc, validate.errors ?? [], `${kind} ${apiVersion}`, validate.schema, doc.object);
}
async function checkManifests(ctx) {
  const out = [];
  for (const doc of ctx.kubeObjects) out.push(...await checkObject(ctx, doc));
  return out;
}
function checkYaml(files) {
  return files.flatMap(
    (file) => (file.path.endsWith(".yaml") || file.path.endsWith(".gotmpl")) && !file.generated ? file.yaml.errors.map((e) => ({ rule: "schema/yaml", severity: "error", message: e.message, file: file.path, position: e.position })) : []
  );
}

// src/lint/rules/network/addresses.ts
function modelAddresses(ctx) {
  const { env } = ctx;
  const lb = env.ingress.loadBalancerIps;
  return [
    { what: "gateway", ip: env.network.gateway, path: ["network", "gateway"] },
    { what: "API VIP", ip: env.cluster.apiVip, path: ["cluster", "apiVip"] },
    ...env.nodes.map((n, i) => ({ what: `node ${n.name}`, ip: n.ip, path: ["nodes", i, "ip"] })),
    { what: "pool start", ip: env.ingress.pool.from, path: ["ingress", "pool", "from"] },
    { what: "pool end", ip: env.ingress.pool.to, path: ["ingress", "pool", "to"] },
    ...Object.entries(lb).map(([k, ip]) => ({ what: `LoadBalancer IP of ${k}`, ip, path: ["ingress", "loadBalancerIps", k] })),
    ...Object.entries(env.external).map(([k, h]) => ({ what: `external host ${k}`, ip: h.ip, path: ["external", k, "ip"] }))
  ];
}
function validIp(ip) {
  return isIPv4(ip) ? ipToInt(ip) : void 0;
}
function lanSpan(ctx) {
  const parsed = parseCidr(ctx.env.network.lan);
  return parsed.ok ? parsed.span : void 0;
}
function pools(ctx) {
  const fromManifests = [];
  for (const doc of ctx.kubeObjects) {
    if (doc.kind !== "IPAddressPool" || !doc.apiVersion.startsWith("metallb.io/")) continue;
    const spec = doc.object.spec;
    const addresses = isObject(spec) && Array.isArray(spec.addresses) ? spec.addresses : [];
    const name = isObject(doc.object.metadata) ? String(doc.object.metadata.name) : "?";
    addresses.forEach((entry, i) => {
      const span = typeof entry === "string" ? parseAddressEntry(entry) : void 0;
      const pointer = toPointer([...doc.pointer ? doc.pointer.slice(1).split("/") : [], "spec", "addresses", i]);
      if (span) fromManifests.push({ name, span, site: { file: doc.file, doc: doc.doc, pointer } });
    });
  }
  if (fromManifests.length) return fromManifests;
  const { from, to } = ctx.env.ingress.pool;
  if (!isIPv4(from) || !isIPv4(to)) return [];
  return [{ name: "model pool", span: rangeSpan(ctx.env.ingress.pool) }];
}
var ANNOTATIONS = /* @__PURE__ */ new Set(["metallb.io/loadBalancerIPs", "metallb.universe.tf/loadBalancerIPs"]);
function lbRequests(ctx) {
  const out = [];
  for (const { value, key, site } of ctx.values()) {
    if (key === "loadBalancerIP" && typeof value === "string" && value !== "") out.push({ ip: value, site });
    else if (key === "loadBalancerIPs" && Array.isArray(value)) {
      value.forEach((ip, i) => typeof ip === "string" && out.push({ ip, site: { ...site, pointer: `${site.pointer}/${i}` } }));
    } else if (typeof key === "string" && ANNOTATIONS.has(key) && typeof value === "string") {
      for (const ip of value.split(",").map((s) => s.trim()).filter(Boolean)) out.push({ ip, site });
    }
  }
  return out;
}

// src/lint/rules/network/invalid-address.ts
var invalidAddress = {
  id: "network/invalid-address",
  description: "every address of the model is a valid IPv4 address and every network a valid CIDR",
  check(ctx) {
    const out = [];
    for (const a of modelAddresses(ctx)) {
      if (!isIPv4(a.ip)) out.push(ctx.model(this.id, a.path, `${a.what} "${a.ip}" is not an IPv4 address`, { hint: "write a dotted quad such as 192.168.1.10" }));
    }
    const { env } = ctx;
    const networks = [
      ["LAN", env.network.lan, ["network", "lan"]],
      ["pod CIDR", env.cluster.podCidr, ["cluster", "podCidr"]],
      ["service CIDR", env.cluster.serviceCidr, ["cluster", "serviceCidr"]]
    ];
    for (const [what, cidr, path] of networks) {
      const parsed = parseCidr(cidr);
      if (!parsed.ok) out.push(ctx.model(this.id, path, `${what}: ${parsed.reason}`, parsed.suggestion ? { hint: `did you mean ${parsed.suggestion}?` } : {}));
    }
    const { from, to } = env.ingress.pool;
    if (isIPv4(from) && isIPv4(to) && ipToInt(from) > ipToInt(to)) {
      out.push(ctx.model(this.id, ["ingress", "pool"], `MetalLB pool ${from}-${to} ends before it starts`, { hint: "swap from and to" }));
    }
    return out;
  }
};

// src/lint/rules/network/outside-lan.ts
var outsideLan = {
  id: "network/outside-lan",
  description: "every address of the environment is inside its LAN",
  check(ctx) {
    const lan = lanSpan(ctx);
    if (!lan) return [];
    return modelAddresses(ctx).flatMap((a) => {
      const ip = validIp(a.ip);
      if (ip === void 0 || spanContains(lan, ip)) return [];
      return [ctx.model(this.id, a.path, `${a.what} ${a.ip} is outside the LAN ${ctx.env.network.lan}`, { hint: `use an address between ${intToIp(lan.first + 1)} and ${intToIp(lan.last - 1)}` })];
    });
  }
};

// src/lint/rules/network/duplicate-node-ip.ts
var duplicateNodeIp = {
  id: "network/duplicate-node-ip",
  description: "node IPs are unique",
  check(ctx) {
    const first = /* @__PURE__ */ new Map();
    return ctx.env.nodes.flatMap((node, i) => {
      const owner = first.get(node.ip);
      if (owner === void 0) {
        first.set(node.ip, node.name);
        return [];
      }
      return [ctx.model(this.id, ["nodes", i, "ip"], `node ${node.name} has IP ${node.ip}, already used by node ${owner}`, { hint: "give each node its own address" })];
    });
  }
};

// src/lint/rules/network/vip-conflict.ts
var vipConflict = {
  id: "network/vip-conflict",
  description: "the API VIP is not a node IP and is outside every MetalLB pool",
  check(ctx) {
    const { env } = ctx;
    const vip = validIp(env.cluster.apiVip);
    if (vip === void 0) return [];
    const out = [];
    const node = env.nodes.find((n) => n.ip === env.cluster.apiVip);
    if (node) out.push(ctx.model(this.id, ["cluster", "apiVip"], `API VIP ${env.cluster.apiVip} is the IP of node ${node.name}`, { hint: "pick a free address outside the nodes and the pool" }));
    for (const pool of pools(ctx)) {
      if (spanContains(pool.span, vip)) {
        out.push(ctx.model(this.id, ["cluster", "apiVip"], `API VIP ${env.cluster.apiVip} is inside MetalLB pool ${formatSpan(pool.span)}`, { hint: "move the VIP or shrink the pool" }));
      }
    }
    return out;
  }
};

// src/lint/rules/network/pool-overlap.ts
var poolOverlap = {
  id: "network/pool-overlap",
  description: "MetalLB pools do not contain node IPs or the gateway, and do not overlap each other",
  check(ctx) {
    const { env } = ctx;
    const out = [];
    const report = (pool, message, hint) => out.push(pool.site ? ctx.at(this.id, pool.site, `${env.name}: ${message}`, { hint }) : ctx.model(this.id, ["ingress", "pool"], message, { hint }));
    const all = pools(ctx);
    all.forEach((pool, i) => {
      const range = formatSpan(pool.span);
      for (const node of env.nodes) {
        const ip = validIp(node.ip);
        if (ip !== void 0 && spanContains(pool.span, ip)) report(pool, `MetalLB pool ${range} contains node ${node.name} (${node.ip})`, "keep the pool clear of node addresses");
      }
      const gw = validIp(env.network.gateway);
      if (gw !== void 0 && spanContains(pool.span, gw)) report(pool, `MetalLB pool ${range} contains the gateway ${env.network.gateway}`, "keep the pool clear of the gateway");
      for (const other of all.slice(i + 1)) {
        if (spansOverlap(pool.span, other.span)) report(other, `MetalLB pool ${formatSpan(other.span)} overlaps pool ${range}`, "make the pools disjoint");
      }
    });
    return out;
  }
};

// src/lint/rules/network/lb-ip-outside-pool.ts
var lbIpOutsidePool = {
  id: "network/lb-ip-outside-pool",
  description: "every LoadBalancer IP requested in values or manifests is inside a MetalLB pool",
  check(ctx) {
    const all = pools(ctx);
    const ranges = all.map((p) => formatSpan(p.span)).join(", ") || "(none)";
    return lbRequests(ctx).flatMap(({ ip, site }) => {
      if (!isIPv4(ip)) return [ctx.at(this.id, site, `LoadBalancer IP "${ip}" is not an IPv4 address`, { hint: `use an address of the pool ${ranges}` })];
      const value = ipToInt(ip);
      if (all.some((p) => spanContains(p.span, value))) return [];
      return [ctx.at(this.id, site, `LoadBalancer IP ${ip} is outside the MetalLB pool ${ranges}`, { hint: `use an address of ${ranges} (the model's ingress.loadBalancerIps)` })];
    });
  }
};

// src/lint/rules/network/lb-ip-duplicate.ts
var lbIpDuplicate = {
  id: "network/lb-ip-duplicate",
  description: "every requested LoadBalancer IP is used once",
  check(ctx) {
    const first = /* @__PURE__ */ new Map();
    const out = [];
    for (const { ip, site } of lbRequests(ctx)) {
      const where = `${site.file.path}${site.pointer}`;
      const owner = first.get(ip);
      if (owner === void 0) first.set(ip, where);
      else out.push(ctx.at(this.id, site, `LoadBalancer IP ${ip} is also requested at ${owner}`, { hint: "give each LoadBalancer Service its own address" }));
    }
    return out;
  }
};

// src/lint/rules/network/cidr-overlap.ts
var cidrOverlap = {
  id: "network/cidr-overlap",
  description: "pod and service CIDRs do not overlap each other or the LAN",
  check(ctx) {
    const { env } = ctx;
    const nets = [
      ["pod CIDR", env.cluster.podCidr, ["cluster", "podCidr"]],
      ["service CIDR", env.cluster.serviceCidr, ["cluster", "serviceCidr"]],
      ["LAN", env.network.lan, ["network", "lan"]]
    ];
    const out = [];
    for (let i = 0; i < nets.length; i++) {
      for (let j = i + 1; j < nets.length; j++) {
        const [aName, aCidr, aPath] = nets[i];
        const [bName, bCidr] = nets[j];
        const a = parseCidr(aCidr);
        const b = parseCidr(bCidr);
        if (a.ok && b.ok && spansOverlap(a.span, b.span)) {
          out.push(ctx.model(this.id, aPath, `${aName} ${aCidr} overlaps ${bName} ${bCidr}`, { hint: "use disjoint networks (Kubespray's defaults are 10.233.64.0/18 and 10.233.0.0/18)" }));
        }
      }
    }
    return out;
  }
};

// src/lint/rules/network/index.ts
var networkRules = [invalidAddress, outsideLan, duplicateNodeIp, vipConflict, poolOverlap, lbIpOutsidePool, lbIpDuplicate, cidrOverlap];

// src/lint/rules/placement/node-selectors.ts
var HOSTNAME_LABEL = "kubernetes.io/hostname";
var TOML_PIN = /"kubernetes\.io\/hostname"\s*=\s*"([^"]*)"/g;
function nodePins(ctx) {
  const out = [];
  for (const { value, key, parent, site } of ctx.values()) {
    if (key === HOSTNAME_LABEL && typeof value === "string") out.push({ node: value, site, holder: parent });
    else if (isObject(value) && value.key === HOSTNAME_LABEL && Array.isArray(value.values) && (value.operator === "In" || value.operator === void 0)) {
      value.values.forEach((node, i) => typeof node === "string" && out.push({ node, site: { ...site, pointer: `${site.pointer}/values/${i}` }, holder: value }));
    } else if (typeof value === "string" && value.includes(HOSTNAME_LABEL)) {
      for (const match of value.matchAll(TOML_PIN)) out.push({ node: match[1] ?? "", site, holder: parent, text: new RegExp(`"kubernetes\\.io/hostname"\\s*=\\s*"${(match[1] ?? "").replace(/[^\w-]/g, "\\$&")}"`) });
    }
  }
  return out;
}

// src/lint/rules/placement/unknown-node.ts
var unknownNode = {
  id: "placement/unknown-node",
  description: "every node selector names a node of the environment",
  check(ctx) {
    const names = ctx.env.nodes.map((n) => n.name);
    const out = [];
    const hint = (node) => didYouMean(node, names) ?? `nodes of ${ctx.env.name}: ${names.join(", ")}`;
    const modelPins = [
      [ctx.env.components.kafkaUi.node, ["components", "kafkaUi", "node"]],
      [ctx.env.components.runner.node, ["components", "runner", "node"]]
    ];
    for (const [node, path] of modelPins) {
      if (!names.includes(node)) out.push(ctx.model(this.id, path, `node "${node}" is not a node of ${ctx.env.name}`, { hint: hint(node) }));
    }
    for (const pin of nodePins(ctx)) {
      if (names.includes(pin.node)) continue;
      const message = `node selector names "${pin.node}", which is not a node of ${ctx.env.name}`;
      out.push(pin.text ? ctx.atText(this.id, pin.site, pin.text, message, { hint: hint(pin.node) }) : ctx.at(this.id, pin.site, message, { hint: hint(pin.node) }));
    }
    return out;
  }
};

// src/lint/rules/placement/gpu-node.ts
var GPU_RESOURCE = "nvidia.com/gpu";
function requestsGpu(holder) {
  for (const { key } of walk(holder)) if (key === GPU_RESOURCE) return true;
  return false;
}
var gpuNode = {
  id: "placement/gpu-node",
  description: "GPU workloads run only on GPU nodes, and GPU support is enabled only where a GPU node exists",
  check(ctx) {
    const { env, platform } = ctx;
    const out = [];
    const gpuNodes = new Set(env.nodes.filter((n) => n.gpu).map((n) => n.name));
    const operator = platform.releases.find((r) => r.name === "gpu-operator");
    if (env.components.gpu.enabled && gpuNodes.size === 0) {
      out.push(ctx.model(this.id, ["components", "gpu", "enabled"], "GPU support is enabled but no node has a GPU", { hint: "set gpu: true on the GPU node, or disable components.gpu" }));
    }
    if (operator && isEnabled(env, operator) && !env.components.gpu.enabled) {
      out.push(ctx.model(this.id, ["disabled"], "the gpu-operator release is installed but components.gpu is disabled", { hint: 'add "gpu-operator" to disabled' }));
    }
    for (const { value, site } of ctx.values()) {
      if (!isObject(value) || !Array.isArray(value.containers) || !requestsGpu(value.containers)) continue;
      for (const pin of nodePins(ctx)) {
        if (pin.holder === value.nodeSelector && pin.site.file === site.file && !gpuNodes.has(pin.node)) {
          out.push(ctx.at(this.id, pin.site, `a pod requesting ${GPU_RESOURCE} is pinned to node "${pin.node}", which has no GPU`, { hint: `GPU nodes: ${[...gpuNodes].join(", ") || "none"}` }));
        }
      }
    }
    return out;
  }
};

// src/lint/rules/placement/index.ts
var placementRules = [unknownNode, gpuNode];

// src/lint/rules/storage/uses.ts
var CLASS_KEYS = /* @__PURE__ */ new Set(["storageClass", "storageClassName"]);
var DEFAULT_MARKERS = /* @__PURE__ */ new Set(["", "-"]);
function classUses(ctx) {
  const out = [];
  for (const { value, key, parent, site } of ctx.values()) {
    if (typeof key !== "string" || !CLASS_KEYS.has(key) || !isObject(parent)) continue;
    if (isObject(value) && typeof value.name === "string") out.push({ name: value.name, site: { ...site, pointer: `${site.pointer}/name` }, holder: parent });
    if (typeof value === "string" && !DEFAULT_MARKERS.has(value)) out.push({ name: value, site, holder: parent });
  }
  return out;
}
function modelClassUses(ctx) {
  const out = [];
  for (const { value, key, path } of walk(ctx.env.components)) {
    if (key === "storageClass" && typeof value === "string") out.push({ name: value, path: ["components", ...path] });
  }
  return out;
}

// src/lint/rules/storage/unknown-class.ts
var unknownClass = {
  id: "storage/unknown-class",
  description: "every storage class used exists in the environment",
  check(ctx) {
    const names = ctx.env.storageClasses.map((c) => c.name);
    const hint = (name) => didYouMean(name, names) ?? `classes of ${ctx.env.name}: ${names.join(", ")}`;
    const out = [];
    for (const use of modelClassUses(ctx)) {
      if (!names.includes(use.name)) out.push(ctx.model(this.id, use.path, `storage class "${use.name}" does not exist`, { hint: hint(use.name) }));
    }
    for (const use of classUses(ctx)) {
      if (!names.includes(use.name)) out.push(ctx.at(this.id, use.site, `storage class "${use.name}" does not exist in ${ctx.env.name}`, { hint: hint(use.name) }));
    }
    return out;
  }
};

// src/lint/rules/storage/rwx-class.ts
function wantsRwx(holder) {
  const modes = holder.accessModes ?? holder.accessMode;
  return Array.isArray(modes) ? modes.includes("ReadWriteMany") : modes === "ReadWriteMany";
}
var rwxClass = {
  id: "storage/rwx-class",
  description: "ReadWriteMany claims use only storage classes that support ReadWriteMany",
  check(ctx) {
    const out = [];
    const rwx = ctx.env.storageClasses.filter((c) => c.accessModes.includes("ReadWriteMany")).map((c) => c.name);
    for (const use of classUses(ctx)) {
      const cls = ctx.env.storageClasses.find((c) => c.name === use.name);
      if (!cls || !wantsRwx(use.holder) || cls.accessModes.includes("ReadWriteMany")) continue;
      out.push(ctx.at(this.id, use.site, `ReadWriteMany claim on storage class "${use.name}", which supports only ${cls.accessModes.join(", ")}`, { hint: `use an RWX class: ${rwx.join(", ") || "none in this environment"}` }));
    }
    return out;
  }
};

// src/lint/rules/storage/invalid-size.ts
var STORAGE_QUANTITY = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;
function suggest(size) {
  const m = /^(\d+(?:\.\d+)?)\s*([kKmMgGtTpP])i?[bB]?$/.exec(size.trim());
  return m ? `did you mean "${m[1]}${(m[2] ?? "").toUpperCase()}i"?` : 'write a quantity such as "20Gi"';
}
function isVolumeBlock(parent, path) {
  return Object.keys(parent).some((k) => CLASS_KEYS.has(k) || k === "accessModes" || k === "accessMode") || path.some((p) => typeof p === "string" && /persistence|volumeClaim|storage/i.test(p));
}
var invalidSize = {
  id: "storage/invalid-size",
  description: "every storage size is a valid Kubernetes quantity",
  check(ctx) {
    const out = [];
    for (const { value, key, path } of walk(ctx.env.components)) {
      if (key === "size" && typeof value === "string" && !STORAGE_QUANTITY.test(value)) {
        out.push(ctx.model(this.id, ["components", ...path], `size "${value}" is not a Kubernetes quantity`, { hint: suggest(value) }));
      }
    }
    for (const { value, key, parent, path, site } of ctx.values()) {
      if (typeof value !== "string" || !isObject(parent)) continue;
      const isRequest = key === "storage" && path.includes("requests");
      const isSize = key === "size" && isVolumeBlock(parent, path);
      if ((isRequest || isSize) && !STORAGE_QUANTITY.test(value)) {
        out.push(ctx.at(this.id, site, `size "${value}" is not a Kubernetes quantity`, { hint: suggest(value) }));
      }
    }
    return out;
  }
};

// src/lint/rules/storage/index.ts
var storageRules = [unknownClass, rwxClass, invalidSize];

// src/lint/rules/hosts/sources.ts
var HOST_RULE = /Host(?:SNI)?\(([^)]*)\)/g;
function hostsInRule(rule17) {
  const out = [];
  for (const match of rule17.matchAll(HOST_RULE)) {
    for (const quoted of (match[1] ?? "").matchAll(/[`"']([^`"']+)[`"']/g)) if (quoted[1] && quoted[1] !== "*") out.push(quoted[1]);
  }
  return out;
}
function sub(site, ...segments) {
  return { ...site, pointer: toPointer([...pointerSegments(site.pointer), ...segments]) };
}
function annotationIssuers(metaOrValues, site) {
  const annotations = isObject(metaOrValues) && isObject(metaOrValues.annotations) ? metaOrValues.annotations : {};
  const out = [];
  for (const [key, cluster] of [["cert-manager.io/cluster-issuer", true], ["cert-manager.io/issuer", false]]) {
    const name = annotations[key];
    if (typeof name === "string") out.push({ name, cluster, site: sub(site, "annotations", key) });
  }
  return out;
}
function strings(value) {
  return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
}
function tlsSecrets(tls) {
  if (Array.isArray(tls)) return tls.flatMap((t) => isObject(t) && typeof t.secretName === "string" ? [t.secretName] : []);
  if (isObject(tls) && typeof tls.secretName === "string") return [tls.secretName];
  return [];
}
function tlsOn(tls) {
  if (Array.isArray(tls)) return tls.length > 0;
  if (isObject(tls)) return tls.enabled !== false;
  return tls === true;
}
function kubeEndpoints(doc) {
  const { object, kind } = doc;
  const spec = isObject(object.spec) ? object.spec : {};
  const meta = isObject(object.metadata) ? object.metadata : {};
  const metaSite = sub(doc, "metadata");
  const issuers = annotationIssuers(meta, metaSite);
  const name = `${kind} ${String(meta.name)}`;
  if (kind === "Ingress") {
    const hosts = (Array.isArray(spec.rules) ? spec.rules : []).flatMap((r) => isObject(r) && typeof r.host === "string" ? [r.host] : []);
    return [{ site: doc, hosts, tls: tlsOn(spec.tls), secrets: tlsSecrets(spec.tls), issuers, what: name }];
  }
  if (kind === "IngressRoute") {
    const hosts = (Array.isArray(spec.routes) ? spec.routes : []).flatMap((r) => isObject(r) && typeof r.match === "string" ? hostsInRule(r.match) : []);
    const tls = isObject(spec.tls) ? spec.tls : void 0;
    return [{ site: doc, hosts, tls: tls !== void 0, secrets: tlsSecrets(tls), issuers, what: name }];
  }
  return [];
}
function valuesEndpoints(ctx) {
  const out = [];
  for (const file of ctx.deployed.filter((f) => f.kind === "values")) {
    file.docs.forEach((data, doc) => {
      for (const { value, path, key } of walk(data)) {
        if (!isObject(value) || typeof key !== "string" || !/ingress/i.test(key) || value.enabled === false) continue;
        const site = { file, doc, pointer: toPointer(path) };
        const hosts = [
          ...strings(value.hosts),
          ...(Array.isArray(value.hosts) ? value.hosts : []).flatMap((h) => isObject(h) && typeof h.host === "string" ? [h.host] : []),
          ...(Array.isArray(value.rules) ? value.rules : []).flatMap((r) => isObject(r) && typeof r.host === "string" ? [r.host] : []),
          ...typeof value.hostname === "string" ? [value.hostname] : [],
          ...typeof value.host === "string" ? [value.host] : []
        ];
        if (!hosts.length) continue;
        const tls = value.tls ?? value.extraTls;
        out.push({ site, hosts, tls: tlsOn(tls), secrets: [...tlsSecrets(value.tls), ...tlsSecrets(value.extraTls)], issuers: annotationIssuers(value, site), what: `${key} of ${file.release?.name ?? file.path}` });
      }
    });
  }
  return out;
}
function endpoints(ctx) {
  return [...ctx.kubeObjects.flatMap(kubeEndpoints), ...valuesEndpoints(ctx)];
}
function servedHosts(ctx) {
  const out = [];
  for (const e of endpoints(ctx)) for (const host of new Set(e.hosts)) out.push({ host, site: e.site, role: "route", owner: `${e.site.file.path}#${e.site.pointer}` });
  for (const doc of ctx.kubeObjects) {
    const spec = isObject(doc.object.spec) ? doc.object.spec : {};
    const owner = `${doc.file.path}#${doc.pointer}`;
    if (["HTTPRoute", "GRPCRoute", "TLSRoute"].includes(doc.kind)) {
      strings(spec.hostnames).forEach((host, i) => out.push({ host, site: sub(doc, "spec", "hostnames", i), role: "route", owner }));
    } else if (doc.kind === "Gateway" && Array.isArray(spec.listeners)) {
      spec.listeners.forEach((l, i) => isObject(l) && typeof l.hostname === "string" && out.push({ host: l.hostname, site: sub(doc, "spec", "listeners", i, "hostname"), role: "tls", owner }));
    } else if (doc.kind === "Certificate") {
      strings(spec.dnsNames).forEach((host, i) => out.push({ host, site: sub(doc, "spec", "dnsNames", i), role: "tls", owner }));
    }
  }
  for (const { value, key, site } of ctx.values()) {
    if (key === "matchRule" && typeof value === "string" && site.file.kind === "values") {
      for (const host of hostsInRule(value)) out.push({ host, site, role: "route", owner: `${site.file.path}#${site.pointer}` });
    }
  }
  return out;
}

// src/lint/rules/hosts/outside-domain.ts
var outsideDomain = {
  id: "hosts/outside-domain",
  description: "every host the environment serves is under its domain",
  check(ctx) {
    const domain = ctx.env.domain;
    return servedHosts(ctx).flatMap(({ host, site }) => {
      const bare = host.replace(/^\*\./, "");
      if (bare === domain || bare.endsWith(`.${domain}`)) return [];
      const label = host.split(".")[0] ?? host;
      return [ctx.at(this.id, site, `host "${host}" is not under ${domain}`, { hint: `did you mean "${label}.${domain}"?` })];
    });
  }
};

// src/lint/rules/hosts/duplicate-host.ts
var duplicateHost = {
  id: "hosts/duplicate",
  description: "every host is routed by one ingress or route only",
  check(ctx) {
    const first = /* @__PURE__ */ new Map();
    const out = [];
    for (const { host, site, role, owner } of servedHosts(ctx)) {
      if (role !== "route") continue;
      const seen = first.get(host);
      if (!seen) first.set(host, { owner, where: `${site.file.path}${site.pointer}` });
      else if (seen.owner !== owner) out.push(ctx.at(this.id, site, `host "${host}" is also routed at ${seen.where}`, { hint: "serve each host from one place" }));
    }
    return out;
  }
};

// src/lint/rules/hosts/index.ts
var hostRules = [outsideDomain, duplicateHost];

// src/lint/rules/tls/missing-tls.ts
function isRedirect(spec) {
  const rules2 = Array.isArray(spec.rules) ? spec.rules : [];
  return rules2.length > 0 && rules2.every((r) => isObject(r) && Array.isArray(r.filters) && r.filters.some((f) => isObject(f) && f.type === "RequestRedirect" && isObject(f.requestRedirect) && f.requestRedirect.scheme === "https"));
}
function listenerOf(gateways, ref, routeNs) {
  const ns = ref.namespace ?? routeNs;
  const gateway = gateways.find((g) => isObject(g.object.metadata) && g.object.metadata.name === ref.name && (ns === void 0 || g.object.metadata.namespace === void 0 || g.object.metadata.namespace === ns));
  if (!gateway || !isObject(gateway.object.spec) || !Array.isArray(gateway.object.spec.listeners)) return [];
  const listeners = gateway.object.spec.listeners.filter(isObject);
  return ref.sectionName === void 0 ? listeners : listeners.filter((l) => l.name === ref.sectionName);
}
var missingTls = {
  id: "tls/missing",
  description: "every ingress or route serves TLS",
  check(ctx) {
    const out = [];
    for (const e of endpoints(ctx)) {
      if (!e.tls) out.push(ctx.at(this.id, e.site, `${e.what} serves ${e.hosts.join(", ")} without TLS`, { hint: `add a tls block with a certificate from ${ctx.env.ingress.issuer}` }));
    }
    const gateways = ctx.kubeObjects.filter((d) => d.kind === "Gateway");
    for (const doc of ctx.kubeObjects) {
      if (doc.kind !== "HTTPRoute" || !isObject(doc.object.spec) || isRedirect(doc.object.spec)) continue;
      const refs = Array.isArray(doc.object.spec.parentRefs) ? doc.object.spec.parentRefs.filter(isObject) : [];
      const meta = isObject(doc.object.metadata) ? doc.object.metadata : {};
      refs.forEach((ref, i) => {
        for (const listener of listenerOf(gateways, ref, meta.namespace)) {
          const tls = isObject(listener.tls) && Array.isArray(listener.tls.certificateRefs) && listener.tls.certificateRefs.length > 0;
          if (listener.protocol === "HTTPS" && tls) continue;
          const pointer = toPointer([...pointerSegments(doc.pointer), "spec", "parentRefs", i]);
          out.push(ctx.at(this.id, { ...doc, pointer }, `HTTPRoute ${String(meta.name)} attaches to listener "${String(listener.name)}" of Gateway ${String(ref.name)}, which is ${String(listener.protocol)} without certificates`, { hint: "attach to an HTTPS listener (sectionName) or make the route an HTTPS redirect" }));
        }
      });
    }
    return out;
  }
};

// src/lint/rules/tls/issuers.ts
function issuerNames(ctx) {
  const names = /* @__PURE__ */ new Set();
  for (const doc of ctx.kubeObjects) {
    if ((doc.kind === "ClusterIssuer" || doc.kind === "Issuer") && doc.apiVersion.startsWith("cert-manager.io/") && isObject(doc.object.metadata)) {
      names.add(String(doc.object.metadata.name));
    }
  }
  return names;
}
function certificates(ctx) {
  const out = [];
  for (const doc of ctx.kubeObjects) {
    if (doc.kind !== "Certificate" || !isObject(doc.object.spec)) continue;
    const { secretName, issuerRef } = doc.object.spec;
    if (typeof secretName !== "string" || !isObject(issuerRef)) continue;
    out.push({
      secretName,
      issuer: String(issuerRef.name),
      issuerKind: String(issuerRef.kind ?? "Issuer"),
      site: { ...doc, pointer: toPointer([...pointerSegments(doc.pointer), "spec", "issuerRef", "name"]) }
    });
  }
  return out;
}

// src/lint/rules/tls/unknown-issuer.ts
var unknownIssuer = {
  id: "tls/unknown-issuer",
  description: "every TLS certificate comes from an issuer that exists in the environment",
  check(ctx) {
    const issuers = issuerNames(ctx);
    const known = [...issuers];
    const out = [];
    const hint = (name) => didYouMean(name, known) ?? `issuers of ${ctx.env.name}: ${known.join(", ") || "none"}`;
    const certs = certificates(ctx);
    for (const cert of certs) {
      if (!issuers.has(cert.issuer)) out.push(ctx.at(this.id, cert.site, `Certificate for secret ${cert.secretName} names ${cert.issuerKind} "${cert.issuer}", which does not exist`, { hint: hint(cert.issuer) }));
    }
    const fromCertificate = new Set(certs.map((c) => c.secretName));
    for (const e of endpoints(ctx)) {
      if (!e.tls) continue;
      for (const issuer of e.issuers) {
        if (!issuers.has(issuer.name)) out.push(ctx.at(this.id, issuer.site, `${e.what} asks cert-manager for issuer "${issuer.name}", which does not exist`, { hint: hint(issuer.name) }));
      }
      if (e.issuers.length) continue;
      const orphans = e.secrets.filter((s) => !fromCertificate.has(s));
      if (orphans.length || !e.secrets.length) {
        out.push(ctx.at(this.id, e.site, `${e.what} uses TLS ${orphans.length ? `secret ${orphans.join(", ")}` : "without a secret"} that no certificate from an issuer provides`, { hint: `add the annotation cert-manager.io/cluster-issuer: ${ctx.env.ingress.issuer}, or a Certificate for the secret` }));
      }
    }
    for (const doc of ctx.kubeObjects) {
      if (doc.kind !== "Gateway" || !isObject(doc.object.spec) || !Array.isArray(doc.object.spec.listeners)) continue;
      const meta = isObject(doc.object.metadata) ? doc.object.metadata : {};
      const annotated = isObject(meta.annotations) && (typeof meta.annotations["cert-manager.io/cluster-issuer"] === "string" || typeof meta.annotations["cert-manager.io/issuer"] === "string");
      if (annotated) {
        const anns = meta.annotations;
        const name = String(anns["cert-manager.io/cluster-issuer"] ?? anns["cert-manager.io/issuer"]);
        if (!issuers.has(name)) out.push(ctx.at(this.id, { ...doc, pointer: toPointer([...pointerSegments(doc.pointer), "metadata", "annotations"]) }, `Gateway ${String(meta.name)} asks for issuer "${name}", which does not exist`, { hint: hint(name) }));
        continue;
      }
      doc.object.spec.listeners.forEach((listener, i) => {
        if (!isObject(listener) || !isObject(listener.tls) || !Array.isArray(listener.tls.certificateRefs)) return;
        listener.tls.certificateRefs.forEach((ref, j) => {
          if (!isObject(ref) || fromCertificate.has(String(ref.name))) return;
          const pointer = toPointer([...pointerSegments(doc.pointer), "spec", "listeners", i, "tls", "certificateRefs", j, "name"]);
          out.push(ctx.at(this.id, { ...doc, pointer }, `listener "${String(listener.name)}" uses secret ${String(ref.name)}, which no Certificate from an issuer provides`, { hint: `add a Certificate for it from ${ctx.env.ingress.issuer}` }));
        });
      });
    }
    return out;
  }
};

// src/lint/rules/tls/index.ts
var tlsRules = [missingTls, unknownIssuer];

// src/lint/rules/ordering/crd-owners.ts
var CRD_GROUPS_BY_CHART = {
  "cert-manager": ["cert-manager.io", "acme.cert-manager.io"],
  metallb: ["metallb.io"],
  traefik: ["traefik.io", "hub.traefik.io", "gateway.networking.k8s.io"],
  "strimzi-kafka-operator": ["kafka.strimzi.io", "core.strimzi.io"],
  "kube-arangodb": ["database.arangodb.com", "apps.arangodb.com", "backup.arangodb.com", "replication.database.arangodb.com", "networking.arangodb.com"],
  "postgres-operator": ["acid.zalan.do"],
  "kube-prometheus-stack": ["monitoring.coreos.com"],
  "eck-operator": ["elasticsearch.k8s.elastic.co", "kibana.k8s.elastic.co", "beat.k8s.elastic.co", "agent.k8s.elastic.co", "apm.k8s.elastic.co", "logstash.k8s.elastic.co", "stackconfigpolicy.k8s.elastic.co", "autoscaling.k8s.elastic.co", "maps.k8s.elastic.co", "enterprisesearch.k8s.elastic.co"],
  keda: ["keda.sh", "eventing.keda.sh"],
  piraeus: ["piraeus.io"],
  "secrets-store-csi-driver": ["secrets-store.csi.x-k8s.io"],
  "argo-cd": ["argoproj.io"],
  "gpu-operator": ["nvidia.com"],
  minio: ["minio.min.io", "sts.min.io"]
};
function chartOfGroup(group) {
  return Object.entries(CRD_GROUPS_BY_CHART).find(([, groups]) => groups.includes(group))?.[0];
}

// src/lint/rules/ordering/crd-needs.ts
function transitiveNeeds(platform, name) {
  const seen = /* @__PURE__ */ new Set();
  const stack = [...platform.releases.find((r) => r.name === name)?.needs ?? []];
  while (stack.length) {
    const next = stack.pop();
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...platform.releases.find((r) => r.name === next)?.needs ?? []);
  }
  return seen;
}
var crdNeeds = {
  id: "ordering/crd-needs",
  description: "every custom resource's release needs, directly or transitively, the release that installs its CRD",
  check(ctx) {
    const { platform, env } = ctx;
    const out = [];
    const reported = /* @__PURE__ */ new Set();
    for (const doc of ctx.kubeObjects) {
      const release = doc.file.release;
      const slash = doc.apiVersion.indexOf("/");
      if (!release || slash < 0) continue;
      const group = doc.apiVersion.slice(0, slash);
      const chart = chartOfGroup(group);
      if (!chart) continue;
      const installers = platform.releases.filter((r) => r.chart !== "local" && r.chart.name === chart && isEnabled(env, r));
      if (installers.some((r) => r.name === release.name)) continue;
      const needs = transitiveNeeds(platform, release.name);
      if (installers.some((r) => needs.has(r.name))) continue;
      const key = `${release.name} ${group}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const installer = installers[0]?.name;
      out.push(ctx.at(this.id, doc, `${doc.kind} (${group}) in release ${release.name}, which does not need ${installer ?? `a release of chart ${chart}`} that installs its CRD`, { hint: installer ? `add "${installer}" to needs of ${release.name}` : `install chart ${chart} in ${env.name}` }));
    }
    return out;
  }
};

// src/lint/rules/ordering/needs-cycle.ts
var needsCycle = {
  id: "ordering/needs-cycle",
  description: "release needs name existing releases and form no cycle",
  check(ctx) {
    const { platform } = ctx;
    const names = platform.releases.map((r) => r.name);
    const out = [];
    const at = (i, j, message, hint) => ({
      rule: this.id,
      severity: "error",
      message,
      file: ctx.modelFile,
      pointer: toPointer(j === void 0 ? ["releases", i, "needs"] : ["releases", i, "needs", j]),
      hint
    });
    platform.releases.forEach(
      (r, i) => r.needs.forEach((n, j) => {
        if (!names.includes(n)) out.push(at(i, j, `release ${r.name} needs "${n}", which is not a release`, didYouMean(n, names) ?? "name an existing release"));
      })
    );
    const state = /* @__PURE__ */ new Map();
    const reported = /* @__PURE__ */ new Set();
    const visit = (name, path) => {
      if (state.get(name) === "done") return;
      if (state.get(name) === "visiting") {
        const cycle = [...path.slice(path.indexOf(name)), name];
        const key = [...cycle].sort().join(",");
        if (!reported.has(key)) {
          reported.add(key);
          const i = names.indexOf(name);
          out.push(at(i, void 0, `needs form a cycle: ${cycle.join(" -> ")}`, "remove one of these needs"));
        }
        return;
      }
      state.set(name, "visiting");
      for (const n of platform.releases.find((r) => r.name === name)?.needs ?? []) if (names.includes(n)) visit(n, [...path, name]);
      state.set(name, "done");
    };
    for (const name of names) visit(name, []);
    return out;
  }
};

// src/lint/rules/ordering/index.ts
var orderingRules = [crdNeeds, needsCycle];

// src/lint/rules/secrets/literal-secret.ts
var SECRET_KEY = /(password|passwd|passphrase|token|apikey|api_key|secretkey|secret_key|accesskey|access_key|privatekey|private_key|credentials?|clientsecret|client_secret)$/i;
var REFERENCE_KEY = /(^existing|secretname$|secretref$|ref$|name$|file$|path$|^secret$|secret$|key$|keys$)/i;
var REFERENCE_VALUE = /^(\$\{.*\}|\{\{.*\}\}|\$__file\{.*\}|\$__env\{.*\}|vault:.*|file:.*|env:.*|secret:.*|\/.*)$/;
function literal(value) {
  return typeof value === "string" && value.trim() !== "" && !REFERENCE_VALUE.test(value.trim());
}
var literalSecret = {
  id: "secrets/literal",
  description: "no literal secret value (password, token, key, credentials) in any generated file",
  check(ctx) {
    const out = [];
    const hint = "reference an existing Secret (existingSecret, secretKeyRef) or a Vault path instead (A13)";
    for (const { value, key, parent, site } of ctx.values()) {
      if (key === "value" && isObject(parent) && typeof parent.name === "string" && SECRET_KEY.test(parent.name) && literal(value)) {
        out.push(ctx.at(this.id, site, `env ${parent.name} has a literal value`, { hint }));
      } else if (typeof key === "string" && SECRET_KEY.test(key) && !REFERENCE_KEY.test(key) && literal(value)) {
        out.push(ctx.at(this.id, site, `"${key}" has a literal value`, { hint }));
      }
    }
    for (const doc of ctx.kubeObjects) {
      if (doc.kind !== "Secret") continue;
      for (const field of ["data", "stringData"]) {
        if (isObject(doc.object[field]) && Object.keys(doc.object[field]).length) {
          out.push(ctx.at(this.id, { ...doc, pointer: `${doc.pointer}/${field}` }, `Secret carries literal ${field}`, { hint }));
        }
      }
    }
    return out;
  }
};

// src/lint/rules/secrets/index.ts
var secretRules = [literalSecret];

// src/lint/rules/images/unpinned.ts
function imageTag(image) {
  if (image.includes("@")) return "@digest";
  const last = image.slice(image.lastIndexOf("/") + 1);
  const colon = last.indexOf(":");
  return colon < 0 ? void 0 : last.slice(colon + 1);
}
var unpinnedImage = {
  id: "images/unpinned",
  description: "every image tag that is set is pinned: not empty and not latest",
  check(ctx) {
    const out = [];
    for (const { value, key, parent, site } of ctx.values()) {
      if (key === "tag" && isObject(parent) && ("repository" in parent || "registry" in parent || "image" in parent)) {
        const tag = typeof value === "number" ? String(value) : value;
        if (tag === "" || tag === "latest") out.push(ctx.at(this.id, site, `image tag is ${tag === "" ? "empty" : '"latest"'}`, { hint: "pin an exact version, or leave the key out to use the chart's appVersion" }));
      } else if (key === "image" && typeof value === "string") {
        const tag = imageTag(value);
        const inPod = site.file.kind === "manifest";
        if (tag === "latest" || tag === "" || tag === void 0 && inPod) {
          out.push(ctx.at(this.id, site, `image "${value}" is not pinned${tag === void 0 ? " (no tag means latest)" : ""}`, { hint: "use repository:version" }));
        }
      }
    }
    return out;
  }
};

// src/lint/rules/images/index.ts
var imageRules = [unpinnedImage];

// src/lint/rules/privileged/exception.ts
var TOML_PRIVILEGED = /^\s*privileged\s*=\s*true\b/m;
function privilegedExceptions(env) {
  const out = /* @__PURE__ */ new Map();
  const runner = env.components.runner;
  if (runner.privileged && runner.privilegedReason.trim() !== "") out.set("gitlab-runner", runner.privilegedReason);
  return out;
}
var privilegedException = {
  id: "privileged/exception",
  description: "privileged containers only where the model declares an exception with a reason (reported as a warning)",
  check(ctx) {
    const allowed = privilegedExceptions(ctx.env);
    const out = [];
    for (const { value, key, site } of ctx.values()) {
      const inText = typeof value === "string" && TOML_PRIVILEGED.test(value);
      if (!inText && !(key === "privileged" && value === true)) continue;
      const release = site.file.release?.name;
      const reason = release ? allowed.get(release) : void 0;
      const report = (message, options) => inText ? ctx.atText(this.id, site, /privileged\s*=\s*true/, message, options) : ctx.at(this.id, site, message, options);
      if (reason) out.push(report(`${release} runs privileged containers: ${reason}`, { severity: "warning" }));
      else out.push(report(`privileged container in ${release ?? site.file.path} without an exception in the model`, { hint: "drop privileged, or declare the exception and its reason in the model" }));
    }
    if (ctx.env.components.runner.privileged && ctx.env.components.runner.privilegedReason.trim() === "") {
      out.push(ctx.model(this.id, ["components", "runner", "privilegedReason"], "the runner is privileged but the model gives no reason", { hint: "state why in components.runner.privilegedReason" }));
    }
    return out;
  }
};

// src/lint/rules/privileged/index.ts
var privilegedRules = [privilegedException];

// src/lint/rules/versions/sites.ts
function versionSite(ctx, release) {
  const file = ctx.files.find((f) => f.path === `environments/${ctx.env.name}.yaml`);
  return file ? { file, doc: 0, pointer: `/${release}/version` } : void 0;
}
function atVersion(ctx, rule17, release, message, options = {}) {
  const site = versionSite(ctx, release);
  return site ? ctx.at(rule17, site, message, options) : ctx.model(rule17, ["versions", release], message, options);
}
function factsOf(ctx, release) {
  const version = ctx.env.versions[release];
  return version === void 0 ? void 0 : ctx.platform.chartFacts?.[release]?.[version];
}

// src/lint/rules/versions/exact-pin.ts
var EXACT = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
function usesV(versions) {
  const known = versions.filter((v) => EXACT.test(v));
  if (known.length === 0) return void 0;
  return known.every((v) => v.startsWith("v")) ? true : known.every((v) => !v.startsWith("v")) ? false : void 0;
}
var exactPin = {
  id: "versions/exact-pin",
  description: "chart versions are exact pins (no ranges, no latest), in the chart's own format",
  check(ctx) {
    const out = [];
    for (const release of ctx.platform.releases) {
      if (release.chart === "local") continue;
      const version = ctx.env.versions[release.name];
      if (version === void 0) {
        out.push(ctx.model(this.id, ["versions"], `no version pinned for release ${release.name}`, { hint: `add "${release.name}" to the version catalogue` }));
        continue;
      }
      if (!EXACT.test(version)) {
        out.push(atVersion(ctx, this.id, release.name, `${release.name} version "${version}" is not an exact pin`, { hint: "pin one published version, e.g. 1.2.3; ranges and latest are not allowed" }));
        continue;
      }
      const v = usesV(Object.keys(ctx.platform.chartFacts?.[release.name] ?? {}).filter((known) => known !== version));
      if (v !== void 0 && v !== version.startsWith("v")) {
        const fixed = v ? `v${version}` : version.slice(1);
        out.push(atVersion(ctx, this.id, release.name, `${release.name} version "${version}" is not in the chart's format`, { hint: `did you mean "${fixed}"?` }));
      }
    }
    return out;
  }
};

// src/lint/rules/versions/kube-version.ts
import semver from "semver";
var kubeVersionAccepted = {
  id: "versions/kube-version",
  description: "each chart's kubeVersion constraint accepts the environment's Kubernetes version",
  check(ctx) {
    const out = [];
    const kube = ctx.env.cluster.kubernetesVersion;
    for (const release of ctx.platform.releases) {
      if (release.chart === "local" || !isEnabled(ctx.env, release)) continue;
      const facts = factsOf(ctx, release.name);
      const version = ctx.env.versions[release.name];
      if (facts === void 0) {
        out.push(atVersion(ctx, this.id, release.name, `no facts recorded for ${release.name} ${version}: its kubeVersion cannot be checked`, { severity: "warning", hint: "record the chart's kubeVersion in the version catalogue" }));
        continue;
      }
      if (facts.kubeVersion === void 0) continue;
      if (!semver.validRange(facts.kubeVersion)) {
        out.push(atVersion(ctx, this.id, release.name, `${release.name} ${version} has an unreadable kubeVersion "${facts.kubeVersion}"`));
      } else if (!semver.satisfies(kube, facts.kubeVersion, { includePrerelease: true })) {
        out.push(atVersion(ctx, this.id, release.name, `${release.name} ${version} requires Kubernetes ${facts.kubeVersion}, but ${ctx.env.name} runs ${kube}`, { hint: "pick a chart version that supports the cluster, or upgrade the cluster first" }));
      }
    }
    return out;
  }
};

// src/lint/rules/versions/retired-api.ts
import semver2 from "semver";

// src/lint/rules/versions/kube-apis.ts
var RETIRED_APIS = [
  { apiVersion: "extensions/v1beta1", kinds: ["Deployment", "DaemonSet", "ReplicaSet", "NetworkPolicy", "PodSecurityPolicy"], deprecated: 9, removed: 16, replacement: "apps/v1, networking.k8s.io/v1" },
  { apiVersion: "apps/v1beta1", kinds: ["Deployment", "StatefulSet", "ReplicaSet"], deprecated: 9, removed: 16, replacement: "apps/v1" },
  { apiVersion: "apps/v1beta2", kinds: ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"], deprecated: 9, removed: 16, replacement: "apps/v1" },
  { apiVersion: "extensions/v1beta1", kinds: ["Ingress"], deprecated: 14, removed: 22, replacement: "networking.k8s.io/v1" },
  { apiVersion: "networking.k8s.io/v1beta1", kinds: ["Ingress", "IngressClass"], deprecated: 19, removed: 22, replacement: "networking.k8s.io/v1" },
  { apiVersion: "admissionregistration.k8s.io/v1beta1", kinds: ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"], deprecated: 16, removed: 22, replacement: "admissionregistration.k8s.io/v1" },
  { apiVersion: "apiextensions.k8s.io/v1beta1", kinds: ["CustomResourceDefinition"], deprecated: 16, removed: 22, replacement: "apiextensions.k8s.io/v1" },
  { apiVersion: "apiregistration.k8s.io/v1beta1", kinds: ["APIService"], deprecated: 19, removed: 22, replacement: "apiregistration.k8s.io/v1" },
  { apiVersion: "certificates.k8s.io/v1beta1", kinds: ["CertificateSigningRequest"], deprecated: 19, removed: 22, replacement: "certificates.k8s.io/v1" },
  { apiVersion: "coordination.k8s.io/v1beta1", kinds: ["Lease"], deprecated: 19, removed: 22, replacement: "coordination.k8s.io/v1" },
  { apiVersion: "rbac.authorization.k8s.io/v1beta1", kinds: ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"], deprecated: 17, removed: 22, replacement: "rbac.authorization.k8s.io/v1" },
  { apiVersion: "scheduling.k8s.io/v1beta1", kinds: ["PriorityClass"], deprecated: 14, removed: 22, replacement: "scheduling.k8s.io/v1" },
  { apiVersion: "storage.k8s.io/v1beta1", kinds: ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"], deprecated: 19, removed: 22, replacement: "storage.k8s.io/v1" },
  { apiVersion: "batch/v1beta1", kinds: ["CronJob"], deprecated: 21, removed: 25, replacement: "batch/v1" },
  { apiVersion: "discovery.k8s.io/v1beta1", kinds: ["EndpointSlice"], deprecated: 21, removed: 25, replacement: "discovery.k8s.io/v1" },
  { apiVersion: "events.k8s.io/v1beta1", kinds: ["Event"], deprecated: 19, removed: 25, replacement: "events.k8s.io/v1" },
  { apiVersion: "autoscaling/v2beta1", kinds: ["HorizontalPodAutoscaler"], deprecated: 22, removed: 25, replacement: "autoscaling/v2" },
  { apiVersion: "policy/v1beta1", kinds: ["PodDisruptionBudget"], deprecated: 21, removed: 25, replacement: "policy/v1" },
  { apiVersion: "policy/v1beta1", kinds: ["PodSecurityPolicy"], deprecated: 21, removed: 25, replacement: "Pod Security Admission" },
  { apiVersion: "node.k8s.io/v1beta1", kinds: ["RuntimeClass"], deprecated: 20, removed: 25, replacement: "node.k8s.io/v1" },
  { apiVersion: "autoscaling/v2beta2", kinds: ["HorizontalPodAutoscaler"], deprecated: 23, removed: 26, replacement: "autoscaling/v2" },
  { apiVersion: "flowcontrol.apiserver.k8s.io/v1beta1", kinds: ["FlowSchema", "PriorityLevelConfiguration"], deprecated: 23, removed: 26, replacement: "flowcontrol.apiserver.k8s.io/v1" },
  { apiVersion: "storage.k8s.io/v1beta1", kinds: ["CSIStorageCapacity"], deprecated: 24, removed: 27, replacement: "storage.k8s.io/v1" },
  { apiVersion: "flowcontrol.apiserver.k8s.io/v1beta2", kinds: ["FlowSchema", "PriorityLevelConfiguration"], deprecated: 26, removed: 29, replacement: "flowcontrol.apiserver.k8s.io/v1" },
  { apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3", kinds: ["FlowSchema", "PriorityLevelConfiguration"], deprecated: 29, removed: 32, replacement: "flowcontrol.apiserver.k8s.io/v1" }
];
function retirement(apiVersion, kind, minor) {
  const api = RETIRED_APIS.find((a) => a.apiVersion === apiVersion && a.kinds.includes(kind));
  if (!api || minor < api.deprecated) return void 0;
  return { state: minor >= api.removed ? "removed" : "deprecated", api };
}

// src/lint/rules/versions/retired-api.ts
var retiredApi = {
  id: "versions/retired-api",
  description: "generated manifests use no Kubernetes API removed (error) or deprecated (warning) in the environment's version",
  check(ctx) {
    const out = [];
    const kube = semver2.parse(ctx.env.cluster.kubernetesVersion);
    if (!kube) return out;
    for (const doc of ctx.kubeObjects) {
      const found = retirement(doc.apiVersion, doc.kind, kube.minor);
      if (!found) continue;
      const { state, api } = found;
      out.push(
        ctx.at(this.id, { ...doc, pointer: `${doc.pointer}/apiVersion` }, `${doc.kind} ${doc.apiVersion} is ${state === "removed" ? "no longer served" : "deprecated"} in Kubernetes ${kube.major}.${kube.minor} (${state} since 1.${state === "removed" ? api.removed : api.deprecated})`, {
          severity: state === "removed" ? "error" : "warning",
          hint: `use ${api.replacement}`
        })
      );
    }
    return out;
  }
};

// src/lint/rules/versions/crd-served.ts
function isBuiltIn(group) {
  if (!group.includes(".")) return true;
  if (group.endsWith(".x-k8s.io")) return false;
  return group.endsWith(".k8s.io") && group !== "gateway.networking.k8s.io";
}
var crdServed = {
  id: "versions/crd-served",
  description: "every custom resource's apiVersion is served by the pinned release that installs its CRD",
  check(ctx) {
    const out = [];
    const servedBy = /* @__PURE__ */ new Map();
    for (const release of ctx.platform.releases) {
      if (release.chart === "local" || !isEnabled(ctx.env, release)) continue;
      for (const apiVersion of factsOf(ctx, release.name)?.crdApiVersions ?? []) {
        const group = apiVersion.split("/")[0];
        const list = servedBy.get(group) ?? [];
        const entry = list.find((e) => e.release === release.name) ?? { release: release.name, versions: [] };
        if (!list.includes(entry)) list.push(entry);
        entry.versions.push(apiVersion);
        servedBy.set(group, list);
      }
    }
    for (const doc of ctx.kubeObjects) {
      const group = doc.apiVersion.includes("/") ? doc.apiVersion.split("/")[0] : "";
      if (isBuiltIn(group)) continue;
      const installers = servedBy.get(group);
      const site = { ...doc, pointer: `${doc.pointer}/apiVersion` };
      if (!installers) {
        out.push(ctx.at(this.id, site, `no release of ${ctx.env.name} installs CRDs of group ${group} (${doc.kind})`, { hint: "record the group's API versions on the release that installs the CRD (crdApiVersions in the catalogue)" }));
      } else if (!installers.some((i) => i.versions.includes(doc.apiVersion))) {
        const served = installers.flatMap((i) => i.versions.map((v) => `${v} (${i.release} ${ctx.env.versions[i.release]})`));
        out.push(ctx.at(this.id, site, `${doc.kind} ${doc.apiVersion} is not served by the pinned operator`, { hint: `served: ${served.join(", ")}` }));
      }
    }
    return out;
  }
};

// src/lint/rules/versions/strimzi-kraft.ts
import semver3 from "semver";
var KRAFT_ONLY_FROM = "0.46.0";
var SOURCE = "Strimzi 0.46.0 release notes: ZooKeeper-based clusters are no longer supported";
var strimziKraft = {
  id: "versions/strimzi-kraft",
  description: "Kafka clusters run KRaft with node pools when Strimzi is 0.46 or newer (no ZooKeeper)",
  check(ctx) {
    const out = [];
    const operator = ctx.platform.releases.find((r) => r.chart !== "local" && r.chart.name === "strimzi-kafka-operator");
    const version = operator ? ctx.env.versions[operator.name] : void 0;
    const sv = version ? semver3.coerce(version) : null;
    if (!operator || !sv || semver3.lt(sv, KRAFT_ONLY_FROM)) return out;
    const pools2 = ctx.kubeObjects.filter((d) => d.kind === "KafkaNodePool" && d.apiVersion.startsWith("kafka.strimzi.io/"));
    for (const doc of ctx.kubeObjects) {
      if (doc.kind !== "Kafka" || !doc.apiVersion.startsWith("kafka.strimzi.io/")) continue;
      const meta = isObject(doc.object.metadata) ? doc.object.metadata : {};
      const name = String(meta.name ?? "");
      const annotations = isObject(meta.annotations) ? meta.annotations : {};
      const spec = isObject(doc.object.spec) ? doc.object.spec : {};
      const hint = `Strimzi ${version} needs KRaft (${SOURCE})`;
      if ("zookeeper" in spec) out.push(ctx.at(this.id, { ...doc, pointer: `${doc.pointer}/spec/zookeeper` }, `Kafka ${name} configures ZooKeeper`, { hint }));
      for (const key of ["strimzi.io/kraft", "strimzi.io/node-pools"]) {
        if (annotations[key] !== "enabled") {
          out.push(ctx.at(this.id, { ...doc, pointer: `${doc.pointer}/metadata` }, `Kafka ${name} lacks the annotation ${key}: enabled`, { hint }));
        }
      }
      const own = pools2.filter((p) => {
        const labels = isObject(p.object.metadata) && isObject(p.object.metadata.labels) ? p.object.metadata.labels : {};
        return labels["strimzi.io/cluster"] === name;
      });
      const roles = own.flatMap((p) => isObject(p.object.spec) && Array.isArray(p.object.spec.roles) ? p.object.spec.roles : []);
      if (!roles.includes("controller")) {
        out.push(ctx.at(this.id, { ...doc, pointer: `${doc.pointer}/metadata/name` }, `Kafka ${name} has no KafkaNodePool with the controller role`, { hint }));
      }
    }
    return out;
  }
};

// src/lint/rules/versions/glusterfs.ts
import semver4 from "semver";
var REMOVED_IN = "1.26.0";
var glusterfsInTree = {
  id: "versions/glusterfs-in-tree",
  description: "no StorageClass uses the in-tree GlusterFS provisioner (removed in Kubernetes 1.26); external GlusterFS classes are static",
  check(ctx) {
    const out = [];
    const removed = semver4.gte(ctx.env.cluster.kubernetesVersion, REMOVED_IN);
    for (const doc of ctx.kubeObjects) {
      if (doc.kind !== "StorageClass" || doc.object.provisioner !== "kubernetes.io/glusterfs" || !removed) continue;
      out.push(
        ctx.at(this.id, { ...doc, pointer: `${doc.pointer}/provisioner` }, `StorageClass uses kubernetes.io/glusterfs, which Kubernetes ${ctx.env.cluster.kubernetesVersion} no longer has`, {
          hint: "model the class as glusterfs-external (static PersistentVolumes), or use a CSI driver"
        })
      );
    }
    ctx.env.storageClasses.forEach((cls, i) => {
      if (cls.provisioner !== "glusterfs-external") return;
      out.push(
        ctx.model(this.id, ["storageClasses", i, "provisioner"], `storage class ${cls.name} is static: nothing provisions GlusterFS volumes since Kubernetes 1.26`, {
          severity: "warning",
          hint: "create its PersistentVolumes by hand (or move the claims to nfs-client)"
        })
      );
    });
    return out;
  }
};

// src/lint/rules/versions/gateway-channel.ts
var EXPERIMENTAL = /* @__PURE__ */ new Set(["TCPRoute", "TLSRoute", "UDPRoute", "BackendTLSPolicy", "XListenerSet", "XBackendTrafficPolicy"]);
var gatewayExperimental = {
  id: "versions/gateway-experimental",
  description: "Gateway API TCPRoute/TLSRoute/UDPRoute need the experimental channel, which the platform does not install",
  check(ctx) {
    const out = [];
    for (const doc of ctx.kubeObjects) {
      const group = doc.apiVersion.split("/")[0] ?? "";
      if (!group.startsWith("gateway.networking.") || !EXPERIMENTAL.has(doc.kind)) continue;
      out.push(
        ctx.at(this.id, { ...doc, pointer: `${doc.pointer}/kind` }, `${doc.kind} (${doc.apiVersion}) is only in the Gateway API experimental channel`, {
          hint: "route TCP with Traefik's IngressRouteTCP (traefik.io/v1alpha1), as the platform does for ssh and kafka"
        })
      );
    }
    return out;
  }
};

// src/lint/rules/versions/index.ts
var versionRules = [exactPin, kubeVersionAccepted, retiredApi, crdServed, strimziKraft, glusterfsInTree, gatewayExperimental];

// src/lint/rules/dns/records.ts
function recordsByName(platform, env) {
  const out = /* @__PURE__ */ new Map();
  for (const record of dnsRecords(platform, env)) out.set(record.name, [...out.get(record.name) ?? [], record]);
  return out;
}
function hasRecord(byName, host) {
  if (!host.startsWith("*.")) return byName.has(host);
  const base = host.slice(2);
  return [...byName.keys()].some((name) => name !== base && isUnder(name, base));
}
function atRecord(ctx, rule17, record, message, hint) {
  const zone = zoneNameOf(ctx.env, record.name);
  const path = zoneFilePath(ctx.env.name, zone);
  const owner = record.name === zone ? "@" : record.name.slice(0, -(zone.length + 1));
  const lines = ctx.files.find((f) => f.path === path)?.text.split("\n") ?? [];
  const index = lines.findIndex((line) => {
    const fields = line.split(/\s+/);
    return fields[0] === owner && fields.includes("A") && fields.includes(record.address);
  });
  return {
    rule: rule17,
    severity: "error",
    message: `${ctx.env.name}: ${message}`,
    file: path,
    ...index >= 0 ? { position: { line: index + 1, column: 1 } } : {},
    hint: hint ?? `the record comes from the model's ${describeSource(record.source)}`
  };
}

// src/lint/rules/dns/host-has-record.ts
function siteDomains(domain) {
  const labels = domain.split(".");
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join("."));
}
var escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function hostsIn(text, domains) {
  const suffix = domains.map(escape).join("|");
  const pattern = new RegExp(`(?<![@\\w.-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:${suffix}))(?![\\w-]|\\.[a-z0-9])`, "gi");
  return [...text.matchAll(pattern)].map((m) => (m[1] ?? "").toLowerCase());
}
var hostHasRecord = {
  id: "dns/host-without-record",
  description: "every host named in generated values or manifests has a DNS record",
  check(ctx) {
    const byName = recordsByName(ctx.platform, ctx.env);
    const domains = siteDomains(ctx.env.domain);
    const out = [];
    for (const { value, site } of ctx.values()) {
      if (typeof value !== "string") continue;
      for (const host of new Set(hostsIn(value, domains))) {
        if (domains.includes(host) || hasRecord(byName, host)) continue;
        out.push(ctx.at(this.id, site, `host "${host}" has no DNS record in ${ctx.env.name}`, { hint: "add it to the model (a web UI, a node or an external host) so dns/ gets a record" }));
      }
    }
    return out;
  }
};

// src/lint/rules/dns/conflicting-records.ts
var conflictingRecords = {
  id: "dns/conflicting-records",
  description: "no two DNS records of one name disagree on the address",
  check(ctx) {
    const out = [];
    for (const [name, records] of recordsByName(ctx.platform, ctx.env)) {
      const [first, ...rest] = records;
      if (!first) continue;
      for (const other of rest.filter((r) => r.address !== first.address)) {
        out.push(
          atRecord(
            ctx,
            this.id,
            other,
            `${name} resolves to ${other.address} (${describeSource(other.source)}) and to ${first.address} (${describeSource(first.source)})`,
            "rename one of them in the model, or give them the same address"
          )
        );
      }
    }
    return out;
  }
};

// src/lint/rules/dns/record-outside-lan.ts
var recordOutsideLan = {
  id: "dns/record-outside-lan",
  description: "every DNS record's address is inside the environment's LAN",
  check(ctx) {
    const lan = cidrSpan(ctx.env.network.lan);
    return dnsRecords(ctx.platform, ctx.env).filter((r) => !isIPv4(r.address) || !spanContains(lan, ipToInt(r.address))).map(
      (r) => atRecord(ctx, this.id, r, `${r.name} -> ${r.address} is outside the LAN ${ctx.env.network.lan}`, `fix the address of the model's ${describeSource(r.source)}`)
    );
  }
};

// src/lint/rules/dns/tls-host-has-record.ts
var tlsHostHasRecord = {
  id: "dns/tls-host-without-record",
  description: "every certificate or TLS host has a DNS record, and web UIs point at the ingress",
  check(ctx) {
    const byName = recordsByName(ctx.platform, ctx.env);
    const ingress = new Set(Object.values(ctx.env.ingress.loadBalancerIps).filter((ip) => ip !== ctx.env.ingress.loadBalancerIps.dns));
    const out = [];
    for (const { ui, fqdn } of webHosts(ctx.env)) {
      const addresses = (byName.get(fqdn) ?? []).map((r) => r.address);
      if (addresses.length && addresses.every((a) => ingress.has(a))) continue;
      const found = addresses.length ? `resolves to ${addresses.join(", ")}, not only to an ingress IP (${[...ingress].join(", ")})` : "has no DNS record";
      out.push(ctx.model(this.id, ["ingress", "hosts", ui], `web UI host ${hostOf(ctx.env, ui)} ${found}`, { hint: "web UIs are served with TLS by the ingress (A11)" }));
    }
    const tlsSites = [
      ...servedHosts(ctx).filter((h) => h.role === "tls").map((h) => ({ host: h.host, site: h.site })),
      ...endpoints(ctx).filter((e) => e.tls).flatMap((e) => e.hosts.map((host) => ({ host, site: e.site })))
    ];
    const seen = /* @__PURE__ */ new Set();
    for (const { host, site } of tlsSites) {
      const key = `${host}@${site.file.path}#${site.pointer}`;
      if (seen.has(key) || hasRecord(byName, host)) continue;
      seen.add(key);
      out.push(ctx.at(this.id, site, `TLS host "${host}" has no DNS record in ${ctx.env.name}`, { hint: "add the host to the model so dns/ gets a record" }));
    }
    return out;
  }
};

// src/lint/rules/dns/index.ts
var dnsRules = [hostHasRecord, conflictingRecords, recordOutsideLan, tlsHostHasRecord];

// src/lint/rules/index.ts
var rules = [
  ...networkRules,
  ...placementRules,
  ...storageRules,
  ...hostRules,
  ...tlsRules,
  ...orderingRules,
  ...secretRules,
  ...imageRules,
  ...privilegedRules,
  ...versionRules,
  ...dnsRules
];

// src/kubespray/known-vars.ts
import { readFileSync } from "node:fs";

// src/schema/kubespray-vars.ts
import { parse as parse2 } from "yaml";
function knownVarsPath(tag) {
  return `schema/kubespray/${tag}/known-vars.json`;
}

// src/kubespray/known-vars.ts
var cache = /* @__PURE__ */ new Map();
function knownVars(tag) {
  let vars = cache.get(tag);
  if (!vars) {
    const url = new URL(`../../${knownVarsPath(tag)}`, import.meta.url);
    try {
      vars = JSON.parse(readFileSync(url, "utf8"));
    } catch {
      throw new Error(`no derived variable list for Kubespray ${tag} (${knownVarsPath(tag)}); run \`npx tsx scripts/derive-infra-schemas.ts\``);
    }
    cache.set(tag, vars);
  }
  return vars;
}

// src/lint/rules/infra.ts
function isObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var InfraFiles = class {
  constructor(records) {
    this.records = records;
    this.byPath = new Map(records.map((r) => [r.path, r]));
  }
  records;
  byPath;
  parsed = /* @__PURE__ */ new Map();
  has(path) {
    return this.byPath.has(path);
  }
  paths(prefix) {
    return [...this.byPath.keys()].filter((p) => p.startsWith(prefix)).sort();
  }
  text(path) {
    return this.byPath.get(path)?.content;
  }
  yaml(path) {
    const record = this.byPath.get(path);
    if (!record) return void 0;
    let source = this.parsed.get(path);
    if (!source) {
      source = new YamlSource(path, record.content);
      this.parsed.set(path, source);
    }
    return source;
  }
  /** The first document of a YAML file as data. */
  data(path) {
    return this.yaml(path)?.data[0];
  }
  /** A diagnostic at `pointer` of `path`, with line:column when the file is YAML. */
  at(rule17, path, pointer, message, options = {}) {
    const ptr = toPointer(pointer);
    const position = this.yaml(path)?.positionOf(ptr, 0, options.key ?? false);
    return {
      rule: rule17,
      severity: options.severity ?? "error",
      message,
      file: path,
      pointer: ptr || "/",
      ...position ? { position } : {},
      ...options.hint ? { hint: options.hint } : {}
    };
  }
};
var shared = /* @__PURE__ */ new WeakMap();
function infraFiles(records) {
  let files = shared.get(records);
  if (!files) {
    files = new InfraFiles(records);
    shared.set(records, files);
  }
  return files;
}
function groupVarsPaths(files, env) {
  const dir = kubesprayPaths(env).hosts.replace(/hosts\.yaml$/, "group_vars/");
  return files.paths(dir).filter((p) => /\.ya?ml$/.test(p));
}
function writtenVars(files, env) {
  const out = [];
  for (const path of groupVarsPaths(files, env)) {
    const data = files.data(path);
    if (!isObject2(data)) continue;
    for (const [name, value] of Object.entries(data)) out.push({ path, pointer: [name], name, value });
  }
  const hostsPath = kubesprayPaths(env).hosts;
  const inventory = files.data(hostsPath);
  const visitGroup = (group, pointer) => {
    if (!isObject2(group)) return;
    for (const section of ["vars"]) {
      const vars = group[section];
      if (isObject2(vars)) for (const [name, value] of Object.entries(vars)) out.push({ path: hostsPath, pointer: [...pointer, section, name], name, value });
    }
    if (isObject2(group.hosts)) {
      for (const [host, vars] of Object.entries(group.hosts)) {
        if (isObject2(vars)) for (const [name, value] of Object.entries(vars)) out.push({ path: hostsPath, pointer: [...pointer, "hosts", host, name], name, value });
      }
    }
    if (isObject2(group.children)) for (const [child, body] of Object.entries(group.children)) visitGroup(body, [...pointer, "children", child]);
  };
  if (isObject2(inventory)) for (const [name, group] of Object.entries(inventory)) visitGroup(group, [name]);
  return out;
}
function groupVar(files, env, name) {
  return writtenVars(files, env).find((v) => v.name === name && !v.path.endsWith("hosts.yaml"));
}
function groupHosts(files, env, group) {
  const inventory = files.data(kubesprayPaths(env).hosts);
  const groups = /* @__PURE__ */ new Map();
  const collect = (body, name, pointer) => {
    if (!isObject2(body)) return;
    if (!groups.has(name) || Object.keys(body).length) groups.set(name, { body, pointer });
    if (isObject2(body.children)) for (const [child, b] of Object.entries(body.children)) collect(b, child, [...pointer, "children", child]);
  };
  if (isObject2(inventory)) for (const [name, body] of Object.entries(inventory)) collect(body, name, [name]);
  const hosts = /* @__PURE__ */ new Set();
  const walk2 = (name, seen) => {
    if (seen.has(name)) return;
    seen.add(name);
    const entry = groups.get(name);
    if (!entry) return;
    if (isObject2(entry.body.hosts)) for (const h of Object.keys(entry.body.hosts)) hosts.add(h);
    if (isObject2(entry.body.children)) for (const child of Object.keys(entry.body.children)) walk2(child, seen);
  };
  walk2(group, /* @__PURE__ */ new Set());
  return { hosts: [...hosts], pointer: groups.get(group)?.pointer ?? ["all", "children", group] };
}
function hostVarsOf(files, env, host) {
  const inventory = files.data(kubesprayPaths(env).hosts);
  if (!isObject2(inventory) || !isObject2(inventory.all) || !isObject2(inventory.all.hosts)) return void 0;
  const vars = inventory.all.hosts[host];
  return isObject2(vars) ? vars : vars === null ? {} : void 0;
}
function vmSpecs(platform, files) {
  return platform.environments.flatMap((env) => {
    const dir = `${proxmoxPaths(env.name).dir}/vms/`;
    return files.paths(dir).flatMap((path) => {
      const data = files.data(path);
      if (!isObject2(data)) return [];
      return [{ env, path, node: data.node, params: isObject2(data.params) ? data.params : {} }];
    });
  });
}

// src/lint/rules/kubespray/unknown-var.ts
var rule = {
  id: "kubespray/unknown-var",
  description: "every variable the inventory writes is one the pinned Kubespray release knows",
  check(platform, records) {
    const files = infraFiles(records);
    const out = [];
    for (const env of platform.environments) {
      const known = knownVars(env.cluster.kubesprayVersion);
      const names = Object.keys(known.variables);
      for (const v of writtenVars(files, env.name)) {
        if (v.name in known.variables) continue;
        const hint = didYouMean(v.name, names) ?? `see the variables of Kubespray ${known.kubespray} (schema/kubespray/${known.kubespray}/known-vars.json)`;
        out.push(files.at(this.id, v.path, v.pointer, `"${v.name}" is not a variable of Kubespray ${known.kubespray}`, { hint, key: true }));
      }
    }
    return out;
  }
};

// src/lint/rules/kubespray/boolean-var.ts
var rule2 = {
  id: "kubespray/boolean-var",
  description: "variables whose Kubespray default is a boolean are written as booleans",
  check(platform, records) {
    const files = infraFiles(records);
    const out = [];
    for (const env of platform.environments) {
      const known = knownVars(env.cluster.kubesprayVersion);
      for (const v of writtenVars(files, env.name)) {
        if (known.variables[v.name] !== "boolean" || typeof v.value === "boolean") continue;
        if (typeof v.value === "string" && v.value.includes("{{")) continue;
        const fix = typeof v.value === "string" && /^(true|yes|on|1)$/i.test(v.value) ? "true" : typeof v.value === "string" && /^(false|no|off|0)$/i.test(v.value) ? "false" : "true or false";
        out.push(files.at(this.id, v.path, v.pointer, `"${v.name}" is ${JSON.stringify(v.value)}, not a boolean`, { hint: `write ${fix} without quotes` }));
      }
    }
    return out;
  }
};

// src/lint/rules/kubespray/control-plane-empty.ts
var rule3 = {
  id: "kubespray/control-plane-empty",
  description: "the kube_control_plane group has at least one host",
  check(platform, records) {
    const files = infraFiles(records);
    const out = [];
    for (const env of platform.environments) {
      const path = kubesprayPaths(env.name).hosts;
      if (!files.has(path)) continue;
      const group = groupHosts(files, env.name, KUBESPRAY_GROUPS.controlPlane);
      if (group.hosts.length === 0) {
        out.push(files.at(this.id, path, group.pointer, `${env.name}: group ${KUBESPRAY_GROUPS.controlPlane} has no host`, { hint: 'give at least one node of the model role "control-plane"', key: true }));
      }
    }
    return out;
  }
};

// src/lint/rules/kubespray/etcd-odd.ts
var rule4 = {
  id: "kubespray/etcd-odd",
  description: "the etcd group has an odd number of members",
  check(platform, records) {
    const files = infraFiles(records);
    const out = [];
    for (const env of platform.environments) {
      const path = kubesprayPaths(env.name).hosts;
      if (!files.has(path)) continue;
      const group = groupHosts(files, env.name, KUBESPRAY_GROUPS.etcd);
      const n = group.hosts.length;
      if (n % 2 === 0) {
        out.push(
          files.at(this.id, path, group.pointer, `${env.name}: etcd has ${n} members (${group.hosts.join(", ") || "none"}); Kubespray requires an odd number`, {
            hint: `use ${n === 0 ? 1 : `${n - 1} or ${n + 1}`} control-plane nodes (etcd is stacked on the control plane)`,
            key: true
          })
        );
      }
    }
    return out;
  }
};

// src/lint/rules/kubespray/kube-version.ts
import semver5 from "semver";
var rule5 = {
  id: "kubespray/kube-version",
  description: "kube_version is at least Kubespray's minimum and one of the versions it supports",
  check(platform, records) {
    const files = infraFiles(records);
    const out = [];
    for (const env of platform.environments) {
      const v = groupVar(files, env.name, "kube_version");
      if (!v) continue;
      const { kubernetes, kubespray } = knownVars(env.cluster.kubesprayVersion);
      const version = String(v.value).replace(/^v/, "");
      if (!semver5.valid(version)) {
        out.push(files.at(this.id, v.path, v.pointer, `kube_version ${JSON.stringify(v.value)} is not a version`, { hint: `Kubespray ${kubespray} deploys ${kubernetes.default} by default` }));
      } else if (semver5.lt(version, kubernetes.minimum)) {
        out.push(files.at(this.id, v.path, v.pointer, `kube_version ${version} is below Kubespray ${kubespray}'s minimum ${kubernetes.minimum}`, { hint: `use ${kubernetes.default}` }));
      } else if (!kubernetes.supported.includes(version)) {
        const newest = kubernetes.supported[0] ?? kubernetes.default;
        out.push(
          files.at(this.id, v.path, v.pointer, `kube_version ${version} is not one Kubespray ${kubespray} supports (${kubernetes.minimum}..${newest})`, {
            hint: `use ${kubernetes.default}, its default`
          })
        );
      }
    }
    return out;
  }
};

// src/lint/rules/kubespray/network-ranges.ts
var RANGES = ["kube_pods_subnet", "kube_service_addresses"];
var rule6 = {
  id: "kubespray/network-ranges",
  description: "kube_pods_subnet and kube_service_addresses are valid networks, disjoint from each other and from the LAN",
  check(platform, records) {
    const files = infraFiles(records);
    const out = [];
    for (const env of platform.environments) {
      const spans = [];
      for (const name of RANGES) {
        const v = groupVar(files, env.name, name);
        if (!v) continue;
        const parsed = parseCidr(String(v.value));
        if (!parsed.ok) {
          out.push(files.at(this.id, v.path, v.pointer, `${name}: ${parsed.reason}`, parsed.suggestion ? { hint: `did you mean ${parsed.suggestion}?` } : {}));
          continue;
        }
        spans.push({ v, span: parsed.span });
      }
      const [a, b] = spans;
      if (a && b && spansOverlap(a.span, b.span)) {
        out.push(
          files.at(this.id, b.v.path, b.v.pointer, `${b.v.name} ${String(b.v.value)} overlaps ${a.v.name} ${String(a.v.value)}`, {
            hint: "give Services and pods disjoint ranges (Kubespray's defaults are 10.233.0.0/18 and 10.233.64.0/18)"
          })
        );
      }
      const lan = parseCidr(env.network.lan);
      if (lan.ok) {
        for (const { v, span } of spans) {
          if (spansOverlap(span, lan.span)) {
            out.push(files.at(this.id, v.path, v.pointer, `${v.name} ${String(v.value)} overlaps the LAN ${env.network.lan} (${formatSpan(lan.span)})`, { hint: "pick a private range outside the LAN" }));
          }
        }
      }
    }
    return out;
  }
};

// src/lint/rules/kubespray/node-prefix.ts
var DEFAULT_MAX_PODS = 110;
var rule7 = {
  id: "kubespray/node-prefix",
  description: "kube_network_node_prefix leaves a pod subnet for every node and room for kubelet_max_pods",
  check(platform, records) {
    const files = infraFiles(records);
    const out = [];
    for (const env of platform.environments) {
      const prefixVar = groupVar(files, env.name, "kube_network_node_prefix");
      const podsVar = groupVar(files, env.name, "kube_pods_subnet");
      if (!prefixVar || !podsVar) continue;
      const prefix = Number(prefixVar.value);
      const pods = parseCidr(String(podsVar.value));
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) {
        out.push(files.at(this.id, prefixVar.path, prefixVar.pointer, `kube_network_node_prefix ${JSON.stringify(prefixVar.value)} is not a prefix length (0-32)`));
        continue;
      }
      if (!pods.ok) continue;
      const nodes = groupHosts(files, env.name, KUBESPRAY_GROUPS.cluster).hosts.length;
      if (prefix < pods.prefix) {
        out.push(files.at(this.id, prefixVar.path, prefixVar.pointer, `kube_network_node_prefix /${prefix} is wider than kube_pods_subnet ${String(podsVar.value)}`, { hint: `use a prefix longer than /${pods.prefix}` }));
        continue;
      }
      const slices = 2 ** (prefix - pods.prefix);
      if (slices < nodes) {
        out.push(
          files.at(this.id, prefixVar.path, prefixVar.pointer, `kube_network_node_prefix /${prefix} gives ${slices} node subnets in ${String(podsVar.value)}, but the cluster has ${nodes} nodes`, {
            hint: `use a node prefix of at least /${pods.prefix + Math.ceil(Math.log2(nodes))}, or a wider pod range`
          })
        );
      }
      const maxPodsVar = groupVar(files, env.name, "kubelet_max_pods");
      const maxPods = maxPodsVar ? Number(maxPodsVar.value) : DEFAULT_MAX_PODS;
      const room = 2 ** (32 - prefix) - 2;
      if (room < maxPods) {
        const site = maxPodsVar ?? prefixVar;
        out.push(
          files.at(this.id, site.path, site.pointer, `kubelet_max_pods ${maxPods} does not fit a /${prefix} node subnet (${room} pod addresses)`, {
            hint: `use kube_network_node_prefix /${32 - Math.ceil(Math.log2(maxPods + 2))} or fewer pods per node`
          })
        );
      }
    }
    return out;
  }
};

// src/lint/rules/kubespray/addon-duplicate.ts
var rule8 = {
  id: "kubespray/addon-duplicate",
  description: "no Kubespray add-on is enabled for a component a Helmfile release installs",
  check(platform, records) {
    const files = infraFiles(records);
    const out = [];
    for (const env of platform.environments) {
      for (const v of writtenVars(files, env.name)) {
        const releases = KUBESPRAY_ADDON_RELEASES[v.name];
        if (!releases || v.value === false) continue;
        const installed = platform.releases.filter((r) => releases.includes(r.name) && isEnabled(env, r)).map((r) => r.name);
        if (installed.length === 0) continue;
        out.push(
          files.at(this.id, v.path, v.pointer, `${v.name} installs what Helmfile release ${installed.join(", ")} installs in ${env.name}`, {
            hint: `set ${v.name}: false; the release owns the component`
          })
        );
      }
    }
    return out;
  }
};

// src/lint/rules/kubespray/index.ts
var kubesprayRules = [rule, rule2, rule3, rule4, rule5, rule6, rule7, rule8];

// src/proxmox/params.ts
import { readFileSync as readFileSync2 } from "node:fs";

// src/schema/proxmox-params.ts
function proxmoxParamsPath(release) {
  return `schema/proxmox/${release}/qemu-create.json`;
}

// src/proxmox/params.ts
var PROXMOX_RELEASE = "pve-9.0";
var cache2;
function proxmoxParams() {
  cache2 ??= JSON.parse(readFileSync2(new URL(`../../${proxmoxParamsPath(PROXMOX_RELEASE)}`, import.meta.url), "utf8"));
  return cache2;
}
function paramSpec(name, api = proxmoxParams()) {
  const direct = api.parameters[name];
  if (direct && !name.endsWith("[n]")) return direct;
  const match = /^([a-z]+)(\d+)$/.exec(name);
  if (!match) return void 0;
  const indexed = api.parameters[`${match[1]}[n]`];
  if (!indexed) return void 0;
  const index = Number(match[2]);
  return indexed.maxCount === void 0 || index < indexed.maxCount ? indexed : void 0;
}
var IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
var STORAGE_ID = /^[a-z][a-z0-9\-_.]*[a-z0-9]$/i;
var FORMATS = {
  "dns-name": (v) => /^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*$/.test(v) ? void 0 : "not a DNS name",
  "mac-addr": (v) => !/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(v) ? "not a MAC address (XX:XX:XX:XX:XX:XX)" : parseInt(v.slice(0, 2), 16) % 2 === 1 ? "a multicast MAC address (the first byte is odd)" : void 0,
  "pve-bridge-id": (v) => /^[-_.\w\d]+$/.test(v) ? void 0 : "not a bridge name",
  "pve-storage-id": (v) => STORAGE_ID.test(v) ? void 0 : "not a storage id",
  "address-list": (v) => {
    const bad = v.split(/[,; ]+/).filter((a) => a !== "" && !IPV4.test(a) && !a.includes(":"));
    return bad.length ? `not IP addresses: ${bad.join(", ")}` : void 0;
  },
  "pve-tag-list": (v) => {
    const bad = v.split(/[;, ]+/).filter((t) => !/^[a-z0-9_][a-z0-9_\-+.]*$/i.test(t));
    return bad.length ? `invalid tags: ${bad.map((t) => JSON.stringify(t)).join(", ")}` : void 0;
  },
  urlencoded: (v) => /^[-%a-zA-Z0-9_.!~*'()]*$/.test(v) ? void 0 : "not URL-encoded",
  "pve-volume-id-or-qm-path": (v) => {
    if (v.startsWith("/")) return void 0;
    const [storage = "", volume = ""] = v.split(/:(.*)/s);
    return STORAGE_ID.test(storage) && volume !== "" ? void 0 : 'not "<storage>:<size in GiB>" or "<storage>:<volume>"';
  },
  "pve-volume-id": (v) => /^[a-z][a-z0-9\-_.]*[a-z0-9]:.+$/i.test(v) ? void 0 : "not a volume id (<storage>:<volume>)",
  "disk-size": (v) => /^\d+(\.\d+)?[KMGT]?$/.test(v) ? void 0 : "not a disk size",
  "pve-vmid": () => void 0
};
var TEXTS = {
  "<IPv4Format/CIDR>": (v) => v === "dhcp" || IPV4.test(v.split("/")[0] ?? "") && /^\d+$/.test(v.split("/")[1] ?? "x") && Number(v.split("/")[1]) <= 32 ? void 0 : "not an IPv4 address with prefix length, or dhcp",
  "<GatewayIPv4>": (v) => IPV4.test(v) ? void 0 : "not an IPv4 address",
  "<HOSTPCIID[;HOSTPCIID2...]>": (v) => v.split(";").every((id) => /^([0-9a-f]{4}:)?[0-9a-f]{2}:[0-9a-f]{2}(\.[0-7])?$/i.test(id)) ? void 0 : "not a PCI address ([domain:]bus:device[.function])",
  "<volume>": (v) => FORMATS["pve-volume-id"]?.(v)
};
var BOOLEAN = /^(1|0|true|false|yes|no|on|off)$/i;
function checkValue(spec, value) {
  const text = String(value);
  switch (spec.type) {
    case "integer":
      if (typeof value === "boolean" || !/^-?\d+$/.test(text)) return `${JSON.stringify(value)} is not an integer`;
      break;
    case "number":
      if (typeof value === "boolean" || Number.isNaN(Number(text))) return `${JSON.stringify(value)} is not a number`;
      break;
    case "boolean":
      if (typeof value !== "boolean" && !BOOLEAN.test(text)) return `${JSON.stringify(value)} is not a boolean (0 or 1)`;
      break;
    case "string":
      if (typeof value !== "string") return `${JSON.stringify(value)} is a ${typeof value}, the API takes a string`;
      break;
  }
  if (spec.minimum !== void 0 && Number(text) < spec.minimum) return `${text} is below the minimum ${spec.minimum}`;
  if (spec.maximum !== void 0 && Number(text) > spec.maximum) return `${text} is above the maximum ${spec.maximum}`;
  if (spec.enum && !spec.enum.includes(text)) return `"${text}" is not one of ${spec.enum.join(", ")}`;
  if (spec.maxLength !== void 0 && text.length > spec.maxLength) return `longer than ${spec.maxLength} characters`;
  if (spec.pattern) {
    const pattern = spec.pattern.replaceAll("(?^:", "(?:");
    if (!new RegExp(`^(?:${pattern})$`).test(text)) return `"${text}" does not match ${spec.pattern}`;
  }
  const format = spec.format ? FORMATS[spec.format] : void 0;
  const formatError = format?.(text);
  if (formatError) return `"${text}": ${formatError}`;
  const textCheck = spec.text ? TEXTS[spec.text] : void 0;
  const textError = textCheck?.(text);
  if (textError) return `"${text}": ${textError}`;
  return void 0;
}
function properties(text, defaultKey) {
  const out = [];
  for (const [i, part] of text.split(",").entries()) {
    const eq = part.indexOf("=");
    if (eq < 0) {
      if (i === 0 && defaultKey) out.push([defaultKey, part]);
      else return `"${part}" has no key (key=value)`;
    } else out.push([part.slice(0, eq), part.slice(eq + 1)]);
  }
  return out;
}
function checkParam(name, value, api = proxmoxParams()) {
  const spec = paramSpec(name, api);
  if (!spec) return `"${name}" is not a parameter of ${api.method} ${api.path}`;
  if (!spec.keys) return checkValue(spec, value);
  if (typeof value !== "string" && spec.type === "string" && !spec.defaultKey) return `${JSON.stringify(value)} is a ${typeof value}, the API takes a string`;
  const props2 = properties(String(value), spec.defaultKey);
  if (typeof props2 === "string") return props2;
  const seen = /* @__PURE__ */ new Set();
  for (const [key, raw] of props2) {
    let keySpec = spec.keys[key];
    let canonical = key;
    if (keySpec?.alias) {
      canonical = keySpec.alias;
      keySpec = spec.keys[keySpec.alias];
    }
    if (!keySpec) return `"${key}" is not a key of ${name} (known: ${Object.keys(spec.keys).join(", ")})`;
    if (seen.has(canonical)) return `"${canonical}" is given twice`;
    seen.add(canonical);
    const error = checkValue(keySpec, raw);
    if (error) return `${key}: ${error}`;
  }
  return void 0;
}

// src/lint/rules/proxmox/api-param.ts
var rule9 = {
  id: "proxmox/api-param",
  description: "every VM parameter is one of the Proxmox VE API's POST /nodes/{node}/qemu, in its format",
  check(platform, records) {
    const files = infraFiles(records);
    const api = proxmoxParams();
    const names = Object.keys(api.parameters).map((n) => n.replace("[n]", "0"));
    const out = [];
    for (const spec of vmSpecs(platform, files)) {
      for (const [name, value] of Object.entries(spec.params)) {
        if (name === "sshkeys") {
          out.push(files.at(this.id, spec.path, ["params", name], "sshkeys holds a key value in a committed file", { hint: "name the public key file under files.sshkeys; create-vms.sh reads it", key: true }));
          continue;
        }
        if (!paramSpec(name, api)) {
          out.push(files.at(this.id, spec.path, ["params", name], `"${name}" is not a parameter of ${api.method} ${api.path}`, { hint: didYouMean(name, names) ?? "see schema/proxmox/", key: true }));
          continue;
        }
        if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
          out.push(files.at(this.id, spec.path, ["params", name], `${name} is ${JSON.stringify(value)}; the API takes a scalar`));
          continue;
        }
        const error = checkParam(name, value, api);
        if (error) out.push(files.at(this.id, spec.path, ["params", name], `${name}: ${error}`));
      }
    }
    return out;
  }
};

// src/lint/rules/proxmox/identity.ts
function props(text) {
  if (typeof text !== "string") return {};
  return Object.fromEntries(text.split(",").map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)]));
}
var rule10 = {
  id: "proxmox/identity",
  description: "host names and IPs are identical in the model, the Kubespray inventory, the VM specs and cloud-init",
  check(platform, records) {
    const files = infraFiles(records);
    const out = [];
    const specs = vmSpecs(platform, files);
    for (const env of platform.environments) {
      const hostsPath = kubesprayPaths(env.name).hosts;
      const paths = proxmoxPaths(env.name);
      const modelNames = new Set(env.nodes.map((n) => n.name));
      for (const node of env.nodes) {
        const vars = hostVarsOf(files, env.name, node.name);
        if (!vars) {
          out.push(files.at(this.id, hostsPath, ["all", "hosts"], `${env.name}: node ${node.name} is not a host of the Kubespray inventory`));
        } else {
          for (const key of ["ansible_host", "ip", "access_ip"]) {
            if (vars[key] !== node.ip) {
              out.push(files.at(this.id, hostsPath, ["all", "hosts", node.name, key], `${node.name}: ${key} is ${JSON.stringify(vars[key])}, the model says ${node.ip}`));
            }
          }
        }
        const specPath = paths.spec(node.name);
        const spec = specs.find((s) => s.path === specPath);
        if (!spec) {
          out.push({ rule: this.id, severity: "error", message: `${env.name}: node ${node.name} has no VM spec ${specPath}`, file: specPath });
        } else {
          if (spec.params.name !== node.name) {
            out.push(files.at(this.id, spec.path, ["params", "name"], `VM name is ${JSON.stringify(spec.params.name)}, the node is ${node.name}`));
          }
          const ipconfig = props(spec.params.ipconfig0);
          const want = `${node.ip}/${lanPrefix(env)}`;
          if (ipconfig.ip !== want) {
            out.push(files.at(this.id, spec.path, ["params", "ipconfig0"], `${node.name}: ipconfig0 ip is ${JSON.stringify(ipconfig.ip)}, the model says ${want}`));
          }
          if (ipconfig.gw !== env.network.gateway) {
            out.push(files.at(this.id, spec.path, ["params", "ipconfig0"], `${node.name}: ipconfig0 gw is ${JSON.stringify(ipconfig.gw)}, the LAN gateway is ${env.network.gateway}`));
          }
        }
        const userDataPath = paths.userData(node.name);
        const userData = files.data(userDataPath);
        if (files.has(userDataPath) && (!isObject2(userData) || userData.hostname !== node.name)) {
          const found = isObject2(userData) ? userData.hostname : void 0;
          out.push(files.at(this.id, userDataPath, ["hostname"], `${node.name}: cloud-init hostname is ${JSON.stringify(found)}`));
        }
      }
      const inventory = files.data(hostsPath);
      if (isObject2(inventory) && isObject2(inventory.all) && isObject2(inventory.all.hosts)) {
        for (const host of Object.keys(inventory.all.hosts)) {
          if (!modelNames.has(host)) out.push(files.at(this.id, hostsPath, ["all", "hosts", host], `${env.name}: inventory host ${host} is not a node of the model`, { key: true }));
        }
      }
      for (const spec of specs.filter((s) => s.env === env)) {
        const name = spec.path.replace(/^.*\//, "").replace(/\.ya?ml$/, "");
        if (!modelNames.has(name)) out.push(files.at(this.id, spec.path, [], `${env.name}: VM spec ${spec.path} is for no node of the model`));
      }
    }
    return out;
  }
};

// src/lint/rules/proxmox/vmid-unique.ts
var rule11 = {
  id: "proxmox/vmid-unique",
  description: "every VMID is unique across all environments and differs from the template's",
  check(platform, records) {
    const files = infraFiles(records);
    const out = [];
    const seen = /* @__PURE__ */ new Map();
    const templates = new Set(platform.environments.map((e) => e.proxmox.templateVmid));
    for (const spec of vmSpecs(platform, files)) {
      const vmid = Number(spec.params.vmid);
      if (templates.has(vmid)) {
        out.push(files.at(this.id, spec.path, ["params", "vmid"], `VMID ${vmid} is the cloud-init template's`, { hint: "give the VM a VMID of its own" }));
        continue;
      }
      const first = seen.get(vmid);
      if (first) {
        out.push(files.at(this.id, spec.path, ["params", "vmid"], `VMID ${vmid} is also the VMID of ${first.path}`, { hint: "VMIDs are unique in the Proxmox cluster; prod uses 2101.., lab 3101.. (A5)" }));
      } else seen.set(vmid, spec);
    }
    return out;
  }
};

// src/lint/rules/proxmox/mac-unique.ts
function macOf(net) {
  if (typeof net !== "string") return void 0;
  for (const part of net.split(",")) {
    const value = part.slice(part.indexOf("=") + 1);
    if (/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(value)) return value.toUpperCase();
  }
  return void 0;
}
var rule12 = {
  id: "proxmox/mac-unique",
  description: "every VM network MAC address is unique across all environments",
  check(platform, records) {
    const files = infraFiles(records);
    const out = [];
    const seen = /* @__PURE__ */ new Map();
    for (const spec of vmSpecs(platform, files)) {
      for (const [name, value] of Object.entries(spec.params)) {
        if (!/^net\d+$/.test(name)) continue;
        const mac = macOf(value);
        if (!mac) continue;
        const first = seen.get(mac);
        if (first) out.push(files.at(this.id, spec.path, ["params", name], `MAC ${mac} is also used by ${first}`, { hint: "remove the pinned MAC (one is derived from the VMID) or pin another" }));
        else seen.set(mac, `${spec.path} ${name}`);
      }
    }
    return out;
  }
};

// src/lint/rules/proxmox/capacity.ts
function memoryMiB(spec) {
  const text = String(spec.params.memory ?? "");
  const current = /(?:^|,)(?:current=)?(\d+)(?:,|$)/.exec(text);
  return current ? Number(current[1]) : 0;
}
function vcpus(spec) {
  return Number(spec.params.cores ?? 1) * Number(spec.params.sockets ?? 1);
}
var rule13 = {
  id: "proxmox/capacity",
  description: "the VMs on each Proxmox node (all environments together) fit its CPU (with overcommit) and memory",
  check(platform, records) {
    const files = infraFiles(records);
    const out = [];
    const hosts = /* @__PURE__ */ new Map();
    for (const env of platform.environments) {
      for (const host of env.proxmox.hosts) if (!hosts.has(host.name)) hosts.set(host.name, { host, overcommit: env.proxmox.cpuOvercommit });
    }
    const byHost = /* @__PURE__ */ new Map();
    for (const spec of vmSpecs(platform, files)) {
      const node = String(spec.node);
      if (!hosts.has(node)) {
        out.push(files.at(this.id, spec.path, ["node"], `Proxmox node ${JSON.stringify(spec.node)} is not in the model (${[...hosts.keys()].join(", ")})`));
        continue;
      }
      byHost.set(node, [...byHost.get(node) ?? [], spec]);
    }
    for (const [name, specs] of byHost) {
      const { host, overcommit } = hosts.get(name);
      const cpuLimit = host.cores * overcommit;
      const list = specs.map((s) => `${s.env.name}/${String(s.params.name)}`).join(", ");
      let cpu = 0;
      let cpuReported = false;
      let mem = 0;
      let memReported = false;
      for (const spec of specs) {
        cpu += vcpus(spec);
        mem += memoryMiB(spec);
        if (!cpuReported && cpu > cpuLimit) {
          cpuReported = true;
          const total = specs.reduce((n, s) => n + vcpus(s), 0);
          out.push(
            files.at(this.id, spec.path, ["params", "cores"], `${name} is over its CPU: ${total} vCPUs for ${host.cores} cores x ${overcommit} overcommit = ${cpuLimit} (${list})`, {
              hint: "move a VM to another Proxmox node or give it fewer cores"
            })
          );
        }
        if (!memReported && mem > host.memoryMiB) {
          memReported = true;
          const total = specs.reduce((n, s) => n + memoryMiB(s), 0);
          out.push(
            files.at(this.id, spec.path, ["params", "memory"], `${name} is over its memory: ${total} MiB of VMs for ${host.memoryMiB} MiB (${list})`, {
              hint: "move a VM to another Proxmox node or give it less memory"
            })
          );
        }
      }
    }
    return out;
  }
};

// src/lint/rules/proxmox/control-plane-spread.ts
var rule14 = {
  id: "proxmox/control-plane-spread",
  description: "the control-plane VMs of an environment run on different Proxmox nodes",
  check(platform, records) {
    const files = infraFiles(records);
    const specs = vmSpecs(platform, files);
    const out = [];
    for (const env of platform.environments) {
      const placed = /* @__PURE__ */ new Map();
      for (const node of controlPlaneNodes(env)) {
        const spec = specs.find((s) => s.path === proxmoxPaths(env.name).spec(node.name));
        if (!spec) continue;
        const host = String(spec.node);
        const other = placed.get(host);
        if (other) {
          out.push(files.at(this.id, spec.path, ["node"], `${env.name}: control planes ${other} and ${node.name} both run on ${host}`, { hint: "put each control plane on its own Proxmox node (A5)" }));
        } else placed.set(host, node.name);
      }
    }
    return out;
  }
};

// src/lint/rules/proxmox/gpu-host.ts
function pciOf(value) {
  if (typeof value !== "string") return void 0;
  const first = value.split(",")[0] ?? "";
  return first.startsWith("host=") ? first.slice(5) : first.includes("=") ? void 0 : first;
}
var rule15 = {
  id: "proxmox/gpu-host",
  description: "GPU worker VMs run on a Proxmox node with a GPU and pass it through on a q35 machine",
  check(platform, records) {
    const files = infraFiles(records);
    const specs = vmSpecs(platform, files);
    const out = [];
    for (const env of platform.environments) {
      for (const node of env.nodes.filter((n) => n.gpu)) {
        const spec = specs.find((s) => s.path === proxmoxPaths(env.name).spec(node.name));
        if (!spec) continue;
        const host = env.proxmox.hosts.find((h) => h.name === spec.node);
        const withGpu = env.proxmox.hosts.filter((h) => h.gpuPci).map((h) => h.name);
        if (!host?.gpuPci) {
          out.push(files.at(this.id, spec.path, ["node"], `${env.name}: GPU node ${node.name} runs on ${String(spec.node)}, which has no GPU`, { hint: withGpu.length ? `place it on ${withGpu.join(" or ")}` : "give a Proxmox host gpuPci" }));
          continue;
        }
        const pci = pciOf(spec.params.hostpci0);
        if (pci !== host.gpuPci) {
          out.push(files.at(this.id, spec.path, ["params", pci === void 0 ? "" : "hostpci0"].filter(Boolean), `${env.name}: GPU node ${node.name} passes through ${JSON.stringify(pci)}, ${host.name}'s GPU is ${host.gpuPci}`, { hint: `hostpci0: host=${host.gpuPci},pcie=1` }));
        }
        if (spec.params.machine !== "q35" && !String(spec.params.machine ?? "").includes("q35")) {
          out.push(files.at(this.id, spec.path, ["params"], `${env.name}: GPU node ${node.name} has machine ${JSON.stringify(spec.params.machine ?? "i440fx (default)")}; PCIe passthrough needs q35`, { hint: "machine: q35", key: true }));
        }
      }
    }
    return out;
  }
};

// src/lint/rules/proxmox/data-disk.ts
function scsiParamOf(device) {
  const match = /^\/dev\/sd([a-z])$/.exec(device);
  return match ? `scsi${(match[1] ?? "a").charCodeAt(0) - 97}` : void 0;
}
function sizeOf(value) {
  if (typeof value !== "string") return void 0;
  const match = /^[^:,]+:(\d+)(?:,|$)/.exec(value) ?? /(?:^|,)size=(\d+)G(?:,|$)/.exec(value);
  return match ? Number(match[1]) : void 0;
}
var rule16 = {
  id: "proxmox/data-disk",
  description: "every Linstor data disk of the model exists on its VM, at the model's size and device",
  check(platform, records) {
    const files = infraFiles(records);
    const specs = vmSpecs(platform, files);
    const out = [];
    for (const env of platform.environments) {
      for (const node of env.nodes) {
        if (node.vm.dataDiskGiB === void 0) continue;
        const spec = specs.find((s) => s.path === proxmoxPaths(env.name).spec(node.name));
        if (!spec) continue;
        const device = node.vm.dataDiskDevice ?? "/dev/sdb";
        const param = scsiParamOf(device);
        if (!param) {
          out.push(files.at(this.id, spec.path, ["params"], `${node.name}: Linstor device ${device} is not a SCSI disk of the VM (/dev/sdX)`, { key: true }));
          continue;
        }
        const value = spec.params[param];
        if (value === void 0) {
          out.push(files.at(this.id, spec.path, ["params"], `${node.name}: the Linstor data disk (${device}, ${node.vm.dataDiskGiB} GiB) is missing: no ${param}`, { hint: `${param}: ${env.proxmox.storage}:${node.vm.dataDiskGiB}`, key: true }));
        } else if (sizeOf(value) !== node.vm.dataDiskGiB) {
          out.push(files.at(this.id, spec.path, ["params", param], `${node.name}: ${param} is ${JSON.stringify(value)}, the model's data disk is ${node.vm.dataDiskGiB} GiB`));
        }
      }
    }
    return out;
  }
};

// src/lint/rules/proxmox/index.ts
var proxmoxRules = [rule9, rule10, rule11, rule12, rule13, rule14, rule15, rule16];

// src/lint/index.ts
var infraRules = [...kubesprayRules, ...proxmoxRules];
var DRIFT_RULE = { id: "drift/out-of-date", description: "files on disk are what the model generates" };
function ruleCatalogue() {
  return [...SCHEMA_RULES, DRIFT_RULE, ...[...rules, ...infraRules].map(({ id, description }) => ({ id, description }))];
}
function diskReader(outDir) {
  return (path) => {
    try {
      return readFileSync3(join(outDir, path), "utf8");
    } catch (error) {
      if (error.code === "ENOENT") return void 0;
      throw error;
    }
  };
}
function diskLister(outDir) {
  const walkDir = (rel) => {
    let names;
    try {
      names = readdirSync(join(outDir, rel));
    } catch {
      return [];
    }
    return names.flatMap((name) => {
      const child = `${rel}/${name}`;
      return statSync(join(outDir, child)).isDirectory() ? walkDir(child) : [child];
    });
  };
  return walkDir;
}
function classify(platform, path) {
  const parts = path.split("/");
  const byName = (name) => platform.releases.find((r) => r.name === name);
  if (parts[0] === "values" && parts.length === 3) return { kind: "values", release: byName(parts[2]?.replace(/\.yaml$/, "")) };
  if (parts[0] === "manifests" && parts.length >= 4) return { kind: "manifest", release: byName(parts[2]) };
  if (parts[0] === "environments") return { kind: "environment" };
  if (path === "helmfile.yaml.gotmpl") return { kind: "helmfile" };
  return { kind: "other" };
}
async function checkModel(platform, modelFile) {
  const fast = await validatorFor("schema/platform.schema.json");
  if (fast && fast(platform)) return [];
  const { validateModel } = await import("./model-schema-Z2LSUHOT.mjs");
  return validateModel(platform, modelFile);
}
async function lint(platform, options = {}) {
  const modelFile = options.modelFile ?? "src/platform/streamforge.ts";
  if (options.env !== void 0 && !platform.environments.some((e) => e.name === options.env)) {
    throw new UsageError(`unknown environment "${options.env}"; the model has: ${platform.environments.map((e) => e.name).join(", ")}`);
  }
  const modelErrors = options.skipModelSchema ? [] : await checkModel(platform, modelFile);
  if (modelErrors.length) return modelErrors;
  let records;
  try {
    records = generate(platform);
  } catch (error) {
    records = [];
    modelErrors.push({ rule: "schema/model", severity: "error", message: `generation failed: ${error.message}`, file: modelFile });
  }
  const read = options.read ?? (options.outDir !== void 0 ? diskReader(options.outDir) : () => void 0);
  const list = options.list ?? (options.outDir !== void 0 ? diskLister(options.outDir) : () => []);
  const checkDisk = options.read !== void 0 || options.outDir !== void 0;
  const out = [...modelErrors];
  const files = [];
  const toFile = (path, text) => {
    const { kind, release } = classify(platform, path);
    return new LintFile(path, text, kind, release);
  };
  const inScope = (r) => options.env === void 0 || r.env === void 0 || r.env === options.env;
  for (const record of records.filter(inScope)) {
    const disk = checkDisk ? read(record.path) : record.content;
    if (disk === void 0) {
      out.push({ rule: DRIFT_RULE.id, severity: "error", message: `${record.path} is missing on disk`, file: record.path, hint: "run `npm run gen` and commit the result" });
    } else if (disk !== record.content) {
      out.push({ rule: DRIFT_RULE.id, severity: "error", message: `${record.path} differs from what the model generates (edited by hand?)`, file: record.path, hint: "change the model instead, then run `npm run gen`; `npm run check` shows the diff" });
    }
    files.push({ file: toFile(record.path, disk ?? record.content), ...record.env ? { env: record.env } : {} });
  }
  const produced = new Set(records.map((r) => r.path));
  for (const env of platform.environments) {
    if (options.env !== void 0 && env.name !== options.env) continue;
    for (const path of list(`manifests/${env.name}`)) {
      if (produced.has(path) || !/\.ya?ml$/.test(path)) continue;
      const text = read(path);
      if (text === void 0) continue;
      out.push({ rule: DRIFT_RULE.id, severity: "error", message: `${path} is not generated by the model`, file: path, hint: "model it (a manifest builder) or remove it" });
      files.push({ file: toFile(path, text), env: env.name });
    }
  }
  out.push(...checkYaml(files.map((f) => f.file)));
  for (const env of platform.environments) {
    if (options.env !== void 0 && env.name !== options.env) continue;
    const envFiles = files.filter((f) => f.env === void 0 || f.env === env.name).map((f) => f.file);
    const ctx = new RuleContext(platform, env, envFiles, modelFile);
    out.push(...await checkValues(ctx));
    out.push(...await checkManifests(ctx));
    for (const rule17 of rules) out.push(...runRule(rule17, ctx));
  }
  const linted = new Map(files.map(({ file }) => [file.path, file.text]));
  const onDisk = records.map((r) => ({ ...r, content: linted.get(r.path) ?? (checkDisk ? read(r.path) : void 0) ?? r.content }));
  const others = platform.environments.map((e) => e.name).filter((n) => options.env !== void 0 && n !== options.env);
  const ofOtherEnv = (d) => d.file.split("/").some((seg) => others.includes(seg) || others.some((o) => seg === `${o}.yaml`));
  for (const rule17 of infraRules) {
    try {
      out.push(...rule17.check(platform, onDisk).filter((d) => !ofOtherEnv(d)));
    } catch (error) {
      throw new Error(`rule ${rule17.id} failed: ${error.message}`, { cause: error });
    }
  }
  return dedupe(out);
}
function runRule(rule17, ctx) {
  try {
    return rule17.check(ctx);
  } catch (error) {
    throw new Error(`rule ${rule17.id} failed on ${ctx.env.name}: ${error.message}`, { cause: error });
  }
}
function dedupe(list) {
  const seen = /* @__PURE__ */ new Set();
  return list.filter((d) => {
    const key = JSON.stringify([d.rule, d.file, d.pointer, d.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// src/diagnostics/render.ts
import { createHash } from "node:crypto";
var FORMATS2 = ["text", "json", "gitlab", "junit"];
function sortDiagnostics(list) {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0) || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message)
  );
}
function counts(list) {
  const errors = list.filter((d) => d.severity === "error").length;
  return { errors, warnings: list.length - errors };
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function renderText(list, options = {}) {
  const paint = (code, text) => options.color ? `\x1B[${code}m${text}\x1B[0m` : text;
  const sorted = sortDiagnostics(list);
  const lines = [];
  let file;
  for (const d of sorted) {
    if (d.file !== file) {
      if (file !== void 0) lines.push("");
      file = d.file;
      lines.push(paint("1;4", d.file));
    }
    const where = d.position ? `${d.position.line}:${d.position.column}` : d.pointer ? d.pointer : "-";
    const severity = d.severity === "error" ? paint("31", "error  ") : paint("33", "warning");
    const pointer = d.position && d.pointer ? ` (${d.pointer})` : "";
    lines.push(`  ${where.padEnd(8)} ${severity}  ${d.message}${pointer}  ${paint("2", d.rule)}`);
    if (d.hint) lines.push(`  ${"".padEnd(8)}          ${paint("36", `hint: ${d.hint}`)}`);
  }
  const { errors, warnings } = counts(list);
  if (lines.length) lines.push("");
  const summary = errors + warnings === 0 ? "no problems" : `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
  lines.push(errors ? paint("1;31", summary) : warnings ? paint("1;33", summary) : paint("32", summary));
  return `${lines.join("\n")}
`;
}
function renderJson(list) {
  return `${JSON.stringify(sortDiagnostics(list), null, 2)}
`;
}
function fingerprint(d) {
  return createHash("sha256").update([d.rule, d.file, d.pointer ?? "", d.message].join("\0")).digest("hex");
}
function renderGitlab(list) {
  const report = sortDiagnostics(list).map((d) => ({
    description: d.hint ? `${d.message} (${d.hint})` : d.message,
    check_name: d.rule,
    fingerprint: fingerprint(d),
    severity: d.severity === "error" ? "major" : "minor",
    location: { path: d.file, lines: { begin: d.position?.line ?? 1 } }
  }));
  return `${JSON.stringify(report, null, 2)}
`;
}
function xml(text) {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&apos;");
}
function renderJunit(list, options = {}) {
  const byRule = /* @__PURE__ */ new Map();
  for (const rule17 of options.rules ?? []) byRule.set(rule17, []);
  for (const d of sortDiagnostics(list)) byRule.set(d.rule, [...byRule.get(d.rule) ?? [], d]);
  const suites = [];
  let total = 0;
  let failures = 0;
  for (const [rule17, found] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
    const cases = found.length ? found.map((d) => {
      const where = d.position ? `${d.file}:${d.position.line}:${d.position.column}` : d.file;
      const name = xml(`${where}${d.pointer ? ` ${d.pointer}` : ""}`);
      const text = xml(`${where}: ${d.message}${d.hint ? `
hint: ${d.hint}` : ""}`);
      if (d.severity === "error") {
        return `    <testcase classname="${xml(rule17)}" name="${name}" file="${xml(d.file)}">
      <failure message="${xml(d.message)}" type="${xml(rule17)}">${text}</failure>
    </testcase>`;
      }
      return `    <testcase classname="${xml(rule17)}" name="${name}" file="${xml(d.file)}">
      <system-out>warning: ${text}</system-out>
    </testcase>`;
    }) : [`    <testcase classname="${xml(rule17)}" name="${xml(rule17)}"/>`];
    const suiteFailures = found.filter((d) => d.severity === "error").length;
    total += cases.length;
    failures += suiteFailures;
    suites.push(`  <testsuite name="${xml(rule17)}" tests="${cases.length}" failures="${suiteFailures}" errors="0">
${cases.join("\n")}
  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="streamforge lint" tests="${total}" failures="${failures}" errors="0">
${suites.join("\n")}
</testsuites>
`;
}
function render(list, format, options = {}) {
  switch (format) {
    case "text":
      return renderText(list, options);
    case "json":
      return renderJson(list);
    case "gitlab":
      return renderGitlab(list);
    case "junit":
      return renderJunit(list, options);
  }
}

// src/cli/commands/lint.ts
var lint2 = {
  name: "lint",
  usage: `Usage: streamforge lint [--env <name>] [--out <dir>] [--format text|json|gitlab|junit] [--strict] [--model <module>]

Validates the model, then every generated file as it is on disk (hand edits included; drift is
reported too): chart values against the pinned chart's schema, manifests against Kubernetes and
CRD schemas, and the network, placement, storage, host/TLS, ordering, secret, image and
privilege rules. Exit 0 clean, 1 errors (warnings too with --strict), 2 usage or internal error.
  --env <name>      only that environment (and the shared files)
  --out <dir>       output directory to read (default: the current directory)
  --format <f>      text (default), json, gitlab (Code Quality report) or junit
  --strict          warnings fail too
  --model <module>  lint the platform a module exports instead of the embedded one
  --rules           list the rules and exit`,
  async run(args, io) {
    const { values } = parse(args, {
      env: { type: "string" },
      out: { type: "string" },
      format: { type: "string" },
      strict: { type: "boolean" },
      model: { type: "string" },
      rules: { type: "boolean" }
    });
    if (values.help) {
      io.out(`${this.usage}
`);
      return 0;
    }
    if (values.rules) {
      const list = ruleCatalogue();
      const width = Math.max(...list.map((r) => r.id.length));
      io.out(list.map((r) => `${r.id.padEnd(width)}  ${r.description}
`).join(""));
      return 0;
    }
    const format = values.format ?? "text";
    if (!FORMATS2.includes(format)) throw new UsageError(`unknown format "${values.format}"; use one of ${FORMATS2.join(", ")}`);
    const platform = await loadModel(values.model, io.cwd);
    const diagnostics = await lint(platform, {
      outDir: resolve(io.cwd, values.out ?? "."),
      ...values.env !== void 0 ? { env: values.env } : {},
      ...values.model !== void 0 ? { modelFile: values.model } : {}
    });
    io.out(render(diagnostics, format, { color: io.isTty && format === "text", rules: ruleCatalogue().map((r) => r.id) }));
    const { errors, warnings } = counts(diagnostics);
    return errors > 0 || values.strict && warnings > 0 ? 1 : 0;
  }
};
export {
  lint2 as lint
};
