import { describe, expect, it } from "vitest";
import { YamlSource, lineInSource, pointerSegments, toPointer, valueAtPointer } from "../../../src/core/diagnostics/locate.ts";
import { closest, didYouMean, editDistance } from "../../../src/core/diagnostics/suggest.ts";
import { render, renderGitlab, renderJunit, renderText } from "../../../src/core/diagnostics/render.ts";
import type { Diagnostic } from "../../../src/core/diagnostics/types.ts";

const text = `# header
controller:
  service:
    annotations:
      metallb.io/loadBalancerIPs: 192.168.1.154
    ports:
      - name: http
        port: 80
---
second: doc
`;

describe("locate", () => {
  it("escapes and splits JSON pointers", () => {
    expect(toPointer(["a", "b/c", "d~e", 0])).toBe("/a/b~1c/d~0e/0");
    expect(pointerSegments("/a/b~1c/d~0e/0")).toEqual(["a", "b/c", "d~e", "0"]);
  });

  it("finds the line and column of a pointer, of a key, and of a document", () => {
    const source = new YamlSource("x.yaml", text);
    expect(source.positionOf("/controller/service/annotations/metallb.io~1loadBalancerIPs")).toEqual({ line: 5, column: 35 });
    expect(source.positionOf("/controller/service/annotations/metallb.io~1loadBalancerIPs", 0, true)).toEqual({ line: 5, column: 7 });
    expect(source.positionOf("/controller/service/ports/0/port")).toEqual({ line: 8, column: 15 });
    expect(source.positionOf("/second", 1)).toEqual({ line: 10, column: 9 });
  });

  it("reports a whole map at its key, and a missing key at its deepest parent", () => {
    const source = new YamlSource("x.yaml", text);
    expect(source.positionOf("/controller/service")).toEqual({ line: 3, column: 3 });
    expect(source.positionOf("/controller/service/ports/0/missing")).toEqual({ line: 7, column: 9 });
  });
});

describe("suggest", () => {
  it("measures edit distance", () => {
    expect(editDistance("replicaCont", "replicaCount")).toBe(1);
    expect(editDistance("abc", "abc")).toBe(0);
  });

  it("suggests close names and stays quiet for unrelated ones", () => {
    expect(didYouMean("enabeld", ["enabled", "size"])).toBe('did you mean "enabled"?');
    expect(closest("homelab-ca", ["homelab-ca-issuer"])).toBe("homelab-ca-issuer");
    expect(didYouMean("zzz", ["enabled", "size"])).toBeUndefined();
  });
});

const diags: Diagnostic[] = [
  { rule: "schema/values", severity: "error", message: 'unknown key "replicaCont"', file: "values/prod/kafka-ui.yaml", pointer: "/replicaCont", position: { line: 3, column: 1 }, hint: 'did you mean "replicaCount"?' },
  { rule: "privileged/exception", severity: "warning", message: "gitlab-runner runs privileged containers: <why> & more", file: "values/prod/gitlab-runner.yaml", pointer: "/runners/config", position: { line: 16, column: 9 } },
  { rule: "network/vip-conflict", severity: "error", message: "prod: API VIP in pool", file: "src/platform/streamforge.ts", pointer: "/environments/0/cluster/apiVip" },
];

describe("render", () => {
  it("text groups by file, prints line:column, hints and a summary, without colour off a TTY", () => {
    const out = renderText(diags);
    expect(out).not.toContain("\u001b[");
    expect(out.split("\n")).toContain("values/prod/kafka-ui.yaml");
    expect(out).toContain('  3:1      error    unknown key "replicaCont" (/replicaCont)  schema/values');
    expect(out).toContain('hint: did you mean "replicaCount"?');
    expect(out.trimEnd().split("\n").at(-1)).toBe("2 errors, 1 warning");
    expect(renderText(diags, { color: true })).toContain("\u001b[31m");
    expect(renderText([])).toBe("no problems\n");
  });

  it("json is the list itself", () => {
    expect(JSON.parse(render(diags, "json"))).toHaveLength(3);
  });

  it("gitlab is a Code Quality report with the required fields", () => {
    const report = JSON.parse(renderGitlab(diags)) as Array<Record<string, any>>;
    expect(report).toHaveLength(3);
    for (const issue of report) {
      expect(typeof issue.description).toBe("string");
      expect(typeof issue.check_name).toBe("string");
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(["major", "minor"]).toContain(issue.severity);
      expect(typeof issue.location.path).toBe("string");
      expect(Number.isInteger(issue.location.lines.begin)).toBe(true);
    }
    expect(new Set(report.map((r) => r.fingerprint)).size).toBe(3);
  });

  it("junit has one suite per rule, errors as failures, and escapes XML", () => {
    const xml = renderJunit(diags, { rules: ["schema/values", "privileged/exception", "network/vip-conflict", "images/unpinned"] });
    expect(xml).toMatch(/<testsuites name="streamforge lint" tests="4" failures="2"/);
    expect(xml.match(/<testsuite /g)).toHaveLength(4);
    expect(xml.match(/<failure /g)).toHaveLength(2);
    expect(xml).toContain("&lt;why&gt; &amp; more");
  });

  it("junit shows a warning as a skipped case marked warning, never as a passed one", () => {
    const xml = renderJunit(diags, { rules: ["privileged/exception"] });
    const suite = /<testsuite name="privileged\/exception"[^>]*>([\s\S]*?)<\/testsuite>/.exec(xml)!;
    expect(suite[0]).toMatch(/tests="1" failures="0" errors="0" skipped="1"/);
    expect(suite[1]).toMatch(/<testcase [^>]*>\s*<skipped message="warning: gitlab-runner runs privileged containers/);
    expect(xml).toMatch(/<testsuites [^>]*skipped="1"/);
  });
});

describe("lineInSource: a model finding's line in the model source", () => {
  const source = ["export const prod = {", "  name: 'prod',", "  versions: {", '    "cert-manager": "v1.18.2",', "    metallb: '0.14.9',", "  },", "  proxmox: { bridge: 'vmbr0' },", "};"].join("\n");

  it("follows the pointer's keys in order, skipping list indexes", () => {
    expect(lineInSource(source, "/environments/0/versions/metallb")).toBe(5);
    expect(lineInSource(source, "/environments/0/versions/cert-manager")).toBe(4);
    expect(lineInSource(source, "/environments/1/proxmox/bridge")).toBe(7);
  });

  it("stops at the deepest key it finds, and gives up when it finds none", () => {
    expect(lineInSource(source, "/versions/trafik")).toBe(3);
    expect(lineInSource(source, "/nothing/here")).toBeUndefined();
  });
});

describe("valueAtPointer", () => {
  const tree = { "a/b": [{ "~x": 1 }], ports: { web: 80 } };
  it("follows escaped keys and list indexes", () => {
    expect(valueAtPointer(tree, "/a~1b/0/~0x")).toBe(1);
    expect(valueAtPointer(tree, "")).toBe(tree);
  });
  it("is undefined past a leaf, for a missing key and for a prototype member", () => {
    expect(valueAtPointer(tree, "/ports/web/x")).toBeUndefined();
    expect(valueAtPointer(tree, "/ports/ssh")).toBeUndefined();
    expect(valueAtPointer(tree, "/ports/toString")).toBeUndefined();
  });
});
