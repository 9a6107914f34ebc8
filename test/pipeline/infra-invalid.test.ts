/**
 * Every Kubespray and Proxmox rule: silent on the embedded model, and failing with its id and
 * location (file, JSON pointer, line:column) on its invalid fixture
 * (`test/fixtures/invalid/<rule-id>.ts`).
 */
import { describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.ts";
import { streamforge } from "../../src/platform/streamforge.ts";
import { kubesprayRules } from "../../src/kubespray/rules/index.ts";
import { proxmoxRules } from "../../src/proxmox/rules/index.ts";
import { infraFixtures } from "../fixtures/invalid/infra.ts";
import { platformContext } from "../support/lint.ts";

const rules = [...kubesprayRules, ...proxmoxRules];
const fixtures = await infraFixtures();

describe("Kubespray and Proxmox rules on the embedded model", () => {
  const files = generate(streamforge);
  it.each(rules.map((r) => [r.id, r] as const))("%s finds nothing", (_id, rule) => {
    expect(rule.check(platformContext(streamforge, files))).toEqual([]);
  });

  it("every rule has an invalid fixture named for it, and every fixture names its rule", () => {
    expect(fixtures.map(([name]) => name).sort()).toEqual(rules.map((r) => r.id).sort());
    for (const [name, fixture] of fixtures) expect(fixture.rule).toBe(name);
  });
});

describe("invalid fixtures", () => {
  it.each(fixtures)("%s", (_name, fixture) => {
    const platform = fixture.platform ?? streamforge;
    const generated = generate(platform);
    const files = fixture.edit ? fixture.edit(generated) : generated;
    const rule = rules.find((r) => r.id === fixture.rule);
    expect(rule, `no rule ${fixture.rule}`).toBeDefined();
    const diagnostics = rule?.check(platformContext(platform, files)) ?? [];
    expect(diagnostics.length).toBeGreaterThan(0);
    const [first] = diagnostics;
    expect(first).toMatchObject({ rule: fixture.rule, severity: "error", file: fixture.expect.file, pointer: fixture.expect.pointer });
    expect(first?.message).toMatch(fixture.expect.message);
    // line:column lands on the key the pointer names (or its value).
    expect(first?.position).toBeDefined();
    const text = files.find((f) => f.path === fixture.expect.file)?.content ?? "";
    const line = text.split("\n")[(first?.position?.line ?? 0) - 1] ?? "";
    const last = fixture.expect.pointer.split("/").pop() ?? "";
    expect(line).toContain(/^\d+$/.test(last) ? "" : last);
  });
});
