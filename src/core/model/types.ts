/**
 * The typed model of a platform. Everything the generator writes is read from a value of
 * `Platform`; nothing in an emitter invents a fact of its own.
 *
 * These types are the source of `schema/platform.schema.json` (derived, never hand-edited).
 */

/**
 * A dotted-quad IPv4 address, e.g. `192.168.1.153`.
 * @pattern ^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$
 */
export type IPv4 = string;
/**
 * An IPv4 network in CIDR notation, e.g. `192.168.1.0/24`.
 * @pattern ^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])/(3[0-2]|[12]?[0-9])$
 */
export type Cidr = string;
/**
 * A Kubernetes resource quantity, e.g. `20Gi`.
 * @pattern ^[0-9]+(\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$
 */
export type Quantity = string;
/**
 * An exact version pin as the upstream project writes it (`0.14.9`, `v1.18.2`).
 * @pattern ^v?[0-9]+(\.[0-9]+)*([-+][0-9A-Za-z.-]+)?$
 */
export type VersionPin = string;
/**
 * A DNS label (lower case letters, digits and `-`).
 * @pattern ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$
 * @maxLength 63
 */
export type DnsLabel = string;
/**
 * A fully qualified host name, e.g. `grafana.dmz.home`.
 * @pattern ^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z0-9]([-a-z0-9]*[a-z0-9])?$
 * @maxLength 253
 */
export type Fqdn = string;
/**
 * A TCP or UDP port number.
 * @asType integer
 * @minimum 1
 * @maximum 65535
 */
export type Port = number;
/**
 * A whole number of at least one (replicas, cores, sizes in MiB or GiB).
 * @asType integer
 * @minimum 1
 */
export type Count = number;

/**
 * A PostgreSQL role name the Zalando operator accepts for `users` and database owners (v1.14.0
 * rejects any other name, and the cluster then gets no role): lower case letters, digits, `-` and
 * `_`, in dot-separated parts.
 * @pattern ^[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*$
 * @maxLength 63
 */
export type PostgresUser = string;
/**
 * A database name the Zalando operator accepts in `databases` (a letter or `_`, then letters,
 * digits and `_`).
 * @pattern ^[a-zA-Z_][a-zA-Z0-9_]*$
 * @maxLength 63
 */
export type PostgresDatabase = string;

/** A container image the model pins itself (charts pin the rest). */
export interface ContainerImage {
  repository: string;
  /** Exact tag; never `latest`. */
  tag: VersionPin;
}

/** An inclusive range of IPv4 addresses. */
export interface IpRange {
  from: IPv4;
  to: IPv4;
}

/** The LAN every node, VIP and LoadBalancer address lives in. */
export interface Network {
  /** The LAN, e.g. `192.168.1.0/24` (A2). */
  lan: Cidr;
  /** The LAN's default gateway (A2). */
  gateway: IPv4;
}

/** Kubernetes cluster settings that Kubespray applies. */
export interface ClusterSpec {
  /** Short cluster name, used for the API host label (`k2` gives `k2-api`). */
  name: DnsLabel;
  /** Kubernetes version, without a leading `v` (A9). */
  kubernetesVersion: VersionPin;
  /** The kube-vip virtual IP of the API server (S3, A3). */
  apiVip: IPv4;
  /** Host label of the API server; the FQDN is `<apiHost>.<domain>` (A16). */
  apiHost: DnsLabel;
  /** Pod network. */
  podCidr: Cidr;
  /** Service network. */
  serviceCidr: Cidr;
  /** Prefix length of each node's pod subnet (`kube_network_node_prefix`). */
  nodePrefix: number;
  /** Maximum pods per node (`kubelet_max_pods`). */
  maxPods: Count;
  /** Kubespray network plugin. */
  networkPlugin: "calico" | "cilium" | "flannel";
  /** kube-proxy mode. */
  proxyMode: "ipvs" | "iptables";
  /** Container runtime Kubespray installs (`container_manager`); the GPU operator configures it. */
  containerRuntime: "containerd" | "crio";
  /** The Kubespray release that deploys the cluster (S2); its known variables are checked. */
  kubesprayVersion: VersionPin;
  /** Port the API server listens on, behind the kube-vip VIP too. */
  apiPort: number;
  /** Labels Kubespray puts on GPU nodes (`node_labels`), which GPU workloads select. */
  gpuNodeLabels: Record<string, string>;
  /**
   * Whether Prometheus scrapes kube-proxy, etcd, the scheduler and the controller manager. One
   * fact for both sides: when on, Kubespray exposes kube-proxy's and etcd's metrics on the nodes'
   * addresses (it binds them to localhost or leaves them off by default) and kube-prometheus-stack
   * scrapes them; when off, neither side does.
   */
  scrapeControlPlane: boolean;
}

/** The size and disks of the VM that hosts one Kubernetes node (A6). */
export interface VmSpec {
  /** Proxmox VMID, unique in the Proxmox cluster. */
  vmid: Count;
  /** The Proxmox node the VM runs on (A5). */
  host: string;
  cores: Count;
  /** Memory in MiB. */
  memoryMiB: Count;
  /** Size of the OS disk in GiB. */
  osDiskGiB: Count;
  /** Size of the Linstor data disk in GiB, when the node gives storage to Piraeus. */
  dataDiskGiB?: Count;
  /**
   * Block device the guest sees the data disk as (`/dev/sdb`: the second SCSI disk), which
   * Piraeus turns into the node's Linstor storage pool (S14). Set together with `dataDiskGiB`.
   */
  dataDiskDevice?: string;
  /** Fixed MAC address of `net0`, when one is pinned. */
  mac?: string;
  /** PCI device passed through to the VM (the GPU, A5). */
  pciPassthrough?: string;
}

export type NodeRole = "control-plane" | "worker";

/** One Kubernetes node, which is one Proxmox VM (S1). */
export interface ClusterNode {
  name: DnsLabel;
  role: NodeRole;
  ip: IPv4;
  /** The node has an NVIDIA GPU (A4). */
  gpu?: boolean;
  vm: VmSpec;
}

/** A physical Proxmox VE host. */
export interface ProxmoxHost {
  name: string;
  cores: Count;
  memoryMiB: Count;
  /** PCI address of a GPU available for passthrough. */
  gpuPci?: string;
}

/** The Proxmox VE cluster the VMs are cloned in (S1, A5). */
export interface ProxmoxSpec {
  hosts: ProxmoxHost[];
  /** The Proxmox node that holds the template; clones start there and migrate to their node. */
  templateHost: string;
  /** Directory storage with `snippets` content, where each VM's cloud-init user-data is placed. */
  snippetStorage: string;
  /** QEMU CPU type of every VM (`host` passes the physical CPU's flags through). */
  cpuType: string;
  /** VMID of the cloud-init template VMs are cloned from. */
  templateVmid: Count;
  bridge: string;
  storage: string;
  /** Login user cloud-init creates. */
  ciUser: string;
  /** Path (on the operator's machine) of the public key cloud-init installs; never the key itself. */
  sshPublicKeyFile: string;
  /**
   * How many vCPUs may be given per physical core. CPU time is shared, memory is not, so the
   * capacity check applies this ratio to cores only.
   */
  cpuOvercommit: number;
}

/** A storage class the platform offers (A8). */
export interface StorageClass {
  name: string;
  /** What provisions it. `external` classes are static: volumes are created by hand. */
  provisioner: "linstor" | "nfs-subdir" | "glusterfs-external";
  accessModes: Array<"ReadWriteOnce" | "ReadWriteMany">;
  default?: boolean;
  /** Linstor replica count. */
  replicas?: Count;
}

/**
 * A Telegram chat id: a user's id is positive, a group's or channel's negative.
 * @asType integer
 */
export type TelegramChatId = number;

/** A machine outside the cluster that the platform talks to (A15). */
export interface ExternalHost {
  fqdn: Fqdn;
  ip: IPv4;
}

/**
 * A user of Elasticsearch's file realm. Its login is an existing Secret of type
 * `kubernetes.io/basic-auth` in Elasticsearch's namespace with the keys `username` (this
 * `username`), `password` (random, A13) and `roles` (this `role`), which ECK loads into the realm.
 */
export interface ElasticsearchUser {
  username: string;
  secret: string;
  /** Name of the role the platform defines for this user (ECK `auth.roles`). */
  role: string;
}

/** A secret is never a value in the model, only where to find one (A13). */
export interface SecretRef {
  /** Name of an existing Kubernetes Secret. */
  secret: string;
  /** Key inside that Secret. */
  key: string;
}

/** A chart in a Helm repository, or in a git repository that publishes no Helm repository. */
export interface ChartRef {
  /** Repository alias, a key of `Platform.repositories` or `Platform.gitRepositories`. */
  repo: string;
  /** Chart name inside the repository. */
  name: string;
}

/** One Helmfile release. */
export interface Release {
  name: DnsLabel;
  namespace: DnsLabel;
  /**
   * Either a chart from a repository, or `local`: a directory of plain manifests
   * (`manifests/<env>/<release>/`) that Helmfile turns into a chart.
   */
  chart: ChartRef | "local";
  /** Releases that must be installed first (their CRDs, their services). */
  needs: DnsLabel[];
  /** Key of the values adapter (for charts) or manifest builder (for local releases). */
  adapter: string;
}

/** The web UIs of the platform; each gets `<label>.<domain>` with TLS (A11). */
export type WebUi =
  | "kafka-ui"
  | "prometheus"
  | "grafana"
  | "alertmanager"
  | "argocd"
  | "kibana"
  | "keycloak"
  | "vault"
  | "minio"
  | "traefik"
  | "dns";

/** A TCP service routed through Traefik (S11). */
export interface TcpRoute {
  name: DnsLabel;
  /** Port of Traefik's entry point. */
  port: Port;
  /** Where the traffic goes: a host outside the cluster, or the Kafka cluster's external listener. */
  backend: { external: "gitlab" | "nfs"; port: Port } | { kafka: "external" };
}

/** Ingress, TLS and LoadBalancer addresses. */
export interface IngressSpec {
  /** cert-manager ClusterIssuer every host's certificate comes from (S7). */
  issuer: string;
  /** Secret holding the internal CA that `issuer` signs with. */
  caSecret: string;
  /**
   * The internal CA's public certificate, which every client of an endpoint `issuer` signs must
   * trust: an existing Secret in cert-manager's namespace whose key `key` holds the PEM of
   * `caSecret`'s certificate and nothing else (no private key). config-syncer copies it into
   * the namespaces of those clients (S37).
   */
  caBundle: { secret: string; key: string };
  /** MetalLB L2 pool (S4, A7). */
  pool: IpRange;
  /** Fixed LoadBalancer IPs (S8, A7). */
  loadBalancerIps: { traefik: IPv4; ingressNginx: IPv4; dns: IPv4 };
  /** IngressClass of the fallback controller ingress-nginx (S6); never the default class. */
  nginxClass: DnsLabel;
  /** Host label of each web UI (A11). */
  hosts: Record<WebUi, DnsLabel>;
  /** Traefik dashboard path (S10). */
  dashboardPath: string;
  /** TCP services routed by Traefik (S11). */
  tcpRoutes: TcpRoute[];
  /** How `streamforge cert` issues a certificate from `issuer` (S13). */
  certificates: CertificatePolicy;
}

/** Parameters of the certificate cycle of S13: key, lifetime and where the PEM files go. */
export interface CertificatePolicy {
  /** Private key algorithm of new keys. */
  keyAlgorithm: "RSA" | "ECDSA";
  /** Key size in bits: 2048, 3072 or 4096 for RSA; 256 or 384 (the P-curve) for ECDSA. */
  keySize: Count;
  /** Requested lifetime in hours (cert-manager `spec.duration`). */
  durationHours: Count;
  /** A certificate that expires within this many hours fails validation (the renewal window). */
  renewBeforeHours: Count;
  /** Folder the PEM files are saved under, relative to the working directory: `<outDir>/<env>/<name>/`. */
  outDir: string;
  /** Namespace the `CertificateRequest` is created in. */
  namespace: DnsLabel;
}

/**
 * A predefined GitLab CI/CD variable. The templates only reference these (registry, commit);
 * GitLab sets them per job, so no registry address or credential is written anywhere (A13).
 */
export type GitlabPredefinedVariable = "CI_REGISTRY_IMAGE" | "CI_COMMIT_SHA" | "CI_COMMIT_TAG" | "CI_PROJECT_DIR";

/** One application service whose pipeline extends the shared template (S31). */
export interface CiService {
  /** Value of `SERVICE_NAME`: the image name under the project's registry. */
  name: DnsLabel;
  /** Value of `SERVICE_PATH`: the service's folder in the repository, holding its `Dockerfile`. */
  path: string;
}

/**
 * GitLab CI templates the application repositories include (S28, S30, S31). Images are built by
 * kaniko in the in-cluster runner (`runner`), with the project root as context and layer caching.
 */
export interface CiSpec {
  /** Pipeline stages in order (S31): base image, service images, tests, release. */
  stages: [setup: DnsLabel, build: DnsLabel, test: DnsLabel, deploy: DnsLabel];
  /** The kaniko executor image; its `-debug` tag has the shell GitLab runs job scripts with. */
  kaniko: { image: string; version: VersionPin };
  /**
   * The shared base image (S28): built first from `dockerfile` (relative to the project root) as
   * `<registry image>/<name>`, carrying the Python dependencies and the `streamforge_utils` wheel;
   * service Dockerfiles start `FROM ${<buildArg>}`.
   */
  baseImage: { dockerfile: string; name: DnsLabel; buildArg: string };
  /** kaniko's build context: the project root (S30), the folder GitLab checks the repository out in. */
  buildContext: GitlabPredefinedVariable;
  /** Image under the registry image that holds kaniko's layer cache (`--cache-repo`, S30). */
  cacheRepo: DnsLabel;
  /**
   * The shared template file (S31), relative to the repository root, and its hidden jobs. Each
   * job name starts with `.`, which makes it a template GitLab never runs on its own.
   */
  template: { path: string; jobs: { baseImage: string; build: string; test: string; deploy: string } };
  /** Predefined variables the image references are made of (S28). */
  registry: { image: GitlabPredefinedVariable; commit: GitlabPredefinedVariable; release: GitlabPredefinedVariable };
  /**
   * The `runner.volumes` entry (a Secret with `config.json`) that holds the registry credentials;
   * jobs point `DOCKER_CONFIG` at its mount path instead of writing credentials (A13).
   */
  dockerConfigVolume: string;
  /** Command the test job runs in the service folder, inside the image the build job pushed. */
  testCommand: string;
  /** Services with a pipeline of their own (`services/<name>/.gitlab-ci.yml`). */
  services: CiService[];
}

/** Component settings that the platform document fixes or the defaults choose. */
export interface Components {
  traefik: { replicas: Count; acmeStorage: { size: Quantity; storageClass: string } };
  /** The NFS export behind `storageClass`; the server is `external.nfs` (S15). */
  nfs: {
    path: string;
    storageClass: string;
    /** Size of the export, when known: claims on `storageClass` are checked against it. */
    capacity?: Quantity;
  };
  /**
   * MinIO (S16): `replicas` servers of a StatefulSet, each volume `size`; root credentials from the
   * existing Secret `rootSecret` (keys `rootUser`, `rootPassword`, A13); `memory` is each server's request.
   */
  minio: { replicas: Count; size: Quantity; storageClass: string; rootSecret: string; buckets: string[]; memory: Quantity };
  /** Linstor (S14): the LVM thin pool Piraeus builds on every data disk (`VmSpec.dataDiskDevice`). */
  linstor: { storagePool: string };
  kafka: {
    cluster: DnsLabel;
    /**
     * The Kafka Connect cluster (S17): its name (also its KafkaUser's, its consumer group's and
     * the prefix of its internal topics) and its worker count. Connectors are `KafkaConnector`s.
     */
    connect: { name: DnsLabel; replicas: Count };
    version: VersionPin;
    /** Combined controller+broker KRaft nodes. */
    replicas: Count;
    size: Quantity;
    storageClass: string;
    /** Port of the internal TLS listener. */
    tlsPort: Port;
    /**
     * Port of the external listener that Traefik's `kafka` TCP route reaches (S11). Strimzi
     * names the listener's services `<cluster>-kafka-external-bootstrap` and `<pool>-<id>` only
     * for the listener `external` on 9094, which keeps them stable.
     */
    externalPort: Port;
    topics: Array<{ name: string; partitions: Count }>;
  };
  /**
   * Kafka UI (S21): node, replicas, its KafkaUser, and its image (pinned here because an init
   * container runs the same image's `keytool` to build the JVM's truststore for Keycloak).
   */
  kafkaUi: { node: DnsLabel; replicas: Count; user: DnsLabel; image: ContainerImage };
  arangodb: {
    name: DnsLabel;
    /** ArangoDB server version the operator deploys (image `arangodb/arangodb:<version>`). */
    version: VersionPin;
    mode: "Single" | "Cluster";
    /** Members of each group in `Cluster` mode (agents should be odd). */
    cluster: { agents: Count; dbservers: Count; coordinators: Count };
    size: Quantity;
    storageClass: string;
  };
  postgres: {
    name: DnsLabel;
    teamId: DnsLabel;
    instances: Count;
    version: string;
    size: Quantity;
    storageClass: string;
    /**
     * Database name -> owner, by user name. An owner whose client runs in another namespace
     * (Keycloak) becomes the role `<namespace>.<user>` (`postgresLogin`).
     */
    databases: Record<PostgresDatabase, PostgresUser>;
    /** The `psql` image of the Job that grants Grafana's role read access (S26). */
    clientImage: ContainerImage;
    /**
     * Logical backups (S19) into the MinIO bucket `bucket` (S16). The operator's CronJob gets its
     * S3 credentials from the existing Secret `credentialsSecret` (A13).
     */
    backup: { schedule: string; bucket: string; retention: string; credentialsSecret: string };
  };
  monitoring: {
    prometheus: { size: Quantity; storageClass: string; retention: string };
    grafana: {
      size: Quantity;
      storageClass: string;
      /** Existing Secret with the local admin's `admin-user` and `admin-password` (A13). */
      adminSecret: string;
      /**
       * Grafana's PostgreSQL data source (S26): the database and the model's user name; the role's
       * password is the Secret the Zalando operator writes into Grafana's namespace (A13). The
       * Elasticsearch data source logs in as `logging.users.grafana`.
       */
      datasources: {
        postgres: { database: PostgresDatabase; user: PostgresUser };
      };
    };
    alertmanager: {
      size: Quantity;
      storageClass: string;
      /** Mailbox alerts are mailed to; the relay hands it to `mail.delivery` (S38). */
      emailTo: string;
      /**
       * Local part of the sender address. The domain is the environment's own, which is the one
       * domain that environment's relay accepts senders from (`mailSenderDomains`).
       */
      emailFromLocalPart: string;
      /** Telegram chat that receives critical alerts (a group's id is negative); required. */
      telegramChatId: TelegramChatId;
      telegramBotToken: SecretRef;
    };
  };
  logging: {
    elasticsearch: { name: DnsLabel; version: VersionPin; nodes: Count; size: Quantity; storageClass: string };
    kibana: { replicas: Count };
    /** Tag prefix of index names (`internal-myapp-2025.08.07`, S25). */
    indexPrefix: string;
    /**
     * Elasticsearch's own users for the platform's clients, each with only the privileges its
     * client needs on the `indexPrefix` indices: Grafana reads (S26), Fluent Bit writes (S25).
     */
    users: { grafana: ElasticsearchUser; fluentBit: ElasticsearchUser };
    /**
     * The Elastic licence of the stack. Kibana's Keycloak login (S35) is an Elasticsearch OIDC
     * realm, which needs more than `basic`: `trial` starts ECK's 30-day enterprise trial (after
     * it, Elasticsearch falls back to basic and Kibana to its own login); `enterprise` is an
     * existing licence Secret in the ECK operator's namespace; `basic` has no Kibana SSO.
     */
    licence: { kind: "basic" } | { kind: "trial" } | { kind: "enterprise"; secret: string };
  };
  runner: {
    node: DnsLabel;
    serviceAccount: string;
    privileged: boolean;
    /** Why the runner needs privileged containers (reported by lint). */
    privilegedReason: string;
    concurrent: Count;
    /** Existing Secret with the runner authentication token (keys `runner-token`, `runner-registration-token`). */
    tokenSecret: string;
    /** Existing Secret holding `<gitlab fqdn>.crt`, the CA that signs GitLab's certificate (A13). */
    gitlabCaSecret: string;
    /**
     * Volumes of CI job pods. A `pvc` volume with `size` and `storageClass` has its claim created
     * by the platform (release `gitlab-runner-jobs`), ReadWriteMany when the class allows it, since
     * concurrent jobs mount it together.
     */
    volumes: Array<{ name: string; kind: "pvc" | "secret" | "configMap"; source: string; mountPath: string; size?: Quantity; storageClass?: string }>;
    /**
     * Tags of the runner, which CI jobs select it by (`tags:` in the templates of `ci`). With
     * runner authentication tokens GitLab keeps a runner's tags (set when the runner is created
     * in GitLab), so the chart is not told them.
     */
    tags: string[];
  };
  /** GitLab CI of the StreamForge application repositories (S28, S30, S31). */
  ci: CiSpec;
  argocd: { repoPath: string; replicas: Count };
  keycloak: {
    realm: string;
    replicas: Count;
    clients: Record<"grafana" | "kibana" | "argocd" | "kafka-ui", SecretRef>;
    /**
     * Realm group whose members administer every application behind SSO: Grafana's `Admin`
     * role and Argo CD's `role:admin` are given to it by name (the `groups` claim).
     */
    adminGroup: DnsLabel;
    /** Existing Secret with Keycloak's bootstrap admin login (keys `username`, `password`, A13). */
    bootstrapAdminSecret: string;
  };
  vault: {
    replicas: Count;
    size: Quantity;
    storageClass: string;
    /** How often the Secrets Store CSI driver re-reads mounted secrets from Vault (S34: short-lived secrets). */
    rotationPollInterval: string;
  };
  /** Settings of the GPU operator; whether it runs is `disabled` (the one switch). */
  gpu: { driverVersion?: VersionPin };
  /** The SMTP relay every component sends mail through (S38). */
  mail: {
    /** The SMTP relay's image. */
    image: ContainerImage;
    port: Port;
    /**
     * Where the relay delivers every message (S38): the external host `host` of `external` on
     * `port`, used as the relay host without an MX lookup, with its login in an existing Secret
     * (keys `username`, `password`) when it asks for one. `.home` domains have no public MX, so
     * the route is always explicit.
     */
    delivery: { host: "mail"; port: Port; loginSecret?: string };
  };
  /** Technitium DNS (S12); its zone is the environment's domain. */
  dns: {
    /** Technitium DNS Server image. */
    image: ContainerImage;
    size: Quantity;
    storageClass: string;
    /** Existing Secret with Technitium's admin password (key `password`, A13). */
    adminSecret: string;
    /** Host label of the name server record (`ns.<domain>` -> Technitium's LoadBalancer IP). */
    nsHost: DnsLabel;
    /** SOA and record timings of every zone, in seconds (RFC 1035). */
    zone: { ttl: Count; refresh: Count; retry: Count; expire: Count; negativeTtl: Count; hostmaster: DnsLabel };
  };
}

/** One environment: a whole cluster and what runs on it. */
export interface Environment {
  name: DnsLabel;
  /** The DNS domain every host lives under (A1). */
  domain: Fqdn;
  network: Network;
  cluster: ClusterSpec;
  nodes: ClusterNode[];
  proxmox: ProxmoxSpec;
  storageClasses: StorageClass[];
  ingress: IngressSpec;
  /** Hosts outside the cluster (A15). */
  external: { gitlab: ExternalHost; nfs: ExternalHost; mail: ExternalHost };
  /**
   * Settings of the components this environment installs. Each is needed only when a release
   * whose adapter reads it is installed (`dns` always: every environment gets its zone).
   */
  components: Partial<Components> & Pick<Components, "dns">;
  /** Chart version per release (`catalogue` plus this environment's overrides). */
  versions: Record<string, VersionPin>;
  /** Releases this environment leaves out (e.g. `gpu-operator` in `lab`). */
  disabled: DnsLabel[];
}

/** An environment with the settings of every component (the embedded StreamForge model's). */
export interface CompleteEnvironment extends Environment {
  components: Components;
}

/** A platform whose environments all carry every component's settings (the embedded model). */
export type CompletePlatform = Omit<Platform, "environments"> & { environments: CompleteEnvironment[] };

/** A whole platform: its repositories, its releases and its environments. */
/**
 * A chart kept in a git repository, read by Helmfile through go-getter
 * (`git::<url>@<chartsPath>/<chart>?ref=<tagPrefix><version>`).
 */
export interface GitRepository {
  url: string;
  /** Folder of the repository that holds the charts. */
  chartsPath: string;
  /** What precedes the chart version in the release tag, e.g. `v`. */
  tagPrefix: string;
}

/** What is known of one published chart version, for the version checks. */
export interface ChartFacts {
  /** The chart's `kubeVersion` constraint, when it declares one. */
  kubeVersion?: string;
  /** Custom resource API versions (`group/version`) whose CRDs the chart installs and serves. */
  crdApiVersions?: string[];
}

export interface Platform {
  name: string;
  /**
   * The commands that regenerate (`gen`) and drift-check (`check`) this platform's files in the
   * repository that owns the model; every generated header and lint hint names them. Default
   * `npm run gen` and `npm run check`; a consumer might say `npx streamforge gen --model platform.ts`.
   */
  commands?: { gen?: string; check?: string };
  /** The environment commands use when `--env` is not given. */
  defaultEnvironment: string;
  /**
   * Helm repositories by alias: a repository URL (`https://`, `file://`), or an OCI registry path
   * `oci://<registry>/<path>` whose charts are `oci://<registry>/<path>/<chart>`, as Helm names them.
   */
  repositories: Record<string, string>;
  /** Git repositories charts are read from where no Helm repository publishes them, by alias. */
  gitRepositories?: Record<string, GitRepository>;
  releases: Release[];
  environments: Environment[];
  /** Facts of the chart versions environments pin: by release name, then version. */
  chartFacts?: Record<string, Record<VersionPin, ChartFacts>>;
}
