import { describe, expect, it } from "vitest";
import { cidrSpan, formatSpan, intToIp, ipToInt, isIPv4, parseAddressEntry, parseCidr, spanContains, spansOverlap } from "../../../src/core/model/net.ts";

describe("IPv4 helpers", () => {
  it("accept dotted quads and reject anything else", () => {
    expect(isIPv4("192.168.1.153")).toBe(true);
    for (const bad of ["192.168.1.256", "192.168.1", "192.168.01.1", "a.b.c.d", "", "1.2.3.4.5"]) expect(isIPv4(bad), bad).toBe(false);
  });

  it("convert addresses to integers and back", () => {
    expect(ipToInt("0.0.0.1")).toBe(1);
    expect(ipToInt("255.255.255.255")).toBe(2 ** 32 - 1);
    expect(intToIp(ipToInt("192.168.1.100"))).toBe("192.168.1.100");
    expect(() => ipToInt("300.1.1.1")).toThrow(/not an IPv4 address/);
  });

  it("parse CIDRs and suggest the network when host bits are set", () => {
    expect(formatSpan(cidrSpan("192.168.1.0/24"))).toBe("192.168.1.0-192.168.1.255");
    expect(parseCidr("10.233.64.1/18")).toEqual({ ok: false, reason: '"10.233.64.1/18" has host bits set', suggestion: "10.233.64.0/18" });
    expect(parseCidr("10.0.0.0/33").ok).toBe(false);
    expect(parseCidr("10.0.0.0").ok).toBe(false);
  });

  it("parse MetalLB address entries: ranges and CIDRs", () => {
    expect(formatSpan(parseAddressEntry("192.168.1.150-192.168.1.169")!)).toBe("192.168.1.150-192.168.1.169");
    expect(formatSpan(parseAddressEntry("192.168.1.160/31")!)).toBe("192.168.1.160-192.168.1.161");
    expect(parseAddressEntry("192.168.1.169-192.168.1.150")).toBeUndefined();
    expect(parseAddressEntry("nonsense")).toBeUndefined();
  });

  it("compare spans", () => {
    const lan = cidrSpan("192.168.1.0/24");
    expect(spanContains(lan, ipToInt("192.168.1.1"))).toBe(true);
    expect(spanContains(lan, ipToInt("192.168.2.1"))).toBe(false);
    expect(spansOverlap(cidrSpan("10.233.64.0/18"), cidrSpan("10.233.0.0/18"))).toBe(false);
    expect(spansOverlap(cidrSpan("10.233.0.0/16"), cidrSpan("10.233.0.0/18"))).toBe(true);
  });
});
