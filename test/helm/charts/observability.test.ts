/** Values of the observability charts (S22-S27, S35, A11-A13) for prod and lab. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { manifestContext } from "../../../src/helm/releases.ts";
import { resolveWebBackend } from "../../../src/helm/charts/web-backends.ts";
import { yamlOf } from "../../support/generated.ts";

const hasLua = spawnSync("lua5.4", ["-v"]).status === 0;

/** Runs the generated Lua filter function on one record, in the real Lua interpreter. */
function runLua(script: string, fn: string, tag: string, timestamp: string): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "fluent-bit-lua-"));
  const file = join(dir, "run.lua");
  writeFileSync(
    file,
    `${script}\nlocal code, ts, record = ${fn}(${JSON.stringify(tag)}, ${timestamp}, {})\n` +
      `print(code)\nprint(record["es_index_prefix"])\nprint(record["es_index"])\n`,
  );
  const [code, prefix, index] = execFileSync("lua5.4", [file], { encoding: "utf8" }).trim().split("\n");
  return { code: code!, prefix: prefix!, index: index! };
}

/** Parses Fluent Bit's classic config into sections of [key, value] pairs. */
function sections(text: string): Array<{ name: string; entries: Array<[string, string]> }> {
  const out: Array<{ name: string; entries: Array<[string, string]> }> = [];
  for (const line of text.split("\n")) {
    const header = line.match(/^\[(\w+)\]$/);
    if (header) out.push({ name: header[1]!, entries: [] });
    else if (line.trim()) {
      const [, key, value] = line.trim().match(/^(\S+)\s+(.*)$/)!;
      out.at(-1)!.entries.push([key!, value!]);
    }
  }
  return out;
}
const get = (s: { entries: Array<[string, string]> }, key: string) => s.entries.find(([k]) => k === key)?.[1];

describe.each(streamforge.environments.map((e) => e.name))("observability values in %s", (envName) => {
  const env = streamforge.environments.find((e) => e.name === envName)!;
  const kps = yamlOf(`values/${envName}/kube-prometheus-stack.yaml`);
  const grafana = kps.grafana;
  const es = yamlOf(`values/${envName}/eck-elasticsearch.yaml`);
  const kibana = yamlOf(`values/${envName}/eck-kibana.yaml`);
  const fb = yamlOf(`values/${envName}/fluent-bit.yaml`);

  it("S24 A8 prometheus has a 20Gi volume on the model's storage class", () => {
    const spec = kps.prometheus.prometheusSpec.storageSpec.volumeClaimTemplate.spec;
    expect(spec.resources.requests.storage).toBe("20Gi");
    expect(spec.storageClassName).toBe(env.components.monitoring.prometheus.storageClass);
  });

  it("S24 A8 grafana persists on a 1Gi volume of the model's storage class", () => {
    expect(grafana.persistence).toMatchObject({ enabled: true, size: "1Gi", storageClassName: env.components.monitoring.grafana.storageClass });
  });

  it("S22 node exporter and the kubelet's cAdvisor metrics are collected", () => {
    expect(kps.nodeExporter.enabled).toBe(true);
    expect(kps.kubelet.serviceMonitor.cAdvisor).toBe(true);
  });

  it(`S23 A11 prometheus, grafana and alertmanager are served at their hosts under ${env.domain} by the Gateway`, () => {
    expect(kps.prometheus.ingress).toBeUndefined();
    expect(grafana.ingress).toBeUndefined();
    expect(kps.prometheus.prometheusSpec.externalUrl).toBe(`https://prometheus.${env.domain}`);
    expect(kps.alertmanager.alertmanagerSpec.externalUrl).toBe(`https://alertmanager.${env.domain}`);
    expect(grafana["grafana.ini"].server.root_url).toBe(`https://grafana.${env.domain}`);
    expect(resolveWebBackend(manifestContext(streamforge, env), "prometheus")).toMatchObject({ name: "kube-prometheus-stack-prometheus", port: 9090 });
    expect(resolveWebBackend(manifestContext(streamforge, env), "alertmanager")).toMatchObject({ name: "kube-prometheus-stack-alertmanager", port: 9093 });
    expect(resolveWebBackend(manifestContext(streamforge, env), "grafana")).toMatchObject({ name: "kube-prometheus-stack-grafana", port: 80 });
  });

  it("S26 A13 grafana has Elasticsearch and PostgreSQL data sources (Prometheus from the chart), passwords from env references", () => {
    const sources = grafana.additionalDataSources;
    expect(sources.map((s: any) => s.type)).toEqual(["elasticsearch", "grafana-postgresql-datasource"]);
    const [elastic, postgres] = sources;
    expect(elastic.url).toBe("https://elasticsearch-es-http.logging.svc.cluster.local:9200");
    expect(postgres.url).toBe("streamforge-pg.postgres.svc.cluster.local:5432");
    expect(elastic.secureJsonData.basicAuthPassword).toMatch(/^\$\{[A-Z_]+\}$/);
    expect(postgres.secureJsonData.password).toMatch(/^\$\{[A-Z_]+\}$/);
    const name = (ref: string) => ref.slice(2, -1);
    expect(grafana.envValueFrom[name(elastic.secureJsonData.basicAuthPassword)].secretKeyRef).toEqual({ name: "grafana-datasource-elasticsearch", key: "password" });
    expect(grafana.envValueFrom[name(postgres.secureJsonData.password)].secretKeyRef).toEqual({
      name: "monitoring.grafana.streamforge-pg.credentials.postgresql.acid.zalan.do",
      key: "password",
    });
    // The chart's own Prometheus data source stays on (it is not switched off here).
    expect(kps.grafana.sidecar).toBeUndefined();
  });

  it("S35 A12 A13 grafana logs in through Keycloak realm streamforge; the client secret is a Secret reference", () => {
    const oauth = grafana["grafana.ini"]["auth.generic_oauth"];
    const realm = `https://keycloak.${env.domain}/realms/streamforge/protocol/openid-connect`;
    expect(oauth).toMatchObject({ enabled: true, client_id: "grafana", auth_url: `${realm}/auth`, token_url: `${realm}/token`, api_url: `${realm}/userinfo` });
    expect(oauth.client_secret).toBeUndefined();
    expect(grafana.envValueFrom.GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET.secretKeyRef).toEqual({ name: "grafana-oidc", key: "client-secret" });
    expect(grafana.admin.existingSecret).toBe(env.components.monitoring.grafana.adminSecret);
  });

  it("S27 S38 alertmanager groups alerts and mails them through the relay", () => {
    const config = kps.alertmanager.config;
    expect(config.route.group_by).toEqual(["alertname", "namespace", "severity"]);
    expect(config.route.receiver).toBe("email");
    const email = config.receivers.find((r: any) => r.name === "email").email_configs[0];
    expect(email.smarthost).toBe("mailrelay.mail.svc.cluster.local:25");
    expect(email.to).toBe(env.components.monitoring.alertmanager.emailTo);
  });

  it("S27 A13 critical alerts also go to Telegram, the bot token read from a mounted Secret file", () => {
    const config = kps.alertmanager.config;
    const critical = config.route.routes.find((r: any) => r.receiver === "telegram");
    expect(critical).toMatchObject({ matchers: ['severity = "critical"'], continue: true });
    const telegram = config.receivers.find((r: any) => r.name === "telegram").telegram_configs[0];
    const token = env.components.monitoring.alertmanager.telegramBotToken;
    expect(telegram.bot_token_file).toBe(`/etc/alertmanager/secrets/${token.secret}/${token.key}`);
    expect(telegram.bot_token).toBeUndefined();
    expect(kps.alertmanager.alertmanagerSpec.secrets).toEqual([token.secret]);
  });

  it("S25 Elasticsearch has the model's nodes and volumes, named so ECK's Services are predictable", () => {
    const model = env.components.logging.elasticsearch;
    expect(es.fullnameOverride).toBe(model.name);
    expect(es.version).toBe(model.version);
    const [nodes] = es.nodeSets;
    expect(nodes.count).toBe(envName === "prod" ? 3 : 1);
    expect(nodes.volumeClaimTemplates[0].spec).toMatchObject({ storageClassName: model.storageClass, resources: { requests: { storage: model.size } } });
  });

  it("S35 A12 A13 Elasticsearch runs Keycloak's OIDC realm for Kibana, client secret as a secure setting", () => {
    const config = es.nodeSets[0].config;
    expect(config["xpack.security.authc.realms.oidc.keycloak.op.issuer"]).toBe(`https://keycloak.${env.domain}/realms/streamforge`);
    expect(config["xpack.security.authc.realms.oidc.keycloak.rp.redirect_uri"]).toBe(`https://kibana.${env.domain}/api/security/oidc/callback`);
    expect(es.secureSettings).toEqual([
      { secretName: "kibana-oidc", entries: [{ key: "client-secret", path: "xpack.security.authc.realms.oidc.keycloak.rp.client_secret" }] },
    ]);
  });

  it(`S25 S35 A11 Kibana is at kibana.${env.domain}, logs in through the OIDC realm, and is routed to over HTTP`, () => {
    expect(kibana.elasticsearchRef).toEqual({ name: env.components.logging.elasticsearch.name });
    expect(kibana.count).toBe(envName === "prod" ? 2 : 1);
    expect(kibana.config["server.publicBaseUrl"]).toBe(`https://kibana.${env.domain}`);
    expect(kibana.config["xpack.security.authc.providers"].oidc.keycloak.realm).toBe("keycloak");
    expect(kibana.http.tls.selfSignedCertificate.disabled).toBe(true);
    expect(resolveWebBackend(manifestContext(streamforge, env), "kibana")).toMatchObject({ name: "kibana-kb-http", port: 5601 });
  });

  it("S25 A13 fluent-bit ships to ECK's Elasticsearch with the elastic user's Secret and ECK's CA, by reference", () => {
    const [out] = sections(fb.config.outputs);
    expect(get(out!, "Name")).toBe("es");
    expect(get(out!, "Host")).toBe("elasticsearch-es-http.logging.svc.cluster.local");
    expect(get(out!, "HTTP_Passwd")).toBe("${ES_PASSWORD}");
    expect(fb.env).toEqual([{ name: "ES_PASSWORD", valueFrom: { secretKeyRef: { name: "elasticsearch-es-elastic-user", key: "elastic" } } }]);
    expect(get(out!, "tls.verify")).toBe("On");
    expect(fb.extraVolumes[0].secret.secretName).toBe("elasticsearch-es-http-certs-public");
  });

  it("S25 fluent-bit tags app logs <prefix>-<app> and runs the Lua index filter on them", () => {
    const filters = sections(fb.config.filters);
    const retag = filters.find((f) => get(f, "Name") === "rewrite_tag")!;
    expect(retag.entries.filter(([k]) => k === "Rule").map(([, v]) => v.split(" ")[2])).toEqual(Array(3).fill("internal-$1"));
    const lua = filters.find((f) => get(f, "Name") === "lua")!;
    expect(get(lua, "Match")).toBe("internal-*");
    expect(get(lua, "script")).toBe("/fluent-bit/scripts/index-name.lua");
    expect(Object.keys(fb.luaScripts)).toEqual(["index-name.lua"]);
  });

  it.skipIf(!hasLua && process.env.CI !== "true")("S25 the Lua filter names the index internal-myapp-2025.08.07 for tag internal-myapp on 2025-08-07", () => {
    const lua = sections(fb.config.filters).find((f) => get(f, "Name") === "lua")!;
    const script = fb.luaScripts["index-name.lua"];
    const fn = get(lua, "call")!;
    // 2025-08-07 23:59:59 UTC, as a number and as Fluent Bit's {sec, nsec} table.
    const asNumber = runLua(script, fn, "internal-myapp", "1754611199.5");
    expect(asNumber).toEqual({ code: "2", prefix: "internal-myapp", index: "internal-myapp-2025.08.07" });
    expect(runLua(script, fn, "internal-myapp", "{sec = 1754524800, nsec = 0}").index).toBe("internal-myapp-2025.08.07");
    expect(runLua(script, fn, "internal-MyApp", "1754524800").index).toBe("internal-myapp-2025.08.07");
  });

  it.skipIf(!hasLua && process.env.CI !== "true")("S25 the es output names the same index from the Lua filter's prefix field", () => {
    const [out] = sections(fb.config.outputs);
    const script = fb.luaScripts["index-name.lua"];
    const fn = get(sections(fb.config.filters).find((f) => get(f, "Name") === "lua")!, "call")!;
    const { prefix, index } = runLua(script, fn, "internal-myapp", "1754568000");
    expect(get(out!, "Logstash_Format")).toBe("On");
    expect(get(out!, "Logstash_Prefix_Key")).toBe("es_index_prefix");
    // The es output appends separator and strftime(Logstash_DateFormat) of the record's UTC time.
    const date = execFileSync("date", ["-u", "-d", "@1754568000", `+${get(out!, "Logstash_DateFormat")}`], { encoding: "utf8" }).trim();
    expect(`${prefix}${get(out!, "Logstash_Prefix_Separator")}${date}`).toBe(index);
  });
});
