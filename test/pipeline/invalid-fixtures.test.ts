/**
 * Every case of `test/fixtures/invalid/`: lint must report the case's rule, in the case's file,
 * at the case's place (pointer and/or line), with its message and hint.
 */
import { describe, expect, it } from "vitest";
import { lineOf, lintCase, type InvalidCase } from "../support/lint.ts";
import { cases as schema } from "../fixtures/invalid/schema.ts";
import { cases as network } from "../fixtures/invalid/network.ts";
import { cases as placementStorage } from "../fixtures/invalid/placement-storage.ts";
import { cases as hostsTls } from "../fixtures/invalid/hosts-tls.ts";
import { cases as policy } from "../fixtures/invalid/policy.ts";
import { rules } from "../../src/pipeline/lint.ts";
import { SCHEMA_RULES } from "../../src/core/lint/schema-checks.ts";

export const allCases: InvalidCase[] = [...schema, ...network, ...placementStorage, ...hostsTls, ...policy];

describe("invalid fixtures", () => {
  it("hold 30 or more cases, at least one per rule and per schema kind", () => {
    expect(allCases.length).toBeGreaterThanOrEqual(30);
    const covered = new Set(allCases.map((c) => c.rule));
    // Platform rules (Kubespray, Proxmox) have their fixtures in infra-invalid.test.ts.
    const environmentRules = rules.filter((r) => r.scope !== "platform" && !r.id.startsWith("versions/") && !r.id.startsWith("dns/"));
    for (const rule of [...environmentRules, ...SCHEMA_RULES]) expect(covered, rule.id).toContain(rule.id);
  });

  it.each(allCases.map((c) => [`${c.rule}: ${c.name}`, c] as const))("%s", async (_title, c) => {
    const { diagnostics, tree } = await lintCase(c);
    const found = diagnostics.filter((d) => d.rule === c.rule && d.file === c.expect.file);
    const summary = diagnostics.filter((d) => d.rule === c.rule).map((d) => `${d.file}:${d.position?.line ?? "-"} ${d.pointer ?? ""} ${d.message}`);
    expect(found, `no ${c.rule} in ${c.expect.file}; got:\n${summary.join("\n")}`).not.toHaveLength(0);
    const matching = found.filter(
      (d) =>
        (c.expect.pointer === undefined || d.pointer === c.expect.pointer) &&
        (c.expect.message === undefined || c.expect.message.test(d.message)) &&
        (c.expect.hint === undefined || (d.hint !== undefined && c.expect.hint.test(d.hint))) &&
        (c.expect.severity === undefined || d.severity === c.expect.severity) &&
        (c.expect.lineOf === undefined || d.position?.line === lineOf(tree.get(c.expect.file) ?? "", c.expect.lineOf)),
    );
    expect(matching, `no diagnostic matches ${JSON.stringify(c.expect, (_k, v) => (v instanceof RegExp ? String(v) : v))}; got:\n${found.map((d) => JSON.stringify(d)).join("\n")}`).not.toHaveLength(0);
  });
});
