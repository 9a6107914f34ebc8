/**
 * IPv4 and CIDR arithmetic for the network checks. Pure functions over strings and numbers;
 * addresses are handled as unsigned 32-bit integers so ranges compare with `<`.
 */
import type { Cidr, IPv4, IpRange } from "./types.ts";

/** An inclusive range of addresses as integers. */
export interface Span {
  first: number;
  last: number;
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Whether `text` is a dotted-quad IPv4 address (no leading zeros, each octet 0-255). */
export function isIPv4(text: string): boolean {
  const parts = text.split(".");
  return parts.length === 4 && parts.every((p) => OCTET.test(p));
}

/** The address as an unsigned integer; throws on anything that is not an IPv4 address. */
export function ipToInt(ip: IPv4): number {
  if (!isIPv4(ip)) throw new Error(`not an IPv4 address: "${ip}"`);
  return ip.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function intToIp(value: number): IPv4 {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

/** A parsed CIDR, or why it is not one. */
export type CidrParse = { ok: true; span: Span; prefix: number } | { ok: false; reason: string; suggestion?: Cidr };

/** Parses `a.b.c.d/n`; host bits set is an error with the network it probably meant. */
export function parseCidr(cidr: string): CidrParse {
  const match = /^([^/]+)\/(\d{1,2})$/.exec(cidr);
  if (!match) return { ok: false, reason: `"${cidr}" is not in CIDR notation (a.b.c.d/n)` };
  const [, ip = "", bits = ""] = match;
  const prefix = Number(bits);
  if (!isIPv4(ip)) return { ok: false, reason: `"${ip}" is not an IPv4 address` };
  if (prefix > 32) return { ok: false, reason: `prefix /${prefix} is longer than 32` };
  const size = 2 ** (32 - prefix);
  const address = ipToInt(ip);
  const first = address - (address % size);
  if (first !== address) {
    const suggestion = `${intToIp(first)}/${prefix}`;
    return { ok: false, reason: `"${cidr}" has host bits set`, suggestion };
  }
  return { ok: true, span: { first, last: first + size - 1 }, prefix };
}

/** The span of a valid CIDR; throws otherwise. */
export function cidrSpan(cidr: Cidr): Span {
  const parsed = parseCidr(cidr);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.span;
}

/** The span of a model range; throws when an end is not an address. */
export function rangeSpan(range: IpRange): Span {
  return { first: ipToInt(range.from), last: ipToInt(range.to) };
}

/**
 * Parses a MetalLB address entry: a CIDR (`192.168.1.150/31`) or a dash range
 * (`192.168.1.150-192.168.1.169`). Returns undefined for anything else.
 */
export function parseAddressEntry(entry: string): Span | undefined {
  const dash = entry.split("-").map((s) => s.trim());
  if (dash.length === 2) {
    const [from = "", to = ""] = dash;
    if (!isIPv4(from) || !isIPv4(to)) return undefined;
    const span = { first: ipToInt(from), last: ipToInt(to) };
    return span.first <= span.last ? span : undefined;
  }
  const parsed = parseCidr(entry);
  return parsed.ok ? parsed.span : undefined;
}

export function spanContains(span: Span, ip: number): boolean {
  return ip >= span.first && ip <= span.last;
}

export function spansOverlap(a: Span, b: Span): boolean {
  return a.first <= b.last && b.first <= a.last;
}

export function formatSpan(span: Span): string {
  return span.first === span.last ? intToIp(span.first) : `${intToIp(span.first)}-${intToIp(span.last)}`;
}
