/**
 * Derives `schema/proxmox/<release>/qemu-create.json`: the parameters of the Proxmox VE API
 * `POST /nodes/{node}/qemu` with what lint needs to check a value (type, range, enum, pattern,
 * named format, and the keys of property strings such as `net0` or `ipconfig0`), from the
 * reference extraction of the API description (`../shared/reference/proxmox/`). Descriptions
 * stay upstream.
 *
 * Property strings described by a named format (`pve-qm-ipconfig`, `pve-qm-hostpci`, ...) carry
 * their keys only in the API's `typetext` (`[gw=<GatewayIPv4>] [,ip=<IPv4Format/CIDR>]`); the keys
 * are read from there.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GENERATED_MARKER, INFRA_SCHEMA_COMMAND } from "../core/files.ts";

/** One value's constraints (a parameter, or a key of a property string). */
export interface ValueSpec {
  type?: "string" | "integer" | "number" | "boolean";
  enum?: string[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  maxLength?: number;
  /** A named format the checker knows (`mac-addr`, `pve-tag-list`, ...). */
  format?: string;
  /** The placeholder of a `typetext` key (`<1|0>`, `<IPv4Format/CIDR>`), when that is all there is. */
  text?: string;
  /** Another key this one is an alias of (`virtio=<MAC>` is `macaddr`). */
  alias?: string;
}

export interface ParamSpec extends ValueSpec {
  /** Keys of a property string, when the value is one. */
  keys?: Record<string, ValueSpec>;
  /** The key a bare first value belongs to (`cpu: host` is `cputype=host`). */
  defaultKey?: string;
  /** For indexed parameters (`net[n]`): how many there may be (`net0`..`net31`). */
  maxCount?: number;
}

export interface ProxmoxParams {
  $comment: string;
  path: string;
  method: string;
  parameters: Record<string, ParamSpec>;
}

export function proxmoxParamsPath(release: string): string {
  return `schema/proxmox/${release}/qemu-create.json`;
}

type Raw = Record<string, unknown>;

function valueSpec(raw: Raw): ValueSpec {
  const out: ValueSpec = {};
  const type = raw.type;
  if (type === "string" || type === "integer" || type === "number" || type === "boolean") out.type = type;
  if (Array.isArray(raw.enum)) out.enum = raw.enum.map(String);
  if (typeof raw.minimum === "number") out.minimum = raw.minimum;
  if (typeof raw.maximum === "number") out.maximum = raw.maximum;
  if (typeof raw.pattern === "string") out.pattern = raw.pattern;
  if (typeof raw.maxLength === "number") out.maxLength = raw.maxLength;
  if (typeof raw.format === "string") out.format = raw.format;
  if (typeof raw.alias === "string") out.alias = raw.alias;
  return out;
}

/** Keys of a property string from its `typetext`: `[[type=]<t>] [,flags=<f>]`. */
export function keysFromTypetext(typetext: string): { keys: Record<string, ValueSpec>; defaultKey?: string } {
  const keys: Record<string, ValueSpec> = {};
  let defaultKey: string | undefined;
  for (const match of typetext.matchAll(/(\[\[|\[,|^\[|\s\[)([A-Za-z0-9_-]+)=(\]?)(<[^>]*>)/g)) {
    const [, open = "", key = "", closed = "", text = ""] = match;
    if (open === "[[" && closed === "]") defaultKey = key;
    keys[key] = text === "<1|0>" ? { type: "boolean" } : { type: "string", text };
  }
  return defaultKey === undefined ? { keys } : { keys, defaultKey };
}

/** Derives the parameter description from the reference folder `dir`. */
export function deriveProxmoxParams(dir: string): ProxmoxParams {
  const create = JSON.parse(readFileSync(join(dir, "qemu-create-params.json"), "utf8")) as {
    path: string;
    method: string;
    parameters: Record<string, Raw>;
  };
  const ranges = JSON.parse(readFileSync(join(dir, "indexed-param-ranges.json"), "utf8")) as Record<string, unknown>;
  const parameters: Record<string, ParamSpec> = {};
  for (const name of Object.keys(create.parameters).sort()) {
    const raw = create.parameters[name] as Raw;
    const spec: ParamSpec = valueSpec(raw);
    if (raw.format !== null && typeof raw.format === "object") {
      spec.keys = {};
      for (const [key, sub] of Object.entries(raw.format as Record<string, Raw>)) {
        spec.keys[key] = valueSpec(sub);
        if (sub.default_key) spec.defaultKey = key;
      }
    } else if (typeof raw.format === "string" && typeof raw.typetext === "string" && raw.typetext.includes("=<")) {
      const { keys, defaultKey } = keysFromTypetext(raw.typetext);
      spec.keys = keys;
      if (defaultKey) spec.defaultKey = defaultKey;
    }
    const range = ranges[name] as { max_count?: number } | undefined;
    if (range?.max_count) spec.maxCount = range.max_count;
    parameters[name] = spec;
  }
  return {
    $comment: `${GENERATED_MARKER.replace("npm run gen", INFRA_SCHEMA_COMMAND)} from the Proxmox VE API description (${create.method} ${create.path}). Do not edit.`,
    path: create.path,
    method: create.method,
    parameters,
  };
}

export function proxmoxParamsText(params: ProxmoxParams): string {
  return `${JSON.stringify(params, null, 2)}\n`;
}
