/**
 * Kibana's Keycloak login (S35) is an Elasticsearch OIDC realm, which needs a licence above basic.
 * The licence is a model fact: SSO is configured exactly when the licence allows it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { applyOverride } from "../../../src/core/model/override.ts";
import { eckElasticsearch } from "../../../src/helm/charts/eck-elasticsearch.ts";
import { eckKibana } from "../../../src/helm/charts/eck-kibana.ts";
import { elasticsearchSetup } from "../../../src/helm/manifests/elasticsearch-setup.ts";
import { manifestContext } from "../../../src/helm/releases.ts";
import type { Environment } from "../../../src/core/model/types.ts";
import { pathsUnder, yamlOf } from "../../support/generated.ts";

const REALM = "xpack.security.authc.realms.oidc.keycloak";

function rendered(env: Environment) {
  const ctx = { platform: streamforge, env };
  return { es: eckElasticsearch(ctx) as any, kibana: eckKibana(ctx) as any, setup: elasticsearchSetup(manifestContext(streamforge, env)) as any[] };
}

describe.each(streamforge.environments.map((e) => e.name))("Kibana SSO and the Elastic licence in %s", (envName) => {
  const env = streamforge.environments.find((e) => e.name === envName)!;

  it("S35 the model names the licence: an enterprise trial, started by ECK's trial Secret in the operator's namespace", () => {
    expect(env.components.logging.licence).toEqual({ kind: "trial" });
    const trial = pathsUnder(`manifests/${envName}/elasticsearch-setup/`).map((p) => yamlOf(p)).find((o) => o.metadata.name === "eck-trial-license");
    expect(trial).toMatchObject({
      kind: "Secret",
      metadata: {
        namespace: "elastic-system",
        labels: { "common.k8s.elastic.co/type": "license", "license.k8s.elastic.co/type": "enterprise_trial" },
        annotations: { "elastic.co/eula": "accepted" },
      },
    });
    expect(trial.data ?? trial.stringData).toBeUndefined();
  });

  it("S35 with a licence above basic, Elasticsearch runs the OIDC realm and Kibana offers Keycloak first, basic login second", () => {
    const es = yamlOf(`values/${envName}/eck-elasticsearch.yaml`);
    const kibana = yamlOf(`values/${envName}/eck-kibana.yaml`);
    expect(es.nodeSets[0].config[`${REALM}.op.issuer`]).toBeDefined();
    expect(kibana.config["xpack.security.authc.providers"]).toEqual({
      oidc: { keycloak: { order: 0, realm: "keycloak", description: "Keycloak" } },
      basic: { basic1: { order: 1 } },
    });
  });

  it("S35 on a basic licence nothing configures the realm Elasticsearch would refuse: Kibana keeps its own login", () => {
    const { es, kibana, setup } = rendered(applyOverride(env, { components: { logging: { licence: { kind: "basic" } } } }));
    expect(Object.keys(es.nodeSets[0].config).filter((k) => k.startsWith(REALM))).toEqual([]);
    expect(es.secureSettings).toEqual([]);
    expect(kibana.config["xpack.security.authc.providers"]).toEqual({ basic: { basic1: { order: 1 } } });
    expect(setup.some((o) => o.metadata.name === "eck-trial-license")).toBe(false);
  });

  it("S35 an enterprise licence is an existing Secret: SSO on, no trial started", () => {
    const { es, setup } = rendered(applyOverride(env, { components: { logging: { licence: { kind: "enterprise", secret: "eck-license" } } } }));
    expect(es.nodeSets[0].config[`${REALM}.rp.client_id`]).toBe("kibana");
    expect(setup.some((o) => o.metadata.name === "eck-trial-license")).toBe(false);
  });
});

describe("the Kibana SSO decision", () => {
  it("S35 is documented in the README's Decisions", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toMatch(/- \*\*Kibana SSO \(S35\)\.\*\*[^\n]*\n(?: {2}[^\n]*\n)*/);
    const entry = readme.slice(readme.indexOf("- **Kibana SSO (S35).**"), readme.indexOf("- **Kibana SSO (S35).**") + 1200);
    expect(entry).toMatch(/trial/);
    expect(entry).toMatch(/components\.logging\.licence/);
  });
});
