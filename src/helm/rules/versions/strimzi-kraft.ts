import semver from "semver";
import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { isObject, type Rule } from "../../../core/lint/context.ts";

/** Strimzi 0.46 removed ZooKeeper support: every Kafka cluster must run KRaft with node pools. */
const KRAFT_ONLY_FROM = "0.46.0";
const SOURCE = "Strimzi 0.46.0 release notes: ZooKeeper-based clusters are no longer supported";

export const strimziKraft: Rule = {
  id: "versions/strimzi-kraft",
  description: "Kafka clusters run KRaft with node pools when Strimzi is 0.46 or newer (no ZooKeeper)",
  check(ctx) {
    const out: Diagnostic[] = [];
    const operator = ctx.platform.releases.find((r) => r.chart !== "local" && r.chart.name === "strimzi-kafka-operator");
    const version = operator ? ctx.env.versions[operator.name] : undefined;
    const sv = version ? semver.coerce(version) : null;
    if (!operator || !sv || semver.lt(sv, KRAFT_ONLY_FROM)) return out;
    const pools = ctx.kubeObjects.filter((d) => d.kind === "KafkaNodePool" && d.apiVersion.startsWith("kafka.strimzi.io/"));
    for (const doc of ctx.kubeObjects) {
      if (doc.kind !== "Kafka" || !doc.apiVersion.startsWith("kafka.strimzi.io/")) continue;
      const meta = isObject(doc.object.metadata) ? doc.object.metadata : {};
      const name = String(meta.name ?? "");
      const annotations = isObject(meta.annotations) ? meta.annotations : {};
      const spec = isObject(doc.object.spec) ? doc.object.spec : {};
      const hint = `Strimzi ${version} needs KRaft (${SOURCE})`;
      if ("zookeeper" in spec) out.push(ctx.at(this.id, { ...doc, pointer: `${doc.pointer}/spec/zookeeper` }, `Kafka ${name} configures ZooKeeper`, { hint }));
      for (const key of ["strimzi.io/kraft", "strimzi.io/node-pools"]) {
        if (annotations[key] !== "enabled") {
          out.push(ctx.at(this.id, { ...doc, pointer: `${doc.pointer}/metadata` }, `Kafka ${name} lacks the annotation ${key}: enabled`, { hint }));
        }
      }
      const own = pools.filter((p) => {
        const labels = isObject(p.object.metadata) && isObject(p.object.metadata.labels) ? p.object.metadata.labels : {};
        return labels["strimzi.io/cluster"] === name;
      });
      const roles = own.flatMap((p) => (isObject(p.object.spec) && Array.isArray(p.object.spec.roles) ? p.object.spec.roles : []));
      if (!roles.includes("controller")) {
        out.push(ctx.at(this.id, { ...doc, pointer: `${doc.pointer}/metadata/name` }, `Kafka ${name} has no KafkaNodePool with the controller role`, { hint }));
      }
    }
    return out;
  },
};
