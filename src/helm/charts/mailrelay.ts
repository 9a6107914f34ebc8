import type { ValuesAdapter } from "./adapter.ts";
import type { AppTemplateValues } from "./types/app-template.ts";
import { appTemplateImage } from "./app-template.ts";
import { RELOADER_AUTO_ANNOTATION } from "./reloader.ts";
import { mailRelayService } from "../../core/model/derive.ts";
import { settingsOf } from "../../core/model/components.ts";

/** Port the relay's Postfix listens on in its container. */
const SMTP_CONTAINER_PORT = 587;

/**
 * The mail relay (S38) on app-template (A14): one in-cluster SMTP Service that Alertmanager,
 * CronJobs and CI jobs send through (`mailRelay()`), forwarding to the model's smarthost if any. Its Service name
 * and port are `mailRelayService()`, the address every sender is given. It accepts mail from pods
 * and the LAN for the platform's domain only. A smarthost's login comes from the existing Secret the
 * model names (keys `username`, `password`, A13); the queue is scratch space.
 */
export const mailrelay: ValuesAdapter<AppTemplateValues> = (ctx) => {
  const { env } = ctx;
  const { service, port } = mailRelayService(ctx);
  const mail = settingsOf(env, "mail");
  const relay = mail.smarthost;
  const fromSecret = (name: string, key: string) => ({ secretKeyRef: { name, key } });
  return {
    global: { fullnameOverride: service },
    controllers: {
      main: {
        type: "deployment",
        replicas: 1,
        annotations: { [RELOADER_AUTO_ANNOTATION]: "true" },
        containers: {
          app: {
            image: appTemplateImage(settingsOf(env, "mail").image),
            env: {
              ...(relay
                ? {
                    RELAYHOST: relay.relay,
                    RELAYHOST_USERNAME: { valueFrom: fromSecret(relay.secret, "username") },
                    RELAYHOST_PASSWORD: { valueFrom: fromSecret(relay.secret, "password") },
                  }
                : {}),
              ALLOWED_SENDER_DOMAINS: env.domain,
              POSTFIX_mynetworks: [env.cluster.podCidr, env.network.lan].join(","),
            },
            probes: {
              liveness: { enabled: true, type: "TCP", port: SMTP_CONTAINER_PORT },
              readiness: { enabled: true, type: "TCP", port: SMTP_CONTAINER_PORT },
            },
          },
        },
      },
    },
    service: {
      smtp: {
        controller: "main",
        forceRename: service,
        type: "ClusterIP",
        ports: { smtp: { port, targetPort: SMTP_CONTAINER_PORT, protocol: "TCP" } },
      },
    },
    persistence: {
      spool: { type: "emptyDir", globalMounts: [{ path: "/var/spool/postfix" }] },
    },
  };
};
