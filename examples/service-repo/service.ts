/**
 * The orders service, as its own repository models it: what it is (topics, scaling, host, CI)
 * and its Deployment. Everything the platform decides (Kafka address, listener, auth, issuer,
 * Traefik's address, the CI template) comes from @streamforge/platform's model.
 *
 * `npm run gen` writes the files below `deploy/` and `.gitlab-ci.yml`; `npm run check` and
 * `npm run lint` check them.
 */
import { streamforge } from "@streamforge/platform";
import { manifestFile, serviceKit, type KubeObject, type ServiceKit, type ServiceSpec } from "@streamforge/platform/service-kit";

const spec: ServiceSpec = {
  name: "orders",
  path: "services/orders",
  topics: [
    { name: "orders", partitions: 6, access: "consume" },
    { name: "invoices", partitions: 3, access: "produce" },
  ],
  scaling: { lagThreshold: 100, minReplicas: 1, maxReplicas: 6 },
  host: { label: "orders", port: 8080 },
  ci: { project: "streamforge/streamforge", ref: "main" },
};

const kit = serviceKit(streamforge, "prod", spec);

/** The image the shared CI template pushes for this service (S28). */
const image = "registry.dmz.home/streamforge/orders:1.0.0";

const deployment: KubeObject = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: spec.name, namespace: kit.namespace, labels: { "app.kubernetes.io/name": spec.name } },
  spec: {
    // KEDA owns the replica count (the ScaledObject); none is set here.
    selector: { matchLabels: { "app.kubernetes.io/name": spec.name } },
    template: {
      metadata: { labels: { "app.kubernetes.io/name": spec.name } },
      spec: {
        containers: [
          {
            name: spec.name,
            image,
            ports: [{ name: "http", containerPort: 8080 }],
            env: kit.client.env,
            volumeMounts: kit.client.volumeMounts,
          },
        ],
        volumes: kit.client.volumes,
      },
    },
  },
};

const httpService: KubeObject = {
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: spec.name, namespace: kit.namespace },
  spec: { selector: { "app.kubernetes.io/name": spec.name }, ports: [{ name: "http", port: 8080, targetPort: "http" }] },
};

/** What `streamforge gen/lint --model service.ts` work on. */
export const service: ServiceKit = {
  ...kit,
  files: () => kit.files({ command: "npm run gen", extra: [manifestFile("deploy/prod/deployment.yaml", [deployment, httpService])] }),
};
