import { describe, expect, it } from "vitest";
import { yamlOf } from "../../support/generated.ts";
import { images } from "../../../src/platform/versions.ts";
import { mailRelay } from "../../../src/core/model/derive.ts";
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

  it("S38 without a smarthost in the model the relay delivers directly: no relay host, no login", () => {
    const containerEnv = values().controllers.main.containers.app.env;
    expect(env.components.mail.smarthost).toBeUndefined();
    expect(containerEnv).not.toHaveProperty("RELAYHOST");
    expect(containerEnv).not.toHaveProperty("RELAYHOST_PASSWORD");
    expect(containerEnv.ALLOWED_SENDER_DOMAINS).toBe(env.domain);
  });

  it("S38 A13 with a smarthost the relay forwards to it, with credentials from a Secret reference only", () => {
    const withRelay = applyOverride(env, { components: { mail: { smarthost: { relay: "[smtp.example.org]:587", secret: "mailrelay-smarthost" } } } });
    const containerEnv = (mailrelay({ platform: streamforge, env: withRelay }) as any).controllers.main.containers.app.env;
    expect(containerEnv.RELAYHOST).toBe("[smtp.example.org]:587");
    expect(containerEnv.RELAYHOST_USERNAME).toEqual({ valueFrom: { secretKeyRef: { name: "mailrelay-smarthost", key: "username" } } });
    expect(containerEnv.RELAYHOST_PASSWORD).toEqual({ valueFrom: { secretKeyRef: { name: "mailrelay-smarthost", key: "password" } } });
  });

  it("S38 A14 the relay runs the catalogue's image on app-template", () => {
    expect(values().controllers.main.containers.app.image).toMatchObject({ repository: images.mailrelay.repository, tag: images.mailrelay.version });
  });
});
