import type { ValuesAdapter } from "./adapter.ts";
import type { AppTemplateValues } from "./types/app-template.ts";
import { appTemplateImage } from "./app-template.ts";
import { RELOADER_AUTO_ANNOTATION } from "./reloader.ts";
import { METALLB_IPS_ANNOTATION } from "./traefik.ts";
import { hostOf, releaseOf } from "../../core/model/derive.ts";
import { settingsOf } from "../../core/model/components.ts";

/** Ports Technitium listens on in its container. */
const DNS_PORT = 53;
const WEB_PORT = 5380;
const CONFIG_PATH = "/etc/dns";
const ADMIN_PASSWORD_PATH = "/run/secrets/technitium";

/**
 * Technitium DNS Server (S12) on app-template (A14). DNS (53, TCP and UDP) is a LoadBalancer
 * Service on Technitium's fixed address (A7), which it must request: the MetalLB pool assigns none
 * on its own. The web console is a ClusterIP Service reached through `gateway-routes` on its own
 * host (A11); `web-backends` reads its name and port from `service.web`. The configuration and zones live on a
 * volume of the model's size and class. The admin password is read from an existing Secret (A13);
 * names it cannot answer are forwarded to the LAN gateway (A2).
 */
export const technitium: ValuesAdapter<AppTemplateValues> = ({ platform, env }) => {
  const release = releaseOf(platform, "technitium");
  const dns = settingsOf(env, "dns");
  return {
    global: { fullnameOverride: release.name },
    controllers: {
      main: {
        type: "deployment",
        replicas: 1,
        // One writer of the configuration volume at a time.
        strategy: "Recreate",
        annotations: { [RELOADER_AUTO_ANNOTATION]: "true" },
        containers: {
          app: {
            image: appTemplateImage(settingsOf(env, "dns").image),
            env: {
              DNS_SERVER_DOMAIN: hostOf(env, "dns"),
              DNS_SERVER_WEB_SERVICE_HTTP_PORT: WEB_PORT,
              DNS_SERVER_ADMIN_PASSWORD_FILE: `${ADMIN_PASSWORD_PATH}/password`,
              DNS_SERVER_RECURSION: "AllowOnlyForPrivateNetworks",
              DNS_SERVER_FORWARDERS: env.network.gateway,
            },
            probes: {
              liveness: { enabled: true, type: "TCP", port: WEB_PORT },
              readiness: { enabled: true, type: "TCP", port: WEB_PORT },
            },
          },
        },
      },
    },
    service: {
      web: {
        controller: "main",
        forceRename: `${release.name}-web`,
        type: "ClusterIP",
        ports: { http: { port: WEB_PORT, protocol: "HTTP" } },
      },
      dns: {
        controller: "main",
        forceRename: `${release.name}-dns`,
        type: "LoadBalancer",
        annotations: { [METALLB_IPS_ANNOTATION]: env.ingress.loadBalancerIps.dns },
        // Keeps clients' source addresses, which recursion is restricted by.
        externalTrafficPolicy: "Local",
        ports: {
          "dns-tcp": { port: DNS_PORT, protocol: "TCP" },
          "dns-udp": { port: DNS_PORT, protocol: "UDP" },
        },
      },
    },
    persistence: {
      config: {
        type: "persistentVolumeClaim",
        accessMode: "ReadWriteOnce",
        size: dns.size,
        storageClass: dns.storageClass,
        globalMounts: [{ path: CONFIG_PATH }],
      },
      "admin-password": {
        type: "secret",
        name: dns.adminSecret,
        globalMounts: [{ path: ADMIN_PASSWORD_PATH, readOnly: true }],
      },
    },
  };
};
