/**
 * Prerequisites come from the model (issue 11, guard a): every Secret the model names as existing
 * (A13) is listed once per namespace that reads it, with its keys; OIDC client secrets exist in
 * both Keycloak's and the client's namespace with the same value.
 */
import { describe, expect, it } from "vitest";
import { prerequisites } from "../../../src/core/model/prerequisites.ts";
import { CA_BUNDLE_CONSUMERS } from "../../../src/core/model/derive.ts";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { walk } from "../../../src/core/lint/context.ts";
import { yamlOf } from "../../support/generated.ts";

describe.each(streamforge.environments.map((e) => e.name))("prerequisites of %s", (envName) => {
  const env = streamforge.environments.find((e) => e.name === envName)!;
  const list = prerequisites(streamforge, env);

  it("A13 every secret name the model's components hold is a prerequisite", () => {
    const named = new Set<string>();
    for (const { key, value, parent } of walk(env.components)) {
      if ((key === "secret" || (typeof key === "string" && /Secret$/.test(key))) && typeof value === "string") named.add(value);
      if (key === "source" && parent && (parent as { kind?: string }).kind === "secret") named.add(value as string);
    }
    named.add(env.ingress.caSecret);
    for (const name of named) expect(list.map((p) => p.name), name).toContain(name);
  });

  it("each OIDC client secret is in Keycloak's namespace and the client's, the Keycloak copy tied to the other", () => {
    for (const ref of Object.values(env.components.keycloak.clients)) {
      const both = list.filter((p) => p.name === ref.secret);
      expect(both.map((p) => p.namespace).sort()).toHaveLength(2);
      const keycloak = both.find((p) => p.namespace === "keycloak")!;
      expect(keycloak.sameAs).toEqual({ name: ref.secret, namespace: both.find((p) => p !== keycloak)!.namespace });
    }
  });

  it("no entry is listed twice and every entry has keys, each saying what it holds", () => {
    const ids = list.map((p) => `${p.namespace}/${p.name}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of list) {
      expect(p.keys.length, p.name).toBeGreaterThan(0);
      for (const k of p.keys) expect(k.holds).not.toBe("");
    }
  });

  it("prerequisites/<env>.yaml lists them with keys and no value", () => {
    const file = yamlOf(`prerequisites/${envName}.yaml`);
    expect(file.prerequisites.map((p: { namespace: string; name: string }) => `${p.namespace}/${p.name}`)).toEqual(list.map((p) => `${p.namespace}/${p.name}`));
    for (const p of file.prerequisites) for (const k of p.keys) expect(Object.keys(k)).toEqual(["key", "holds", "value"]);
    for (const p of file.prerequisites) for (const k of p.keys) expect(k.value).toMatch(/^(random \(streamforge secrets create\)|supplied by a person|".*" \(from the model\))$/);
  });
});

describe("the CA bundle prerequisite follows its installed consumers", () => {
  const prod = streamforge.environments.find((e) => e.name === "prod")!;
  const bundle = (platform: typeof streamforge, env: typeof prod) => prerequisites(platform, env).find((p) => p.name === env.ingress.caBundle.secret);

  it("is copied into the namespace each consumer is installed in, wherever the model puts it", () => {
    const moved = { ...streamforge, releases: streamforge.releases.map((r) => (r.name === "argo-cd" ? { ...r, namespace: "gitops" } : r)) };
    expect(bundle(moved, prod)?.syncedTo).toContain("gitops");
    expect(bundle(moved, prod)?.syncedTo).not.toContain("argocd");
  });

  it("is no prerequisite when no consumer is installed, and a missing consumer is no error", () => {
    const consumers: string[] = [...CA_BUNDLE_CONSUMERS];
    const without = { ...streamforge, releases: streamforge.releases.filter((r) => !consumers.includes(r.name)) };
    expect(bundle(without, prod)).toBeUndefined();
    expect(bundle(streamforge, { ...prod, disabled: consumers })).toBeUndefined();
  });
});
