import { describe, expect, it } from "vitest";
import { yamlOf } from "../../support/generated.ts";
import { images } from "../../../src/platform/versions.ts";
import { readFileSync } from "node:fs";
import { mailRelay } from "../../../src/core/model/derive.ts";
import { dnsRecords } from "../../../src/core/model/dns.ts";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { applyOverride } from "../../../src/core/model/override.ts";
import { mailrelay } from "../../../src/helm/charts/mailrelay.ts";

describe.each(streamforge.environments.map((e) => e.name))("mailrelay values in %s", (envName) => {
  const env = streamforge.environments.find((e) => e.name === envName)!;
  const values = () => yamlOf(`values/${envName}/mailrelay.yaml`);

  it("S38 the relay's Service is the SMTP address every sender is given", () => {
    expect(mailRelay({ platform: streamforge, env })).toBe("mailrelay.mail.svc.cluster.local:25");
    expect(values().service.smtp).toMatchObject({ forceRename: "mailrelay", type: "ClusterIP", ports: { smtp: { port: 25, protocol: "TCP" } } });
    expect(streamforge.releases.find((r) => r.name === "mailrelay")!.namespace).toBe("mail");
  });

  it("S27 S38 Alertmanager's sender is of a domain this environment's relay accepts", () => {
    const containerEnv = values().controllers.main.containers.app.env;
    const accepted: string[] = containerEnv.ALLOWED_SENDER_DOMAINS.split(" ");
    const email = yamlOf(`values/${envName}/kube-prometheus-stack.yaml`).alertmanager.config.receivers.find((r: any) => r.name === "email").email_configs[0];
    expect(accepted).toContain(email.from.split("@")[1]);
    expect(email.from).toBe(`alertmanager@${env.domain}`);
  });

  it("S38 the relay has a delivery route: the model's mail host, without MX lookup, whose name has a DNS record here", () => {
    const containerEnv = values().controllers.main.containers.app.env;
    const relayhost = /^\[([^\]]+)\]:(\d+)$/.exec(containerEnv.RELAYHOST);
    expect(relayhost).not.toBeNull();
    expect(relayhost![1]).toBe(env.external.mail.fqdn);
    const records = dnsRecords(streamforge, env);
    expect(records.find((r) => r.name === relayhost![1])?.address).toBe(env.external.mail.ip);
    // No login unless the model names a Secret for one.
    expect(containerEnv).not.toHaveProperty("RELAYHOST_PASSWORD");
  });

  it("S38 A13 with a login the relay authenticates at the delivery host with credentials from a Secret reference only", () => {
    const withLogin = applyOverride(env, { components: { mail: { delivery: { port: 587, loginSecret: "mailrelay-login" } } } });
    const containerEnv = (mailrelay({ platform: streamforge, env: withLogin }) as any).controllers.main.containers.app.env;
    expect(containerEnv.RELAYHOST).toBe(`[${env.external.mail.fqdn}]:587`);
    expect(containerEnv.RELAYHOST_USERNAME).toEqual({ valueFrom: { secretKeyRef: { name: "mailrelay-login", key: "username" } } });
    expect(containerEnv.RELAYHOST_PASSWORD).toEqual({ valueFrom: { secretKeyRef: { name: "mailrelay-login", key: "password" } } });
  });

  it("S27 the Telegram chat id is a required integer of the model schema", () => {
    const schema = JSON.parse(readFileSync("schema/platform.schema.json", "utf8"));
    const text = JSON.stringify(schema);
    expect(text).toContain('"telegramChatId"');
    const alertmanager = findProperty(schema, "alertmanager");
    expect(alertmanager.required).toContain("telegramChatId");
    expect(resolve(schema, alertmanager.properties.telegramChatId).type).toBe("integer");
    const chat = yamlOf(`values/${envName}/kube-prometheus-stack.yaml`).alertmanager.config.receivers.find((r: any) => r.name === "telegram").telegram_configs[0].chat_id;
    expect(chat).toBe(env.components.monitoring.alertmanager.telegramChatId);
  });

  it("S38 A14 the relay runs the catalogue's image on app-template", () => {
    expect(values().controllers.main.containers.app.image).toMatchObject({ repository: images.mailrelay.repository, tag: images.mailrelay.version });
  });
});

/** The first schema node named `name` under some `properties`, following `$ref`s. */
function findProperty(schema: any, name: string): any {
  const seen = new Set<any>();
  const visit = (node: any): any => {
    if (!node || typeof node !== "object" || seen.has(node)) return undefined;
    seen.add(node);
    if (node.properties?.[name]) return resolve(schema, node.properties[name]);
    for (const child of Object.values(node)) {
      const found = visit(child);
      if (found) return found;
    }
    return undefined;
  };
  return visit(schema);
}

function resolve(schema: any, node: any): any {
  if (!node?.$ref) return node;
  const path = (node.$ref as string).replace(/^#\//, "").split("/");
  return resolve(schema, path.reduce((n: any, k) => n[k], schema));
}
