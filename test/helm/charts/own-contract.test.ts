/**
 * A consumer's release declares a contract (`defineAdapter({ contract })`): the Secrets its values
 * name, the storage it claims, what its chart creates, the custom kinds it renders, the groups
 * its webhook validates and those whose CRDs it installs. Lint's apply and storage rules then
 * check it as they check the package's own charts: same rule, file, JSON pointer and message.
 */
import { describe, expect, it } from "vitest";
import { generate } from "../../../src/pipeline/generate-checked.ts";
import { lint } from "../../../src/pipeline/lint.ts";
import { AdapterDefinitionError, defineAdapter, defineManifests, extendPlatform, type AdapterContract, type AdapterContractSource } from "../../../src/core/model/extensions.ts";
import { ownContract } from "../../../src/helm/charts/own-contract.ts";
import type { Platform } from "../../../src/core/model/types.ts";
import type { Diagnostic } from "../../../src/core/diagnostics/types.ts";
import { derivedNeeds } from "../../../src/helm/needs.ts";
import { prerequisites } from "../../../src/core/model/prerequisites.ts";
import { hostOf } from "../../../src/core/model/derive.ts";
import { platform as mini } from "../../fixtures/models/mini.ts";

const MODEL = "models/platform.ts";
const VALUES = "values/home/podinfo.yaml";
const repository = { alias: "charts", url: "https://charts.example.org" };

/** The keys of the podinfo chart this platform sets. */
interface PodinfoValues {
  replicaCount?: number;
  cache?: { secretName?: string; secretKey?: string };
  persistence?: { className?: string; size?: string };
}

/** Where podinfo reads its cache password and keeps its data (the chart's own keys, which no generic rule recognises). */
const podinfoContract: AdapterContract<PodinfoValues> = {
  refers: [{ kind: "Secret", at: "/cache/secretName", keyAt: "/cache/secretKey", namespace: "cache" }],
  claims: [{ what: "podinfo data", storageClassAt: "/persistence/className", sizeAt: "/persistence/size", count: { at: "/replicaCount" } }],
};

const podinfoValues = (): PodinfoValues => ({ replicaCount: 2, cache: { secretName: "redis", secretKey: "redis-password" }, persistence: { className: "nfs-client", size: "1Gi" } });
const podinfo = (contract?: AdapterContract<PodinfoValues>) =>
  defineAdapter<PodinfoValues>({ name: "podinfo", values: podinfoValues, schema: { type: "object" }, ...(contract ? { contract } : {}) });

/** Redis in namespace `cache`: its chart makes a Secret named like the release, holding `redis-password`. */
const redis = defineAdapter<{ auth?: { enabled?: boolean } }>({
  name: "redis",
  values: () => ({ auth: { enabled: true } }),
  schema: { type: "object" },
  contract: ({ release }) => ({ creates: [{ kind: "Secret", name: release.name, keys: ["redis-password"] }] }),
});

/** The platform with podinfo's adapter declaring `contract` (`null`: none). */
function model(contract: AdapterContract<PodinfoValues> | null = podinfoContract): Platform {
  return extendPlatform(mini, [
    { name: "redis", namespace: "cache", chart: { repository, name: "redis", version: "20.1.0" }, adapter: redis },
    { name: "podinfo", namespace: "podinfo", chart: { repository, name: "podinfo", version: "6.9.1" }, adapter: podinfo(contract ?? undefined), needs: ["redis"] },
  ]);
}

/** Lint's apply and storage findings on the generated files of `platform`, after `edit` of podinfo's values file as a person would. */
async function findings(platform: Platform, edit: (text: string) => string = (t) => t): Promise<Array<Pick<Diagnostic, "rule" | "file" | "pointer" | "message">>> {
  const files = new Map(generate(platform).map((r) => [r.path, r.content]));
  files.set(VALUES, edit(files.get(VALUES)!));
  const all = await lint(platform, { read: (p) => files.get(p), list: () => [], modelFile: MODEL });
  return all.filter((d) => /^(apply|storage)\//.test(d.rule)).map(({ rule, file, pointer, message }) => ({ rule, file, pointer, message }));
}

describe("a consumer release's contract in lint", () => {
  it("passes where the Secret and key it names are created by another release (in the namespace it declares) and the class it claims exists", async () => {
    expect(await findings(model())).toEqual([]);
  });

  it("reports a Secret its values name that no release creates and is no prerequisite, at the pointer, as for a built-in chart", async () => {
    expect(await findings(model(), (t) => t.replace("secretName: redis", "secretName: redis-auth"))).toEqual([
      { rule: "apply/references-resolve", file: VALUES, pointer: "/cache/secretName", message: 'Secret "redis-auth" in namespace cache, used by release podinfo, is created by no release and is not a prerequisite of home' },
    ]);
  });

  it("reports a key the created Secret does not hold, read from keyAt", async () => {
    expect(await findings(model(), (t) => t.replace("secretKey: redis-password", "secretKey: password"))).toEqual([
      { rule: "apply/references-resolve", file: VALUES, pointer: "/cache/secretName", message: 'Secret "redis" in namespace cache has no key "password" (it holds redis-password)' },
    ]);
  });

  it("looks for the Secret in the release's own namespace unless the reference names another", async () => {
    const sameNamespace: AdapterContract<PodinfoValues> = { ...podinfoContract, refers: [{ kind: "Secret", at: "/cache/secretName" }] };
    expect(await findings(model(sameNamespace))).toEqual([
      { rule: "apply/references-resolve", file: VALUES, pointer: "/cache/secretName", message: 'Secret "redis" in namespace podinfo, used by release podinfo, is created by no release and is not a prerequisite of home' },
    ]);
  });

  it("reports a claimed storage class the environment does not have with the storage rule's finding", async () => {
    expect(await findings(model(), (t) => t.replace("className: nfs-client", "className: fast-ssd"))).toEqual([
      { rule: "storage/unknown-class", file: VALUES, pointer: "/persistence/className", message: 'storage class "fast-ssd" does not exist in home' },
    ]);
  });

  it("checks nothing of those keys without a contract: the contract is what makes them references and claims", async () => {
    const edit = (t: string) => t.replace("secretName: redis", "secretName: redis-auth").replace("className: nfs-client", "className: fast-ssd");
    expect(await findings(model(null), edit)).toEqual([]);
  });
});

describe("the other contract entries", () => {
  it("orders a release after the release whose contract creates the storage class it claims", () => {
    const classes = defineAdapter<object>({ name: "nfs-classes", values: () => ({}), schema: { type: "object" }, contract: { creates: [{ kind: "StorageClass", name: "nfs-client" }] } });
    const withClasses = extendPlatform(model(), [{ name: "nfs-classes", namespace: "kube-system", chart: { repository, name: "nfs-classes", version: "1.0.0" }, adapter: classes }]);
    expect(derivedNeeds(withClasses).get("podinfo")).toEqual(["redis", "nfs-classes"]);
    expect(derivedNeeds(model()).get("podinfo")).toEqual(["redis"]);
  });

  /** podinfo's release with a contract that declares only what it renders. */
  const rendering = (renders: AdapterContract<PodinfoValues>["renders"], others: Parameters<typeof extendPlatform>[1] = []) =>
    extendPlatform(mini, [...others, { name: "podinfo", namespace: "podinfo", chart: { repository, name: "podinfo", version: "6.9.1" }, adapter: podinfo({ renders }) }]);

  it("orders a release after the release installing the CRD of a custom kind its contract says the chart renders", () => {
    expect(derivedNeeds(rendering([{ group: "cert-manager.io", kind: "Certificate" }])).get("podinfo")).toEqual(["cert-manager"]);
    expect(derivedNeeds(rendering([])).get("podinfo")).toEqual([]);
  });

  it("orders a release after a consumer release whose webhook validates the group of a kind it renders", () => {
    const policy = defineAdapter<object>({ name: "widget-policy", values: () => ({}), schema: { type: "object" }, contract: { validates: ["widgets.example.org"] } });
    const platform = rendering([{ group: "widgets.example.org", kind: "Widget" }], [{ name: "widget-policy", namespace: "policy", chart: { repository, name: "widget-policy", version: "1.0.0" }, adapter: policy }]);
    expect(derivedNeeds(platform).get("podinfo")).toEqual(["widget-policy"]);
    expect(derivedNeeds(platform).get("widget-policy")).toEqual([]);
  });

  it("reports a hand-edited helmfile in which the release no longer needs the CRD's installer and validator (apply/install-order)", async () => {
    const platform = rendering([{ group: "cert-manager.io", kind: "Certificate" }]);
    const files = new Map(generate(platform).map((r) => [r.path, r.content]));
    const helmfile = files.get("helmfile.yaml.gotmpl")!;
    const podinfoEntry = helmfile.slice(helmfile.indexOf("  - name: podinfo\n"));
    files.set("helmfile.yaml.gotmpl", helmfile.replace(podinfoEntry, podinfoEntry.replace("    needs:\n      - cert-manager/cert-manager\n", "")));
    const found = (await lint(platform, { read: (p) => files.get(p), list: () => [], modelFile: MODEL })).filter((d) => d.rule === "apply/install-order");
    expect(found.map(({ file, pointer, message }) => ({ file, pointer, message }))).toEqual([
      { file: "helmfile.yaml.gotmpl", pointer: `/releases/${platform.releases.length - 1}/name`, message: "podinfo renders Certificate (cert-manager.io) but does not need cert-manager, which installs the CRD" },
      // cert-manager's webhook validates cert-manager.io too (its own chart's contract).
      { file: "helmfile.yaml.gotmpl", pointer: `/releases/${platform.releases.length - 1}/name`, message: "podinfo renders Certificate (cert-manager.io), which the webhook of cert-manager validates, but does not need cert-manager" },
    ]);
  });

  /** A consumer's operator chart installing the CRDs of widgets.example.org, and a local release of Widgets. */
  const widgetOperator = defineAdapter<object>({ name: "widget-operator", values: () => ({}), schema: { type: "object" }, contract: { installsCrds: ["widgets.example.org"] } });
  const widgets = defineManifests({
    name: "widgets",
    build: () => [{ apiVersion: "widgets.example.org/v1", kind: "Widget", metadata: { name: "front", namespace: "podinfo" }, spec: { size: 3 } }],
  });
  const operator = { name: "widget-operator", namespace: "widgets", chart: { repository, name: "widget-operator", version: "0.3.0" }, adapter: widgetOperator };

  it("orders a chart and a local release rendering a consumer's custom kind after the chart whose contract installs its CRDs", () => {
    const platform = extendPlatform(rendering([{ group: "widgets.example.org", kind: "Widget" }], [operator]), [{ name: "widgets", namespace: "podinfo", chart: "local", adapter: widgets }]);
    expect(derivedNeeds(platform).get("podinfo")).toEqual(["widget-operator"]);
    expect(derivedNeeds(platform).get("widgets")).toEqual(["widget-operator"]);
    // Without the declaration nothing is known to install the group: no order is derived.
    const undeclared = defineAdapter<object>({ name: "widget-operator", values: () => ({}), schema: { type: "object" } });
    const bare = extendPlatform(rendering([{ group: "widgets.example.org", kind: "Widget" }], [{ ...operator, adapter: undeclared }]), [{ name: "widgets", namespace: "podinfo", chart: "local", adapter: widgets }]);
    expect(derivedNeeds(bare).get("widgets")).toEqual([]);
  });

  it("reports a custom resource of a local release that a hand-edited helmfile no longer orders after its CRD's installer (ordering/crd-needs)", async () => {
    const platform = extendPlatform(mini, [operator, { name: "widgets", namespace: "podinfo", chart: "local", adapter: widgets }]);
    const files = new Map(generate(platform).map((r) => [r.path, r.content]));
    const helmfile = files.get("helmfile.yaml.gotmpl")!;
    const entry = helmfile.slice(helmfile.indexOf("  - name: widgets\n"));
    expect(entry).toContain("    needs:\n      - widgets/widget-operator\n");
    const crdNeeds = async () => (await lint(platform, { read: (p) => files.get(p), list: () => [], modelFile: MODEL })).filter((d) => d.rule === "ordering/crd-needs").map(({ file, message }) => ({ file, message }));
    expect(await crdNeeds()).toEqual([]);
    files.set("helmfile.yaml.gotmpl", helmfile.replace(entry, entry.replace("    needs:\n      - widgets/widget-operator\n", "")));
    expect(await crdNeeds()).toEqual([
      { file: "manifests/home/widgets/widget-podinfo-front.yaml", message: "Widget (widgets.example.org) in release widgets, which does not need widget-operator that installs its CRD" },
    ]);
  });

  /** podinfo calling Grafana's internal HTTPS host, optionally given a CA file. */
  const caller = (caFile: string | undefined, trusts: boolean) => {
    const grafana = `https://${hostOf(mini.environments[0]!, "grafana")}/api/health`;
    const adapter = defineAdapter<{ backend?: string; caFile?: string }>({
      name: "podinfo",
      values: () => ({ backend: grafana, ...(caFile ? { caFile } : {}) }),
      schema: { type: "object" },
      ...(trusts ? { contract: { trustsPlatformCa: [{ key: "caFile", contains: "ca.crt" }] } } : {}),
    });
    return extendPlatform(mini, [{ name: "podinfo", namespace: "podinfo", chart: { repository, name: "podinfo", version: "6.9.1" }, adapter }]);
  };

  it("passes apply/platform-ca-trust where the values set the CA key the contract declares", async () => {
    expect((await findings(caller("/etc/platform-ca/ca.crt", true))).filter((d) => d.rule === "apply/platform-ca-trust")).toEqual([]);
  });

  it("reports a call to an internal HTTPS host where the declared CA key is not set, as for a built-in chart", async () => {
    const found = (await findings(caller(undefined, true))).filter((d) => d.rule === "apply/platform-ca-trust");
    expect(found).toEqual([{ rule: "apply/platform-ca-trust", file: VALUES, pointer: "/backend", message: `podinfo calls https://${hostOf(mini.environments[0]!, "grafana")}, whose certificate home-ca issues, but is not given the platform CA` }]);
    // A CA file the contract does not declare as the chart's CA setting is not taken as one.
    expect((await findings(caller("/etc/platform-ca/ca.crt", false))).filter((d) => d.rule === "apply/platform-ca-trust")).toEqual(found);
  });
});

describe("prerequisites a consumer's contract declares", () => {
  /** podinfo reads its API token from a Secret no release creates: a person makes it. */
  const tokenReference: AdapterContract<{ token?: { secretName?: string; key?: string } }> = { refers: [{ kind: "Secret", at: "/token/secretName", keyAt: "/token/key" }] };
  const token = { kind: "Secret", name: "podinfo-token", purpose: "podinfo's API token", keys: [{ key: "token", holds: "the token example.org issued" }] } as const;
  const reader = (contract: AdapterContractSource<{ token?: { secretName?: string; key?: string } }>, name = "podinfo") =>
    defineAdapter<{ token?: { secretName?: string; key?: string } }>({ name, values: () => ({ token: { secretName: "podinfo-token", key: "token" } }), schema: { type: "object" }, contract });
  const withReader = (contract: AdapterContractSource<{ token?: { secretName?: string; key?: string } }>) =>
    extendPlatform(mini, [{ name: "podinfo", namespace: "podinfo", chart: { repository, name: "podinfo", version: "6.9.1" }, adapter: reader(contract) }]);
  const tokenFindings = async (platform: Platform) =>
    (await findings(platform)).filter((d) => d.rule === "apply/references-resolve").map((d) => d.message);

  it("resolves a reference to a Secret the contract declares as a prerequisite, which is otherwise created by no release", async () => {
    expect(await tokenFindings(withReader(tokenReference))).toEqual(['Secret "podinfo-token" in namespace podinfo, used by release podinfo, is created by no release and is not a prerequisite of home']);
    expect(await tokenFindings(withReader({ ...tokenReference, prerequisites: [token] }))).toEqual([]);
  });

  it("hints at the contract's prerequisites for a Secret of a consumer's release that nothing creates", async () => {
    const platform = withReader(tokenReference);
    const files = new Map(generate(platform).map((r) => [r.path, r.content]));
    const found = (await lint(platform, { read: (p) => files.get(p), list: () => [], modelFile: MODEL })).filter((d) => d.rule === "apply/references-resolve");
    expect(found.map((d) => d.hint)).toEqual([`create it in a manifest, or declare it in the contract of the platform's adapter "podinfo" (defineAdapter): in its creates if its chart makes it, in its prerequisites if a person does`]);
  });

  it("still checks the key the values name against the keys declared", async () => {
    const otherKey = { ...token, keys: [{ key: "api-token", holds: "the token" }] };
    expect(await tokenFindings(withReader({ ...tokenReference, prerequisites: [otherKey] }))).toEqual(['Secret "podinfo-token" in namespace podinfo has no key "token" (it holds api-token)']);
  });

  it("lists it with the platform's prerequisites, in the release's namespace unless it names one, supplied by a person unless the platform makes it", () => {
    const platform = withReader({ ...tokenReference, prerequisites: [token, { kind: "Secret", name: "podinfo-session", namespace: "sessions", purpose: "podinfo's session key", keys: [{ key: "key", holds: "a random key", origin: "platform" }] }] });
    const env = platform.environments[0]!;
    const listed = prerequisites(platform, env).filter((p) => p.name.startsWith("podinfo-"));
    expect(listed).toEqual([
      { kind: "Secret", name: "podinfo-token", namespace: "podinfo", purpose: "podinfo's API token", keys: [{ key: "token", holds: "the token example.org issued", origin: "external" }] },
      { kind: "Secret", name: "podinfo-session", namespace: "sessions", purpose: "podinfo's session key", keys: [{ key: "key", holds: "a random key", origin: "platform" }] },
    ]);
    // The generated list a person works through before the first apply.
    const file = generate(platform).find((r) => r.path === "prerequisites/home.yaml")!;
    expect(file.content).toContain("name: podinfo-token\n    namespace: podinfo\n    purpose: podinfo's API token\n    keys:\n      - key: token\n        holds: the token example.org issued\n        value: supplied by a person\n");
    expect(file.content).toContain("value: random (streamforge secrets create)");
  });

  it("lists a Secret two releases read once, with the keys of both", () => {
    const second = reader({ prerequisites: [{ ...token, keys: [{ key: "refresh", holds: "the refresh token" }] }] }, "podinfo-worker");
    const platform = extendPlatform(withReader({ prerequisites: [token] }), [{ name: "podinfo-worker", namespace: "podinfo", chart: { repository, name: "podinfo", version: "6.9.1" }, adapter: second }]);
    const listed = prerequisites(platform, platform.environments[0]!).filter((p) => p.name === "podinfo-token");
    expect(listed.map((p) => p.keys.map((k) => k.key))).toEqual([["token", "refresh"]]);
  });

  it("leaves out the prerequisites of a release the environment does not install", () => {
    const platform = withReader({ prerequisites: [token] });
    const env = { ...platform.environments[0]!, disabled: [...platform.environments[0]!.disabled, "podinfo"] };
    expect(prerequisites(platform, env).some((p) => p.name === "podinfo-token")).toBe(false);
  });

  it("evaluates a contract function on the values the adapter writes, naming the release when it throws", () => {
    const byName = withReader(({ values }) => ({ prerequisites: [{ ...token, name: values.token!.secretName! }] }));
    expect(prerequisites(byName, byName.environments[0]!).some((p) => p.name === "podinfo-token")).toBe(true);
    const broken = withReader(() => {
      throw new Error("no token configured");
    });
    expect(() => prerequisites(broken, broken.environments[0]!)).toThrow('adapter "podinfo" of release "podinfo" in environment home contract failed: no token configured');
  });

  it("refuses a prerequisite it could not list when the adapter is defined", () => {
    const bad = (p: unknown) => () => reader({ prerequisites: [p] } as unknown as AdapterContract<object>);
    expect(bad({ ...token, name: "Podinfo_Token" })).toThrow(`contract prerequisites[0].name is "Podinfo_Token", expected a Secret name (lower case letters, digits, '-' and '.')`);
    expect(bad({ ...token, kind: "ConfigMap" })).toThrow('contract prerequisites[0].kind is "ConfigMap", expected "Secret"');
    expect(bad({ ...token, keys: [] })).toThrow("contract prerequisites[0].keys is empty, expected the keys the chart reads");
    expect(bad({ ...token, keys: [{ key: "token", holds: "x", origin: "vault" }] })).toThrow('contract prerequisites[0].keys[0].origin is "vault", expected "platform" or "external"');
    expect(bad({ ...token, purpose: " " })).toThrow('contract prerequisites[0].purpose is " ", expected what the Secret is for');
  });
});

describe("evaluating a consumer's contract", () => {
  const platform = model();
  const env = platform.environments[0]!;
  const release = platform.releases.find((r) => r.name === "podinfo")!;

  it("reads claims from the values: class, size and count by pointer, the pointer kept for the storage rules", () => {
    expect(ownContract({ platform, env }, release, podinfoValues())?.claims).toEqual([{ what: "podinfo data", storageClass: "nfs-client", at: "/persistence/className", size: "1Gi", count: 2 }]);
  });

  it("leaves out a claim on the default class (no class written)", () => {
    expect(ownContract({ platform, env }, release, { persistence: { size: "1Gi" } })?.claims).toEqual([]);
  });

  it("gives created objects the release's namespace unless they name one (a StorageClass has none)", () => {
    const r = platform.releases.find((x) => x.name === "redis")!;
    expect(ownContract({ platform, env }, r, {})?.creates).toEqual([{ kind: "Secret", name: "redis", namespace: "cache", keys: ["redis-password"] }]);
  });

  it("names the adapter, release and environment when a contract function throws", () => {
    const broken = defineAdapter<PodinfoValues>({ name: "podinfo", values: podinfoValues, schema: { type: "object" }, contract: () => { throw new Error("no cache configured"); } });
    const p = extendPlatform(mini, [{ name: "podinfo", namespace: "podinfo", chart: { repository, name: "podinfo", version: "6.9.1" }, adapter: broken }]);
    expect(() => ownContract({ platform: p, env: p.environments[0]! }, p.releases.at(-1)!, {})).toThrow('adapter "podinfo" of release "podinfo" in environment home contract failed: no cache configured');
  });

  it("refuses a contract it could not evaluate when the adapter is defined", () => {
    const bad = { refers: [{ kind: "Secret", at: "cache.secretName" }] } as unknown as AdapterContract<PodinfoValues>;
    expect(() => podinfo(bad)).toThrow(AdapterDefinitionError);
    expect(() => podinfo(bad)).toThrow('adapter "podinfo": contract refers[0].at is "cache.secretName", expected a JSON pointer into the values ("/a/b")');
    const kind = { creates: [{ kind: "Deployment", name: "x" }] } as unknown as AdapterContract<PodinfoValues>;
    expect(() => podinfo(kind)).toThrow('contract creates[0].kind is "Deployment", expected one of Secret, ConfigMap, ServiceAccount, PersistentVolumeClaim, Service, StorageClass');
    const versioned = { renders: [{ group: "cert-manager.io/v1", kind: "Certificate" }] } as unknown as AdapterContract<PodinfoValues>;
    expect(() => podinfo(versioned)).toThrow('contract renders[0].group is "cert-manager.io/v1", expected the API group of a custom kind ("cert-manager.io"), without a version');
    const lowerKind = { renders: [{ group: "cert-manager.io", kind: "certificate" }] } as unknown as AdapterContract<PodinfoValues>;
    expect(() => podinfo(lowerKind)).toThrow('contract renders[0].kind is "certificate", expected a kind ("Certificate")');
    expect(() => podinfo({ validates: ["apps"] })).toThrow('contract validates[0] is "apps", expected an API group ("example.org"), without a version');
    expect(() => podinfo({ installsCrds: ["Widgets.example.org"] })).toThrow('contract installsCrds[0] is "Widgets.example.org", expected an API group ("example.org"), without a version');
  });

  it("types its pointers by the values type (a key the values lack fails the type check)", () => {
    // @ts-expect-error `/cache/secret` is not a key of PodinfoValues
    const typo: AdapterContract<PodinfoValues> = { refers: [{ kind: "Secret", at: "/cache/secret" }] };
    const nested: AdapterContract<PodinfoValues> = { claims: [{ what: "data", storageClassAt: "/persistence/className" }] };
    expect([typo, nested].length).toBe(2);
  });
});
