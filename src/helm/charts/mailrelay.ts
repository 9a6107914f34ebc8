import type { ValuesAdapter } from "./adapter.ts";
import type { AppTemplateValues } from "./types/app-template.ts";
import { appTemplateImage } from "./app-template.ts";
import { RELOADER_AUTO_ANNOTATION } from "./reloader.ts";
import { mailDeliveryRoute, mailRelayService, mailSenderDomains } from "../../core/model/derive.ts";
import { settingsOf } from "../../core/model/components.ts";

/** Port the relay's Postfix listens on in its container. */
const SMTP_CONTAINER_PORT = 587;

/**
 * The mail relay (S38) on app-template (A14): one in-cluster SMTP Service that Alertmanager,
 * CronJobs and CI jobs send through (`mailRelay()`). Its Service name and port are
 * `mailRelayService()`, the address every sender is given. It accepts mail from pods and the LAN
 * from senders of the environment's domain (`mailSenderDomains`) and hands everything to the
 * model's delivery host (`mailDeliveryRoute`), with a login from the existing Secret the model
 * names if it has one (keys `username`, `password`, A13); the queue is scratch space.
 */
export const mailrelay: ValuesAdapter<AppTemplateValues> = (ctx) => {
  const { env } = ctx;
  const { service, port } = mailRelayService(ctx);
  const route = mailDeliveryRoute(env);
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
              RELAYHOST: route.relayhost,
              ...(route.loginSecret
                ? {
                    RELAYHOST_USERNAME: { valueFrom: fromSecret(route.loginSecret, "username") },
                    RELAYHOST_PASSWORD: { valueFrom: fromSecret(route.loginSecret, "password") },
                  }
                : {}),
              ALLOWED_SENDER_DOMAINS: mailSenderDomains(env).join(" "),
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
