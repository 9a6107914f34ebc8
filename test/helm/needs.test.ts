/**
 * `needs` derived from the adapters' contracts (issue 11, guard b): a release waits for the CRD
 * installer of every custom kind it renders, for the webhook that validates them, and for the
 * release that creates the storage class it claims, without the model writing those needs.
 */
import { describe, expect, it } from "vitest";
import { derivedNeeds } from "../../src/helm/needs.ts";
import { streamforge } from "../../src/platform/streamforge.ts";
import type { Platform } from "../../src/core/model/types.ts";

const model = (name: string) => streamforge.releases.find((r) => r.name === name)!;

describe("derived needs", () => {
  const needs = derivedNeeds(streamforge);

  it("keda renders ServiceMonitors, so it needs kube-prometheus-stack (their CRD and webhook), which the model does not write", () => {
    expect(model("keda").needs).toEqual([]);
    expect(needs.get("keda")).toEqual(["kube-prometheus-stack"]);
  });

  it("local releases need the installer of their custom kinds: Kafka, postgresql, ArangoDeployment, ClusterIssuer, IPAddressPool", () => {
    expect(needs.get("kafka-cluster")).toContain("strimzi-kafka-operator");
    expect(needs.get("postgres-cluster")).toContain("postgres-operator");
    expect(needs.get("arangodb-deployment")).toContain("kube-arangodb");
    expect(needs.get("cert-manager-issuers")).toEqual(["cert-manager"]);
    expect(needs.get("metallb-pools")).toEqual(["metallb"]);
    for (const name of ["kafka-cluster", "postgres-cluster", "arangodb-deployment", "cert-manager-issuers", "metallb-pools"]) expect(model(name).needs).toEqual([]);
  });

  it("chart releases that render custom resources need their operator: Elasticsearch and Kibana need eck-operator, linstor-cluster needs piraeus-operator", () => {
    expect(needs.get("eck-elasticsearch")).toContain("eck-operator");
    expect(needs.get("eck-kibana")).toContain("eck-operator");
    expect(needs.get("linstor-cluster")).toEqual(["piraeus-operator"]);
  });

  it("a release claiming storage needs the release that creates the class: Linstor for MinIO and Vault, NFS for Traefik's ACME volume (S9)", () => {
    expect(needs.get("minio")).toEqual(["linstor-cluster"]);
    expect(needs.get("vault")).toContain("linstor-cluster");
    expect(needs.get("traefik")).toContain("nfs-subdir-external-provisioner");
  });

  it("the model's own needs are kept and a release never needs itself (kube-prometheus-stack serves its own CRDs)", () => {
    expect(needs.get("kube-prometheus-stack")).toEqual(expect.arrayContaining(["mailrelay", "linstor-cluster"]));
    for (const [name, list] of needs) expect(list).not.toContain(name);
  });

  it("the derived graph has no cycle", () => {
    const state = new Map<string, number>();
    const visit = (name: string): void => {
      if (state.get(name) === 2) return;
      expect(state.get(name), `cycle through ${name}`).not.toBe(1);
      state.set(name, 1);
      for (const n of needs.get(name) ?? []) visit(n);
      state.set(name, 2);
    };
    for (const name of needs.keys()) visit(name);
  });

  it("a release installed in no environment implies nothing: without keda in any environment, nothing is derived for it", () => {
    const without: Platform = { ...streamforge, environments: streamforge.environments.map((e) => ({ ...e, disabled: [...e.disabled, "keda"] })) };
    expect(derivedNeeds(without).get("keda")).toEqual([]);
  });
});

describe("monitor switches in any chart's values", () => {
  it("`<serviceMonitor|podMonitor|prometheusRule>.enabled: true` anywhere is a rendered Prometheus operator kind; false or absent is none", async () => {
    const { monitorKinds } = await import("../../src/helm/charts/evaluate.ts");
    expect(monitorKinds({ metrics: { prometheus: { serviceMonitor: { enabled: true } } }, prometheusRule: { enabled: true } })).toEqual([
      { group: "monitoring.coreos.com", kind: "ServiceMonitor" },
      { group: "monitoring.coreos.com", kind: "PrometheusRule" },
    ]);
    expect(monitorKinds({ prometheus: { servicemonitor: { enabled: false } }, podMonitor: {} })).toEqual([]);
  });

  it("finds the shortest and the longest switch names (podMonitor, prometheusRules), in lists too", async () => {
    // Keys are ruled out by their length before the pattern: both ends of the range must pass.
    const { monitorKinds } = await import("../../src/helm/charts/evaluate.ts");
    expect(monitorKinds({ sidecars: [{ podMonitor: { enabled: true } }], prometheusRules: { enabled: true } })).toEqual([
      { group: "monitoring.coreos.com", kind: "PodMonitor" },
      { group: "monitoring.coreos.com", kind: "PrometheusRule" },
    ]);
  });
});
