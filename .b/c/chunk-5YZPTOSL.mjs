// src/model/net.ts
var OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
function isIPv4(text) {
  const parts = text.split(".");
  return parts.length === 4 && parts.every((p) => OCTET.test(p));
}
function ipToInt(ip) {
  if (!isIPv4(ip)) throw new Error(`not an IPv4 address: "${ip}"`);
  return ip.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}
function intToIp(value) {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}
function parseCidr(cidr) {
  const match = /^([^/]+)\/(\d{1,2})$/.exec(cidr);
  if (!match) return { ok: false, reason: `"${cidr}" is not in CIDR notation (a.b.c.d/n)` };
  const [, ip = "", bits = ""] = match;
  const prefix = Number(bits);
  if (!isIPv4(ip)) return { ok: false, reason: `"${ip}" is not an IPv4 address` };
  if (prefix > 32) return { ok: false, reason: `prefix /${prefix} is longer than 32` };
  const size = 2 ** (32 - prefix);
  const address = ipToInt(ip);
  const first = address - address % size;
  if (first !== address) {
    const suggestion = `${intToIp(first)}/${prefix}`;
    return { ok: false, reason: `"${cidr}" has host bits set`, suggestion };
  }
  return { ok: true, span: { first, last: first + size - 1 }, prefix };
}
function cidrSpan(cidr) {
  const parsed = parseCidr(cidr);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.span;
}
function rangeSpan(range) {
  return { first: ipToInt(range.from), last: ipToInt(range.to) };
}
function parseAddressEntry(entry) {
  const dash = entry.split("-").map((s) => s.trim());
  if (dash.length === 2) {
    const [from = "", to = ""] = dash;
    if (!isIPv4(from) || !isIPv4(to)) return void 0;
    const span = { first: ipToInt(from), last: ipToInt(to) };
    return span.first <= span.last ? span : void 0;
  }
  const parsed = parseCidr(entry);
  return parsed.ok ? parsed.span : void 0;
}
function spanContains(span, ip) {
  return ip >= span.first && ip <= span.last;
}
function spansOverlap(a, b) {
  return a.first <= b.last && b.first <= a.last;
}
function formatSpan(span) {
  return span.first === span.last ? intToIp(span.first) : `${intToIp(span.first)}-${intToIp(span.last)}`;
}

export {
  isIPv4,
  ipToInt,
  intToIp,
  parseCidr,
  cidrSpan,
  rangeSpan,
  parseAddressEntry,
  spanContains,
  spansOverlap,
  formatSpan
};
