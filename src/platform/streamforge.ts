/**
 * The StreamForge platform: every fact of `PLATFORM.md` (S1-S38) and its defaults (A1-A16),
 * written once. `lab` is `prod` plus a typed override.
 */
import { deepFreeze } from "../core/model/freeze.ts";
import type { ClusterNode, CompleteEnvironment, CompletePlatform, GitRepository, Platform, Release, VmSpec } from "../core/model/types.ts";
import { applyOverride } from "../core/model/override.ts";
import { type ChartPin, chartVersions, environmentVersions, images, softwareVersions } from "./versions.ts";

/** VM sizes (A6). */
const size = {
  controlPlane: { cores: 4, memoryMiB: 8 * 1024, osDiskGiB: 64 },
  worker: { cores: 8, memoryMiB: 32 * 1024, osDiskGiB: 128, dataDiskGiB: 200, dataDiskDevice: "/dev/sdb" },
  gpuWorker: { cores: 16, memoryMiB: 64 * 1024, osDiskGiB: 128, dataDiskGiB: 200, dataDiskDevice: "/dev/sdb" },
} satisfies Record<string, Omit<VmSpec, "vmid" | "host">>;

const GPU_PCI = "0000:01:00";

/** Helm repositories by alias (the alias each project uses in its own docs). */
const repositories: Record<string, string> = {
  jetstack: "https://charts.jetstack.io",
  metallb: "https://metallb.github.io/metallb",
  traefik: "https://traefik.github.io/charts",
  "ingress-nginx": "https://kubernetes.github.io/ingress-nginx",
  "nfs-subdir-external-provisioner": "https://kubernetes-sigs.github.io/nfs-subdir-external-provisioner/",
  "piraeus-charts": "https://piraeus.io/helm-charts/",
  minio: "https://charts.min.io/",
  strimzi: "https://strimzi.io/charts/",
  "kube-arangodb": "https://arangodb.github.io/kube-arangodb",
  "postgres-operator-charts": "https://opensource.zalando.com/postgres-operator/charts/postgres-operator",
  kedacore: "https://kedacore.github.io/charts",
  "kafka-ui": "https://provectus.github.io/kafka-ui-charts",
  "prometheus-community": "https://prometheus-community.github.io/helm-charts",
  elastic: "https://helm.elastic.co",
  fluent: "https://fluent.github.io/helm-charts",
  gitlab: "https://charts.gitlab.io",
  argo: "https://argoproj.github.io/argo-helm",
  stakater: "https://stakater.github.io/stakater-charts",
  hashicorp: "https://helm.releases.hashicorp.com",
  "secrets-store-csi-driver": "https://kubernetes-sigs.github.io/secrets-store-csi-driver/charts",
  codecentric: "https://codecentric.github.io/helm-charts",
  nvidia: "https://helm.ngc.nvidia.com/nvidia",
  appscode: "https://charts.appscode.com/stable/",
  "bjw-s": "https://bjw-s-labs.github.io/helm-charts",
};

/**
 * The Piraeus operator chart is not in any Helm repository at the pinned version (the piraeus.io
 * repository has linstor-cluster only); Helmfile reads it from the operator's git tag.
 */
const gitRepositories: Record<string, GitRepository> = {
  "piraeus-operator": { url: "https://github.com/piraeusdatastore/piraeus-operator.git", chartsPath: "charts", tagPrefix: "v" },
};

const chart = (repo: string, name: string) => ({ repo, name });

/** The release of one web UI's HTTPRoute, in the UI's namespace, after the Gateway and the UI's release. */
function uiRoutes(list: Array<[ui: string, namespace: string, serving: string]>): Release[] {
  return list.map(([ui, namespace, serving]) => ({ name: `routes-${ui}`, namespace, chart: "local", needs: ["gateway-routes", serving], adapter: `routes-${ui}` }));
}

/**
 * One release per component. Needs that follow from what a release renders (the CRD installer,
 * an admission webhook) or claims (the storage class's provisioner) are derived by `gen`
 * (`emit/needs.ts`); the ones written here are Services and objects a release uses. Custom resources are `local` releases (a directory of plain
 * manifests) that `need` the release installing their CRDs (A14).
 */
const releases: Release[] = [
  { name: "cert-manager", namespace: "cert-manager", chart: chart("jetstack", "cert-manager"), needs: [], adapter: "cert-manager" },
  { name: "cert-manager-issuers", namespace: "cert-manager", chart: "local", needs: [], adapter: "cert-manager-issuers" },
  { name: "metallb", namespace: "metallb-system", chart: chart("metallb", "metallb"), needs: [], adapter: "metallb" },
  { name: "metallb-pools", namespace: "metallb-system", chart: "local", needs: [], adapter: "metallb-pools" },
  { name: "traefik", namespace: "traefik", chart: chart("traefik", "traefik"), needs: ["metallb-pools", "cert-manager-issuers"], adapter: "traefik" },
  // The Gateway, its listeners' certificates and the ssh route; each UI's HTTPRoute is a release of
  // its own in the UI's namespace, after the UI's release only, so one failing UI blocks one route.
  { name: "gateway-routes", namespace: "traefik", chart: "local", needs: ["traefik", "cert-manager-issuers"], adapter: "gateway-routes" },
  ...uiRoutes([
    ["kafka-ui", "kafka", "kafka-ui"],
    ["prometheus", "monitoring", "kube-prometheus-stack"],
    ["grafana", "monitoring", "kube-prometheus-stack"],
    ["alertmanager", "monitoring", "kube-prometheus-stack"],
    ["argocd", "argocd", "argo-cd"],
    ["kibana", "logging", "eck-kibana"],
    ["keycloak", "keycloak", "keycloakx"],
    ["vault", "vault", "vault"],
    ["minio", "minio", "minio"],
    ["traefik", "traefik", "traefik"],
    ["dns", "dns", "technitium"],
  ]),
  { name: "routes-kafka", namespace: "kafka", chart: "local", needs: ["gateway-routes", "kafka-cluster"], adapter: "routes-kafka" },
  { name: "ingress-nginx", namespace: "ingress-nginx", chart: chart("ingress-nginx", "ingress-nginx"), needs: ["metallb-pools"], adapter: "ingress-nginx" },
  { name: "nfs-subdir-external-provisioner", namespace: "nfs-provisioner", chart: chart("nfs-subdir-external-provisioner", "nfs-subdir-external-provisioner"), needs: [], adapter: "nfs-subdir-external-provisioner" },
  { name: "piraeus-operator", namespace: "piraeus-datastore", chart: chart("piraeus-operator", "piraeus"), needs: ["cert-manager"], adapter: "piraeus-operator" },
  { name: "linstor-cluster", namespace: "piraeus-datastore", chart: chart("piraeus-charts", "linstor-cluster"), needs: [], adapter: "linstor-cluster" },
  { name: "storage-classes", namespace: "kube-system", chart: "local", needs: [], adapter: "storage-classes" },
  { name: "minio", namespace: "minio", chart: chart("minio", "minio"), needs: [], adapter: "minio" },
  { name: "strimzi-kafka-operator", namespace: "kafka", chart: chart("strimzi", "strimzi-kafka-operator"), needs: [], adapter: "strimzi-kafka-operator" },
  { name: "kafka-cluster", namespace: "kafka", chart: "local", needs: [], adapter: "kafka-cluster" },
  { name: "kube-arangodb", namespace: "arangodb", chart: chart("kube-arangodb", "kube-arangodb"), needs: [], adapter: "kube-arangodb" },
  { name: "arangodb-deployment", namespace: "arangodb", chart: "local", needs: [], adapter: "arangodb-deployment" },
  { name: "postgres-operator", namespace: "postgres", chart: chart("postgres-operator-charts", "postgres-operator"), needs: [], adapter: "postgres-operator" },
  { name: "postgres-cluster", namespace: "postgres", chart: "local", needs: [], adapter: "postgres-cluster" },
  { name: "keda", namespace: "keda", chart: chart("kedacore", "keda"), needs: [], adapter: "keda" },
  { name: "kafka-ui", namespace: "kafka", chart: chart("kafka-ui", "kafka-ui"), needs: ["kafka-cluster", "config-syncer"], adapter: "kafka-ui" },
  { name: "kube-prometheus-stack", namespace: "monitoring", chart: chart("prometheus-community", "kube-prometheus-stack"), needs: ["mailrelay", "config-syncer"], adapter: "kube-prometheus-stack" },
  { name: "eck-operator", namespace: "elastic-system", chart: chart("elastic", "eck-operator"), needs: [], adapter: "eck-operator" },
  { name: "elasticsearch-setup", namespace: "logging", chart: "local", needs: ["cert-manager-issuers"], adapter: "elasticsearch-setup" },
  { name: "eck-elasticsearch", namespace: "logging", chart: chart("elastic", "eck-elasticsearch"), needs: ["config-syncer", "elasticsearch-setup"], adapter: "eck-elasticsearch" },
  { name: "eck-kibana", namespace: "logging", chart: chart("elastic", "eck-kibana"), needs: ["eck-elasticsearch"], adapter: "eck-kibana" },
  { name: "fluent-bit", namespace: "logging", chart: chart("fluent", "fluent-bit"), needs: ["eck-elasticsearch", "config-syncer"], adapter: "fluent-bit" },
  { name: "gitlab-runner", namespace: "gitlab-runner", chart: chart("gitlab", "gitlab-runner"), needs: [], adapter: "gitlab-runner" },
  // The ServiceAccount and claims CI job pods use (the chart creates only the runner's own account).
  { name: "gitlab-runner-jobs", namespace: "gitlab-runner", chart: "local", needs: [], adapter: "gitlab-runner-jobs" },
  { name: "argo-cd", namespace: "argocd", chart: chart("argo", "argo-cd"), needs: ["keycloakx", "config-syncer"], adapter: "argo-cd" },
  { name: "reloader", namespace: "reloader", chart: chart("stakater", "reloader"), needs: [], adapter: "reloader" },
  { name: "secrets-store-csi-driver", namespace: "kube-system", chart: chart("secrets-store-csi-driver", "secrets-store-csi-driver"), needs: [], adapter: "secrets-store-csi-driver" },
  { name: "vault", namespace: "vault", chart: chart("hashicorp", "vault"), needs: ["secrets-store-csi-driver"], adapter: "vault" },
  { name: "keycloakx", namespace: "keycloak", chart: chart("codecentric", "keycloakx"), needs: ["postgres-cluster"], adapter: "keycloakx" },
  { name: "gpu-operator", namespace: "gpu-operator", chart: chart("nvidia", "gpu-operator"), needs: [], adapter: "gpu-operator" },
  { name: "config-syncer", namespace: "kubeops", chart: chart("appscode", "config-syncer"), needs: [], adapter: "config-syncer" },
  { name: "technitium", namespace: "dns", chart: chart("bjw-s", "app-template"), needs: ["metallb-pools"], adapter: "technitium" },
  { name: "mailrelay", namespace: "mail", chart: chart("bjw-s", "app-template"), needs: [], adapter: "mailrelay" },
];

/** Spreads nodes over Proxmox hosts with sequential VMIDs from `firstVmid` (A5). */
function vm(vmid: number, host: string, spec: Omit<VmSpec, "vmid" | "host">): VmSpec {
  return { vmid, host, ...spec };
}

const prodNodes: ClusterNode[] = [
  { name: "k2m-1", role: "control-plane", ip: "192.168.1.101", vm: vm(2101, "pve1", size.controlPlane) },
  { name: "k2m-2", role: "control-plane", ip: "192.168.1.102", vm: vm(2102, "pve2", size.controlPlane) },
  { name: "k2m-3", role: "control-plane", ip: "192.168.1.103", vm: vm(2103, "pve3", size.controlPlane) },
  { name: "k2w-1", role: "worker", ip: "192.168.1.111", vm: vm(2111, "pve1", size.worker) },
  { name: "k2w-2", role: "worker", ip: "192.168.1.112", vm: vm(2112, "pve2", size.worker) },
  { name: "k2w-3", role: "worker", ip: "192.168.1.113", vm: vm(2113, "pve3", size.worker) },
  { name: "k2w-4", role: "worker", ip: "192.168.1.114", vm: vm(2114, "pve1", size.worker) },
  { name: "k2w-5", role: "worker", ip: "192.168.1.115", vm: vm(2115, "pve2", size.worker) },
  { name: "k2w-6", role: "worker", ip: "192.168.1.116", vm: vm(2116, "pve3", size.worker) },
  { name: "k2w-7", role: "worker", ip: "192.168.1.117", vm: vm(2117, "pve1", size.worker) },
  { name: "k2w-8", role: "worker", ip: "192.168.1.118", gpu: true, vm: { ...vm(2118, "pve3", size.gpuWorker), pciPassthrough: GPU_PCI } },
  { name: "k2w-9", role: "worker", ip: "192.168.1.119", vm: vm(2119, "pve2", size.worker) },
];

const labNodes: ClusterNode[] = [
  { name: "k2lab-m1", role: "control-plane", ip: "192.168.1.171", vm: vm(3101, "pve1", size.controlPlane) },
  { name: "k2lab-w1", role: "worker", ip: "192.168.1.172", vm: vm(3102, "pve2", size.worker) },
  { name: "k2lab-w2", role: "worker", ip: "192.168.1.173", vm: vm(3103, "pve3", size.worker) },
];

const pinnedVersions = (pins: Partial<Record<string, ChartPin>>): Record<string, string> =>
  Object.fromEntries(Object.entries(pins).flatMap(([release, pin]) => (pin ? [[release, pin.version]] : [])));

const versions = pinnedVersions({ ...chartVersions, ...environmentVersions.prod });

/** Facts of every pinned chart version, whichever environment pins it. */
function chartFacts(): NonNullable<Platform["chartFacts"]> {
  const facts: NonNullable<Platform["chartFacts"]> = {};
  for (const pins of [chartVersions, ...Object.values(environmentVersions)] as Array<Partial<Record<string, ChartPin>>>) {
    for (const [release, pin] of Object.entries(pins)) {
      if (!pin) continue;
      (facts[release] ??= {})[pin.version] = {
        ...(pin.kubeVersion !== undefined ? { kubeVersion: pin.kubeVersion } : {}),
        ...(pin.crdApiVersions !== undefined ? { crdApiVersions: [...pin.crdApiVersions] } : {}),
      };
    }
  }
  return facts;
}

export const prod: CompleteEnvironment = {
  name: "prod",
  domain: "dmz.home",
  network: { lan: "192.168.1.0/24", gateway: "192.168.1.1" },
  cluster: {
    name: "k2",
    kubernetesVersion: softwareVersions.kubernetes,
    apiVip: "192.168.1.100",
    apiHost: "k2-api",
    podCidr: "10.233.64.0/18",
    serviceCidr: "10.233.0.0/18",
    nodePrefix: 24,
    maxPods: 110,
    networkPlugin: "calico",
    proxyMode: "ipvs",
    containerRuntime: "containerd",
    kubesprayVersion: softwareVersions.kubespray,
    apiPort: 6443,
    gpuNodeLabels: { "streamforge.io/gpu": "nvidia" },
    scrapeControlPlane: true,
  },
  nodes: prodNodes,
  proxmox: {
    hosts: [
      { name: "pve1", cores: 32, memoryMiB: 192 * 1024 },
      { name: "pve2", cores: 32, memoryMiB: 192 * 1024 },
      { name: "pve3", cores: 32, memoryMiB: 192 * 1024, gpuPci: GPU_PCI },
    ],
    templateHost: "pve1",
    snippetStorage: "local",
    cpuType: "host",
    templateVmid: 9000,
    bridge: "vmbr0",
    storage: "local-lvm",
    ciUser: "ubuntu",
    sshPublicKeyFile: "~/.ssh/id_ed25519.pub",
    cpuOvercommit: 2,
  },
  storageClasses: [
    { name: "linstor-r2", provisioner: "linstor", accessModes: ["ReadWriteOnce"], default: true, replicas: 2 },
    { name: "nfs-client", provisioner: "nfs-subdir", accessModes: ["ReadWriteOnce", "ReadWriteMany"] },
    { name: "glusterfs", provisioner: "glusterfs-external", accessModes: ["ReadWriteOnce", "ReadWriteMany"] },
  ],
  ingress: {
    issuer: "homelab-ca-issuer",
    caSecret: "homelab-ca",
    caBundle: { secret: "homelab-ca-bundle", key: "ca.crt" },
    pool: { from: "192.168.1.150", to: "192.168.1.169" },
    loadBalancerIps: { traefik: "192.168.1.153", ingressNginx: "192.168.1.154", dns: "192.168.1.155" },
    nginxClass: "nginx",
    hosts: {
      "kafka-ui": "kafka-ui",
      prometheus: "prometheus",
      grafana: "grafana",
      alertmanager: "alertmanager",
      argocd: "argocd",
      kibana: "kibana",
      keycloak: "keycloak",
      vault: "vault",
      minio: "minio",
      traefik: "traefik",
      dns: "dns",
    },
    dashboardPath: "/dashboard",
    tcpRoutes: [
      { name: "ssh", port: 2222, backend: { external: "gitlab", port: 22 } },
      { name: "kafka", port: 9094, backend: { kafka: "external" } },
    ],
    certificates: {
      keyAlgorithm: "RSA",
      keySize: 2048,
      durationHours: 2160,
      renewBeforeHours: 360,
      outDir: "certs",
      namespace: "cert-manager",
    },
  },
  external: {
    gitlab: { fqdn: "gitlab.dmz.home", ip: "192.168.1.10" },
    nfs: { fqdn: "nfs.dmz.home", ip: "192.168.1.6" },
    // The LAN mail host that holds the platform's mailboxes (alerts@dmz.home): a default, the
    // platform document names none.
    mail: { fqdn: "mail.dmz.home", ip: "192.168.1.11" },
  },
  components: {
    traefik: { replicas: 2, acmeStorage: { size: "1Gi", storageClass: "nfs-client" } },
    nfs: { path: "/data0/k2", storageClass: "nfs-client" },
    minio: { replicas: 4, size: "50Gi", storageClass: "linstor-r2", rootSecret: "minio-root", buckets: ["models", "backups"], memory: "2Gi" },
    linstor: { storagePool: "data" },
    kafka: {
      cluster: "k3",
      version: softwareVersions.kafka,
      replicas: 3,
      size: "30Gi",
      storageClass: "linstor-r2",
      connect: { name: "k3-connect", replicas: 2 },
      tlsPort: 9093,
      externalPort: 9094,
      topics: [
        { name: "market-candles", partitions: 6 },
        { name: "trade-events", partitions: 6 },
      ],
    },
    kafkaUi: { node: "k2w-7", replicas: 1, user: "kafka-ui", image: { repository: images.kafkaUi.repository, tag: images.kafkaUi.version } },
    arangodb: {
      name: "arangodb",
      version: softwareVersions.arangodb,
      mode: "Cluster",
      cluster: { agents: 3, dbservers: 3, coordinators: 3 },
      size: "50Gi",
      storageClass: "linstor-r2",
    },
    postgres: {
      name: "streamforge-pg",
      teamId: "streamforge",
      instances: 2,
      version: softwareVersions.postgres,
      size: "20Gi",
      storageClass: "linstor-r2",
      databases: { streamforge: "streamforge", keycloak: "keycloak" },
      clientImage: { repository: images.postgresClient.repository, tag: images.postgresClient.version },
      backup: { schedule: "30 2 * * *", bucket: "backups", retention: "2 weeks", credentialsSecret: "postgres-backup-s3" },
    },
    monitoring: {
      prometheus: { size: "20Gi", storageClass: "linstor-r2", retention: "15d" },
      grafana: {
        size: "1Gi",
        storageClass: "linstor-r2",
        adminSecret: "grafana-admin",
        datasources: {
          postgres: { database: "streamforge", user: "grafana" },
        },
      },
      alertmanager: {
        size: "1Gi",
        storageClass: "linstor-r2",
        emailTo: "alerts@dmz.home",
        emailFromLocalPart: "alertmanager",
        telegramChatId: -1001000000000,
        telegramBotToken: { secret: "alertmanager-telegram", key: "bot-token" },
      },
    },
    logging: {
      elasticsearch: { name: "elasticsearch", version: softwareVersions.elasticStack, nodes: 3, size: "30Gi", storageClass: "linstor-r2" },
      kibana: { replicas: 2 },
      indexPrefix: "internal",
      users: {
        grafana: { username: "grafana", secret: "elasticsearch-user-grafana", role: "streamforge-logs-reader" },
        fluentBit: { username: "fluent-bit", secret: "elasticsearch-user-fluent-bit", role: "streamforge-logs-writer" },
      },
      // Kibana SSO (S35) needs a licence above basic; see README, Decisions.
      licence: { kind: "trial" },
    },
    runner: {
      node: "k2w-9",
      serviceAccount: "full-access-sa",
      privileged: true,
      privilegedReason: "kaniko builds in CI jobs need privileged build pods (S29)",
      concurrent: 4,
      tokenSecret: "gitlab-runner-token",
      gitlabCaSecret: "home-certificates",
      volumes: [
        { name: "runner-home", kind: "pvc", source: "runner-home", mountPath: "/home/runner", size: "10Gi", storageClass: "nfs-client" },
        { name: "docker-config", kind: "secret", source: "docker-config", mountPath: "/kaniko/.docker" },
        { name: "home-certificates", kind: "secret", source: "home-certificates", mountPath: "/etc/gitlab-runner/certs" },
      ],
      tags: ["kubernetes", "kaniko"],
    },
    ci: {
      stages: ["setup", "build", "test", "deploy"],
      kaniko: { image: images.kaniko.repository, version: images.kaniko.version },
      baseImage: { dockerfile: "platform/Dockerfile", name: "streamforge-base", buildArg: "BASE_IMAGE" },
      buildContext: "CI_PROJECT_DIR",
      cacheRepo: "kaniko-cache",
      template: {
        path: ".gitlab/ci-templates/python-service.yml",
        jobs: {
          baseImage: ".build_base_image",
          build: ".build_python_service",
          test: ".test_python_service",
          deploy: ".deploy_python_service",
        },
      },
      registry: { image: "CI_REGISTRY_IMAGE", commit: "CI_COMMIT_SHA", release: "CI_COMMIT_TAG" },
      dockerConfigVolume: "docker-config",
      testCommand: "python -m pytest",
      services: [{ name: "dummy-service", path: "services/dummy-service" }],
    },
    argocd: { repoPath: "streamforge/iac_kubeadm", replicas: 2 },
    keycloak: {
      realm: "streamforge",
      replicas: 2,
      clients: {
        grafana: { secret: "grafana-oidc", key: "client-secret" },
        kibana: { secret: "kibana-oidc", key: "client-secret" },
        argocd: { secret: "argocd-oidc", key: "client-secret" },
        "kafka-ui": { secret: "kafka-ui-oidc", key: "client-secret" },
      },
      adminGroup: "platform-admins",
      bootstrapAdminSecret: "keycloak-admin",
    },
    vault: { replicas: 3, size: "10Gi", storageClass: "linstor-r2", rotationPollInterval: "2m" },
    gpu: {},
    mail: { image: { repository: images.mailrelay.repository, tag: images.mailrelay.version }, port: 25, delivery: { host: "mail", port: 25 } },
    dns: {
      image: { repository: images.technitium.repository, tag: images.technitium.version },
      size: "1Gi",
      storageClass: "linstor-r2",
      adminSecret: "technitium-admin",
      nsHost: "ns",
      zone: { ttl: 3600, refresh: 3600, retry: 600, expire: 604800, negativeTtl: 300, hostmaster: "hostmaster" },
    },
  },
  versions,
  disabled: [],
};

/** `lab`: a small staging cluster (A1), everything else as in `prod`. */
export const lab: CompleteEnvironment = applyOverride(prod, {
  name: "lab",
  domain: "lab.dmz.home",
  cluster: { name: "k2lab", apiVip: "192.168.1.170", apiHost: "k2lab-api" },
  nodes: labNodes,
  ingress: {
    pool: { from: "192.168.1.180", to: "192.168.1.189" },
    loadBalancerIps: { traefik: "192.168.1.180", ingressNginx: "192.168.1.181", dns: "192.168.1.182" },
  },
  components: {
    traefik: { replicas: 1 },
    // Two 200 GiB data disks behind linstor-r2: staging keeps every volume small.
    minio: { replicas: 1, size: "20Gi" },
    kafka: { replicas: 1, size: "10Gi", connect: { replicas: 1 } },
    kafkaUi: { node: "k2lab-w1" },
    arangodb: { mode: "Single", size: "10Gi" },
    postgres: { instances: 1, size: "10Gi" },
    logging: { elasticsearch: { nodes: 1, size: "10Gi" }, kibana: { replicas: 1 } },
    runner: { node: "k2lab-w2" },
    argocd: { replicas: 1 },
    keycloak: { replicas: 1 },
    vault: { replicas: 1 },
  },
  versions: pinnedVersions({ ...chartVersions, ...environmentVersions.lab }),
  disabled: ["gpu-operator"],
});

export const streamforge: CompletePlatform = {
  name: "streamforge",
  defaultEnvironment: "prod",
  repositories,
  gitRepositories,
  releases,
  environments: [prod, lab],
  chartFacts: chartFacts(),
};

// Shared by every importer of the package: `prod`, `lab` and everything under them are read-only.
// Derive a variant with `applyOverride`, which returns a fresh, unfrozen copy.
deepFreeze(streamforge);
