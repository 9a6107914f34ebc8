/**
 * Checks VM parameters against the Proxmox VE API description derived into
 * `schema/proxmox/<release>/qemu-create.json`: known names (with the index range of `net[n]`,
 * `scsi[n]`...), types, ranges, enums, patterns, and the keys and values of property strings.
 */
import { readFileSync } from "node:fs";
import type { ParamSpec, ProxmoxParams, ValueSpec } from "./params-schema.ts";
import { proxmoxParamsPath } from "./params-schema.ts";

/** The Proxmox VE API release the specs are written for. */
export const PROXMOX_RELEASE = "pve-9.0";

let cache: ProxmoxParams | undefined;

/** The derived API description, read from the package's `schema/` folder. */
export function proxmoxParams(): ProxmoxParams {
  cache ??= JSON.parse(readFileSync(new URL(`../../${proxmoxParamsPath(PROXMOX_RELEASE)}`, import.meta.url), "utf8")) as ProxmoxParams;
  return cache;
}

/** The description of `name` (`net0` is `net[n]` when 0 is in range), or undefined. */
export function paramSpec(name: string, api: ProxmoxParams = proxmoxParams()): ParamSpec | undefined {
  const direct = api.parameters[name];
  if (direct && !name.endsWith("[n]")) return direct;
  const match = /^([a-z]+)(\d+)$/.exec(name);
  if (!match) return undefined;
  const indexed = api.parameters[`${match[1]}[n]`];
  if (!indexed) return undefined;
  const index = Number(match[2]);
  return indexed.maxCount === undefined || index < indexed.maxCount ? indexed : undefined;
}

const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const STORAGE_ID = /^[a-z][a-z0-9\-_.]*[a-z0-9]$/i;

/** Checks of the named formats the specs use; unknown formats pass (their type is still checked). */
const FORMATS: Record<string, (value: string) => string | undefined> = {
  "dns-name": (v) => (/^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*$/.test(v) ? undefined : "not a DNS name"),
  "mac-addr": (v) =>
    !/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(v)
      ? "not a MAC address (XX:XX:XX:XX:XX:XX)"
      : parseInt(v.slice(0, 2), 16) % 2 === 1
        ? "a multicast MAC address (the first byte is odd)"
        : undefined,
  "pve-bridge-id": (v) => (/^[-_.\w\d]+$/.test(v) ? undefined : "not a bridge name"),
  "pve-storage-id": (v) => (STORAGE_ID.test(v) ? undefined : "not a storage id"),
  "address-list": (v) => {
    const bad = v.split(/[,; ]+/).filter((a) => a !== "" && !IPV4.test(a) && !a.includes(":"));
    return bad.length ? `not IP addresses: ${bad.join(", ")}` : undefined;
  },
  "pve-tag-list": (v) => {
    const bad = v.split(/[;, ]+/).filter((t) => !/^[a-z0-9_][a-z0-9_\-+.]*$/i.test(t));
    return bad.length ? `invalid tags: ${bad.map((t) => JSON.stringify(t)).join(", ")}` : undefined;
  },
  urlencoded: (v) => (/^[-%a-zA-Z0-9_.!~*'()]*$/.test(v) ? undefined : "not URL-encoded"),
  "pve-volume-id-or-qm-path": (v) => {
    if (v.startsWith("/")) return undefined;
    const [storage = "", volume = ""] = v.split(/:(.*)/s);
    return STORAGE_ID.test(storage) && volume !== "" ? undefined : 'not "<storage>:<size in GiB>" or "<storage>:<volume>"';
  },
  "pve-volume-id": (v) => (/^[a-z][a-z0-9\-_.]*[a-z0-9]:.+$/i.test(v) ? undefined : "not a volume id (<storage>:<volume>)"),
  "disk-size": (v) => (/^\d+(\.\d+)?[KMGT]?$/.test(v) ? undefined : "not a disk size"),
  "pve-vmid": () => undefined,
};

/** Values of the `typetext`-described keys the specs use. */
const TEXTS: Record<string, (value: string) => string | undefined> = {
  "<IPv4Format/CIDR>": (v) => (v === "dhcp" || (IPV4.test(v.split("/")[0] ?? "") && /^\d+$/.test(v.split("/")[1] ?? "x") && Number(v.split("/")[1]) <= 32) ? undefined : "not an IPv4 address with prefix length, or dhcp"),
  "<GatewayIPv4>": (v) => (IPV4.test(v) ? undefined : "not an IPv4 address"),
  "<HOSTPCIID[;HOSTPCIID2...]>": (v) =>
    v.split(";").every((id) => /^([0-9a-f]{4}:)?[0-9a-f]{2}:[0-9a-f]{2}(\.[0-7])?$/i.test(id)) ? undefined : "not a PCI address ([domain:]bus:device[.function])",
  "<volume>": (v) => FORMATS["pve-volume-id"]?.(v),
};

const BOOLEAN = /^(1|0|true|false|yes|no|on|off)$/i;

function checkValue(spec: ValueSpec, value: string | number | boolean): string | undefined {
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
  if (spec.minimum !== undefined && Number(text) < spec.minimum) return `${text} is below the minimum ${spec.minimum}`;
  if (spec.maximum !== undefined && Number(text) > spec.maximum) return `${text} is above the maximum ${spec.maximum}`;
  if (spec.enum && !spec.enum.includes(text)) return `"${text}" is not one of ${spec.enum.join(", ")}`;
  if (spec.maxLength !== undefined && text.length > spec.maxLength) return `longer than ${spec.maxLength} characters`;
  if (spec.pattern) {
    // Perl's `(?^:...)` group is a plain group in JavaScript.
    const pattern = spec.pattern.replaceAll("(?^:", "(?:");
    if (!new RegExp(`^(?:${pattern})$`).test(text)) return `"${text}" does not match ${spec.pattern}`;
  }
  const format = spec.format ? FORMATS[spec.format] : undefined;
  const formatError = format?.(text);
  if (formatError) return `"${text}": ${formatError}`;
  const textCheck = spec.text ? TEXTS[spec.text] : undefined;
  const textError = textCheck?.(text);
  if (textError) return `"${text}": ${textError}`;
  return undefined;
}

/** Splits a property string `a=1,b=2` (a bare first value belongs to the default key). */
function properties(text: string, defaultKey: string | undefined): Array<[string, string]> | string {
  const out: Array<[string, string]> = [];
  for (const [i, part] of text.split(",").entries()) {
    const eq = part.indexOf("=");
    if (eq < 0) {
      if (i === 0 && defaultKey) out.push([defaultKey, part]);
      else return `"${part}" has no key (key=value)`;
    } else out.push([part.slice(0, eq), part.slice(eq + 1)]);
  }
  return out;
}

/** What is wrong with parameter `name` = `value`, or undefined when the API accepts it. */
export function checkParam(name: string, value: string | number | boolean, api: ProxmoxParams = proxmoxParams()): string | undefined {
  const spec = paramSpec(name, api);
  if (!spec) return `"${name}" is not a parameter of ${api.method} ${api.path}`;
  if (!spec.keys) return checkValue(spec, value);
  if (typeof value !== "string" && spec.type === "string" && !spec.defaultKey) return `${JSON.stringify(value)} is a ${typeof value}, the API takes a string`;
  const props = properties(String(value), spec.defaultKey);
  if (typeof props === "string") return props;
  const seen = new Set<string>();
  for (const [key, raw] of props) {
    let keySpec = spec.keys[key];
    let canonical = key;
    if (keySpec?.alias) {
      // `virtio=<MAC>` sets the model to `virtio` and the MAC address.
      canonical = keySpec.alias;
      keySpec = spec.keys[keySpec.alias];
    }
    if (!keySpec) return `"${key}" is not a key of ${name} (known: ${Object.keys(spec.keys).join(", ")})`;
    if (seen.has(canonical)) return `"${canonical}" is given twice`;
    seen.add(canonical);
    const error = checkValue(keySpec, raw);
    if (error) return `${key}: ${error}`;
  }
  return undefined;
}
