import {
  apply,
  header,
  plan,
  sortRecords
} from "./chunk-USOL5YMT.mjs";
import {
  images
} from "./chunk-U2IFGJIN.mjs";

// src/emit/yaml.ts
import { stringify } from "yaml";
var OPTIONS = { version: "1.1", lineWidth: 0, minContentWidth: 0, indentSeq: true };
var KUBE_KEY_ORDER = ["apiVersion", "kind", "metadata"];
function orderKubeObject(object) {
  const ordered = {};
  for (const key2 of KUBE_KEY_ORDER) if (key2 in object) ordered[key2] = object[key2];
  for (const [key2, value] of Object.entries(object)) if (!(key2 in ordered)) ordered[key2] = value;
  return ordered;
}
function prune(value) {
  if (Array.isArray(value)) return value.map(prune);
  if (value !== null && typeof value === "object") {
    const out = {};
    for (const [k, v2] of Object.entries(value)) if (v2 !== void 0) out[k] = prune(v2);
    return out;
  }
  return value;
}
function toYaml(data) {
  return stringify(prune(data), OPTIONS);
}
var emitted = /* @__PURE__ */ new Map();
function emittedDocuments(text) {
  return emitted.get(text);
}
function yamlFile(...documents) {
  const pruned = documents.map(prune);
  const text = header("#") + pruned.map((doc) => stringify(doc, OPTIONS)).join("---\n");
  emitted.set(text, pruned);
  return text;
}

// src/model/derive.ts
function hostOf(env, ui) {
  return `${env.ingress.hosts[ui]}.${env.domain}`;
}
function webHosts(env) {
  return Object.keys(env.ingress.hosts).map((ui) => ({ ui, fqdn: hostOf(env, ui) }));
}
function apiFqdn(env) {
  return `${env.cluster.apiHost}.${env.domain}`;
}
function nameservers(env) {
  return [env.ingress.loadBalancerIps.dns, env.network.gateway];
}
function releaseOf(platform, name) {
  const release = platform.releases.find((r) => r.name === name);
  if (!release) throw new Error(`platform ${platform.name} has no release named "${name}"`);
  return release;
}
function namespaceOf(platform, name) {
  return releaseOf(platform, name).namespace;
}
function isEnabled(env, release) {
  return !env.disabled.includes(release.name);
}
function serviceHost(service, namespace) {
  return `${service}.${namespace}.svc.cluster.local`;
}
function kafkaBootstrap({ platform, env }) {
  const kafka = env.components.kafka;
  return `${serviceHost(`${kafka.cluster}-kafka-bootstrap`, namespaceOf(platform, "kafka-cluster"))}:${kafka.tlsPort}`;
}
function mailRelayService({ platform, env }) {
  const release = releaseOf(platform, "mailrelay");
  return { service: release.name, namespace: release.namespace, port: env.components.mail.port };
}
function mailRelay(ctx) {
  const { service, namespace, port } = mailRelayService(ctx);
  return `${serviceHost(service, namespace)}:${port}`;
}
function gatewayOf({ platform }) {
  const release = releaseOf(platform, "traefik");
  return { name: release.name, namespace: release.namespace, className: release.name };
}
function oidcIssuer(env) {
  return `https://${hostOf(env, "keycloak")}/realms/${env.components.keycloak.realm}`;
}
function onNode(name) {
  return { "kubernetes.io/hostname": name };
}
function tlsSecretOf(fqdn) {
  return `${fqdn.replaceAll(".", "-")}-tls`;
}
function kafkaPoolName(_env) {
  return "dual-role";
}
function kafkaExternal({ platform, env }) {
  const kafka = env.components.kafka;
  const route = env.ingress.tcpRoutes.find((r) => "kafka" in r.backend);
  if (!route) throw new Error(`environment ${env.name} has no TCP route to the Kafka external listener`);
  const pool = kafkaPoolName(env);
  return {
    listener: "external",
    namespace: namespaceOf(platform, "kafka-cluster"),
    port: kafka.externalPort,
    advertisedPort: route.port,
    bootstrapService: `${kafka.cluster}-kafka-external-bootstrap`,
    bootstrapHost: `${route.name}.${env.domain}`,
    brokers: Array.from({ length: kafka.replicas }, (_, nodeId) => ({
      nodeId,
      service: `${kafka.cluster}-${pool}-${nodeId}`,
      host: `${route.name}-${nodeId}.${env.domain}`
    }))
  };
}
function kafkaClusterCaSecret(env) {
  return `${env.components.kafka.cluster}-cluster-ca-cert`;
}
function postgresAddress({ platform, env }) {
  return `${serviceHost(env.components.postgres.name, namespaceOf(platform, "postgres-cluster"))}:5432`;
}
function elasticsearchUrl({ platform, env }) {
  const es = env.components.logging.elasticsearch;
  return `https://${serviceHost(`${es.name}-es-http`, namespaceOf(platform, "eck-elasticsearch"))}:9200`;
}
function elasticsearchSecrets(env) {
  const name = env.components.logging.elasticsearch.name;
  return {
    elasticUser: { secret: `${name}-es-elastic-user`, key: "elastic" },
    httpCa: { secret: `${name}-es-http-certs-public`, key: "ca.crt" }
  };
}
function s3Endpoint({ platform }) {
  return `http://${serviceHost("minio", namespaceOf(platform, "minio"))}:9000`;
}
function postgresUserSecret(env, user, namespace) {
  const manifestUser = `${namespace}.${user}`;
  return {
    secret: `${manifestUser}.${env.components.postgres.name}.credentials.postgresql.acid.zalan.do`,
    namespace,
    manifestUser
  };
}
function gpuNodes(env) {
  return env.nodes.filter((n) => n.gpu === true);
}
function gitlabUrl(env) {
  return `https://${env.external.gitlab.fqdn}/`;
}
function ciEnvironment(platform) {
  const env = platform.environments.find((e) => e.name === platform.defaultEnvironment);
  if (!env) throw new Error(`default environment ${platform.defaultEnvironment} is not an environment of ${platform.name}`);
  return env;
}
function ciDockerConfigDir(env) {
  const name = env.components.ci.dockerConfigVolume;
  const volume = env.components.runner.volumes.find((v2) => v2.name === name && v2.kind === "secret");
  if (!volume) throw new Error(`ci.dockerConfigVolume ${name} is not a secret volume of the runner (components.runner.volumes)`);
  return volume.mountPath;
}

// src/emit/helmfile.ts
function manifestDir(env, release) {
  return `manifests/${env}/${release}`;
}
function valuesPath(env, release) {
  return `values/${env}/${release}.yaml`;
}
function gitChart(repo, name, version) {
  return `git::${repo.url}@${repo.chartsPath}/${name}?ref=${repo.tagPrefix}${version}`;
}
function releaseSpec(platform, release) {
  const envName = "{{ .Environment.Name }}";
  const { chart } = release;
  const isLocal = chart === "local";
  const git = chart === "local" ? void 0 : platform.gitRepositories?.[chart.repo];
  const version = `{{ index .Values "${release.name}" "version" }}`;
  return {
    name: release.name,
    namespace: release.namespace,
    chart: chart === "local" ? `./${manifestDir(envName, release.name)}` : git ? gitChart(git, chart.name, version) : `${chart.repo}/${chart.name}`,
    version: isLocal || git ? void 0 : version,
    condition: `${release.name}.enabled`,
    needs: release.needs.length ? release.needs.map((n) => `${namespaceOf(platform, n)}/${n}`) : void 0,
    values: isLocal ? void 0 : [valuesPath(envName, release.name)]
  };
}
function emitHelmfile(platform) {
  const environments = Object.fromEntries(
    platform.environments.map((env) => [env.name, { values: [`environments/${env.name}.yaml`] }])
  );
  const usedRepos = new Set(platform.releases.flatMap((r) => r.chart === "local" ? [] : [r.chart.repo]));
  const repositories = Object.entries(platform.repositories).filter(([name]) => usedRepos.has(name)).map(([name, url]) => ({ name, url }));
  const body = {
    helmDefaults: { wait: true, timeout: 600, createNamespace: true },
    repositories,
    releases: platform.releases.map((r) => releaseSpec(platform, r))
  };
  return { path: "helmfile.yaml.gotmpl", content: yamlFile({ environments }) + "---\n" + toYaml(body) };
}

// src/emit/environments.ts
function emitEnvironment(platform, env) {
  const data = {
    environment: env.name,
    domain: env.domain,
    kubernetesVersion: env.cluster.kubernetesVersion
  };
  for (const release of platform.releases) {
    const entry = { enabled: isEnabled(env, release) };
    if (release.chart !== "local") {
      const version = env.versions[release.name];
      if (version === void 0) throw new Error(`environment ${env.name} pins no version for release "${release.name}"`);
      entry.version = version;
    }
    data[release.name] = entry;
  }
  return { path: `environments/${env.name}.yaml`, content: yamlFile(data), env: env.name };
}

// src/charts/cert-manager.ts
var certManager = () => ({
  crds: { enabled: true, keep: true },
  prometheus: { enabled: true, servicemonitor: { enabled: false } }
});

// src/charts/metallb.ts
var metallb = () => ({
  speaker: { enabled: true, frr: { enabled: false } }
});

// src/charts/traefik.ts
var traefikEntryPoints = { web: 8e3, websecure: 8443 };
var METALLB_IPS_ANNOTATION = "metallb.io/loadBalancerIPs";
function accessModeOf(env, storageClass) {
  const cls = env.storageClasses.find((c) => c.name === storageClass);
  if (!cls) throw new Error(`traefik: storage class "${storageClass}" is not one of ${env.name}'s storage classes`);
  return cls.accessModes.includes("ReadWriteMany") ? "ReadWriteMany" : "ReadWriteOnce";
}
var traefik = ({ env }) => {
  const { traefik: spec } = env.components;
  const tcpPorts = Object.fromEntries(
    env.ingress.tcpRoutes.map((route) => [
      route.name,
      { port: route.port, expose: { default: true }, exposedPort: route.port, protocol: "TCP" }
    ])
  );
  return {
    deployment: { replicas: spec.replicas },
    podDisruptionBudget: spec.replicas > 1 ? { enabled: true, maxUnavailable: 1 } : { enabled: false },
    ingressClass: { enabled: true, isDefaultClass: true },
    providers: {
      kubernetesCRD: { enabled: true, allowCrossNamespace: false, allowExternalNameServices: false },
      kubernetesIngress: { enabled: true },
      kubernetesGateway: { enabled: true, experimentalChannel: false }
    },
    gateway: { enabled: false },
    gatewayClass: { enabled: false },
    ingressRoute: { dashboard: { enabled: false } },
    ports: {
      web: {
        port: traefikEntryPoints.web,
        redirections: { entryPoint: { to: "websecure", scheme: "https", permanent: true } }
      },
      websecure: { port: traefikEntryPoints.websecure, tls: { enabled: true } },
      ...tcpPorts
    },
    service: {
      enabled: true,
      type: "LoadBalancer",
      annotations: { [METALLB_IPS_ANNOTATION]: env.ingress.loadBalancerIps.traefik }
    },
    persistence: {
      enabled: true,
      size: spec.acmeStorage.size,
      storageClass: spec.acmeStorage.storageClass,
      accessMode: accessModeOf(env, spec.acmeStorage.storageClass)
    }
  };
};

// src/charts/ingress-nginx.ts
var ingressNginx = ({ env }) => ({
  controller: {
    ingressClass: env.ingress.nginxClass,
    ingressClassResource: { name: env.ingress.nginxClass, enabled: true, default: false },
    watchIngressWithoutClass: false,
    service: {
      enabled: true,
      type: "LoadBalancer",
      annotations: { [METALLB_IPS_ANNOTATION]: env.ingress.loadBalancerIps.ingressNginx }
    }
  }
});

// src/charts/nfs-subdir-external-provisioner.ts
var nfsSubdirExternalProvisioner = ({ env }) => {
  const { nfs } = env.components;
  const cls = env.storageClasses.find((c) => c.name === nfs.storageClass);
  if (!cls || cls.provisioner !== "nfs-subdir") {
    throw new Error(`nfs-subdir-external-provisioner: ${env.name} has no nfs-subdir storage class "${nfs.storageClass}"`);
  }
  return {
    nfs: { server: env.external.nfs.ip, path: nfs.path },
    storageClass: {
      create: true,
      name: cls.name,
      defaultClass: cls.default === true,
      accessModes: cls.accessModes.includes("ReadWriteMany") ? "ReadWriteMany" : "ReadWriteOnce",
      archiveOnDelete: true
    }
  };
};

// src/charts/piraeus-operator.ts
var piraeusOperator = () => ({
  installCRDs: true,
  tls: { autogenerate: true }
});

// src/charts/linstor-cluster.ts
var LINSTOR_PROVISIONER = "linstor.csi.linbit.com";
var DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";
var hostnameIn = (nodes) => ({
  nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: nodes.map((n) => n.name) }] }]
});
function storageNodesByDevice(env) {
  const byDevice = /* @__PURE__ */ new Map();
  for (const node of env.nodes) {
    const device = node.vm.dataDiskDevice;
    if (node.role !== "worker" || !node.vm.dataDiskGiB || !device) continue;
    byDevice.set(device, [...byDevice.get(device) ?? [], node]);
  }
  return byDevice;
}
function linstorStorageClass(env, cls) {
  return {
    name: cls.name,
    annotations: cls.default ? { [DEFAULT_CLASS_ANNOTATION]: "true" } : {},
    provisioner: LINSTOR_PROVISIONER,
    reclaimPolicy: "Delete",
    allowVolumeExpansion: true,
    // The scheduler picks the node first, so one replica can be local to the pod.
    volumeBindingMode: "WaitForFirstConsumer",
    parameters: {
      "linstor.csi.linbit.com/storagePool": env.components.linstor.storagePool,
      "linstor.csi.linbit.com/placementCount": String(cls.replicas ?? 1)
    }
  };
}
var linstorCluster = ({ env }) => {
  const pool = env.components.linstor.storagePool;
  const workers = env.nodes.filter((n) => n.role === "worker");
  const satelliteConfigurations = [...storageNodesByDevice(env)].map(([device, nodes]) => ({
    name: `${pool}-${device.split("/").pop()}`,
    nodeAffinity: hostnameIn(nodes),
    storagePools: [
      {
        name: pool,
        lvmThinPool: { volumeGroup: `linstor_${pool}`, thinPool: pool },
        source: { hostDevices: [device] }
      }
    ]
  }));
  return {
    linstorCluster: { nodeAffinity: hostnameIn(workers) },
    linstorSatelliteConfigurations: satelliteConfigurations,
    storageClasses: env.storageClasses.filter((c) => c.provisioner === "linstor").map((c) => linstorStorageClass(env, c))
  };
};

// src/charts/minio.ts
var MIN_ERASURE_DRIVES = 4;
function minioLayout(replicas) {
  if (replicas < 2) return { mode: "standalone", drivesPerNode: 1 };
  return { mode: "distributed", drivesPerNode: Math.ceil(MIN_ERASURE_DRIVES / Math.min(replicas, MIN_ERASURE_DRIVES)) };
}
var minio = ({ platform, env }) => {
  const spec = env.components.minio;
  const release = releaseOf(platform, "minio");
  const { mode, drivesPerNode } = minioLayout(spec.replicas);
  return {
    mode,
    replicas: spec.replicas,
    drivesPerNode,
    pools: 1,
    existingSecret: spec.rootSecret,
    rootUser: "",
    rootPassword: "",
    users: [],
    policies: [],
    svcaccts: [],
    buckets: spec.buckets.map((name) => ({ name, policy: "none", purge: false, versioning: true, objectlocking: false })),
    persistence: { enabled: true, size: spec.size, storageClass: spec.storageClass, accessMode: "ReadWriteOnce" },
    resources: { requests: { memory: spec.memory } },
    service: { type: "ClusterIP" },
    consoleService: { type: "ClusterIP" },
    ingress: { enabled: false },
    consoleIngress: { enabled: false },
    affinity: {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 100,
            podAffinityTerm: {
              topologyKey: "kubernetes.io/hostname",
              labelSelector: { matchLabels: { app: "minio", release: release.name } }
            }
          }
        ]
      }
    }
  };
};

// src/charts/strimzi-kafka-operator.ts
var strimziKafkaOperator = ({ platform }) => {
  const operatorNs = namespaceOf(platform, "strimzi-kafka-operator");
  const clusterNs = namespaceOf(platform, "kafka-cluster");
  return {
    watchNamespaces: operatorNs === clusterNs ? [] : [clusterNs],
    watchAnyNamespace: false,
    leaderElection: { enable: true }
  };
};

// src/charts/kube-arangodb.ts
var kubeArangodb = () => ({
  operator: {
    features: {
      deployment: true,
      deploymentReplications: false,
      storage: false,
      backup: false
    }
  }
});

// src/charts/postgres-operator.ts
var postgresOperator = (ctx) => {
  const { platform, env } = ctx;
  const pg = env.components.postgres;
  return {
    configKubernetes: {
      watched_namespace: namespaceOf(platform, "postgres-cluster"),
      // Keycloak and Grafana read their role's password from a Secret in their own namespace.
      enable_cross_namespace_secret: true,
      enable_pod_antiaffinity: true,
      pod_antiaffinity_preferred_during_scheduling: true
    },
    configLogicalBackup: {
      logical_backup_provider: "s3",
      logical_backup_s3_endpoint: s3Endpoint(ctx),
      // MinIO's default region; S3 clients must name one.
      logical_backup_s3_region: "us-east-1",
      logical_backup_s3_bucket: pg.backup.bucket,
      logical_backup_s3_bucket_prefix: pg.name,
      logical_backup_s3_sse: "",
      logical_backup_s3_retention_time: pg.backup.retention,
      logical_backup_schedule: pg.backup.schedule,
      logical_backup_cronjob_environment_secret: pg.backup.credentialsSecret
    }
  };
};

// src/charts/keda.ts
var keda = () => ({
  prometheus: {
    metricServer: { enabled: true, serviceMonitor: { enabled: true } },
    operator: { enabled: true, serviceMonitor: { enabled: true } }
  }
});

// src/charts/kafka-ui.ts
var KAFKA_UI_FULLNAME = "kafka-ui";
var CA_DIR = "/etc/kafka-ca";
var prop = (name) => `KAFKA_CLUSTERS_0_PROPERTIES_${name.toUpperCase().replaceAll(".", "_")}`;
var kafkaUi = (ctx) => {
  const { env, platform } = ctx;
  const ui = env.components.kafkaUi;
  if (namespaceOf(platform, "kafka-ui") !== namespaceOf(platform, "kafka-cluster")) {
    throw new Error("kafka-ui must be installed in the Kafka cluster's namespace to read its Secrets");
  }
  return {
    replicaCount: ui.replicas,
    fullnameOverride: KAFKA_UI_FULLNAME,
    nodeSelector: onNode(ui.node),
    env: [
      { name: "KAFKA_CLUSTERS_0_NAME", value: env.components.kafka.cluster },
      { name: "KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS", value: kafkaBootstrap(ctx) },
      { name: prop("security.protocol"), value: "SASL_SSL" },
      { name: prop("sasl.mechanism"), value: "SCRAM-SHA-512" },
      { name: prop("sasl.jaas.config"), valueFrom: { secretKeyRef: { name: ui.user, key: "sasl.jaas.config" } } },
      { name: prop("ssl.truststore.type"), value: "PEM" },
      { name: prop("ssl.truststore.location"), value: `${CA_DIR}/ca.crt` },
      // The KafkaUser's ACLs only allow reading; the UI hides what would fail anyway.
      { name: "KAFKA_CLUSTERS_0_READONLY", value: "true" }
    ],
    volumes: [{ name: "kafka-ca", secret: { secretName: kafkaClusterCaSecret(env), items: [{ key: "ca.crt", path: "ca.crt" }] } }],
    volumeMounts: [{ name: "kafka-ca", mountPath: CA_DIR, readOnly: true }]
  };
};

// src/charts/kube-prometheus-stack.ts
var KPS_FULLNAME = "kube-prometheus-stack";
var ALERTMANAGER_SECRETS_DIR = "/etc/alertmanager/secrets";
var ENV = {
  oidcClientSecret: "GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET",
  elasticsearchPassword: "GF_DS_ELASTICSEARCH_PASSWORD",
  postgresPassword: "GF_DS_POSTGRES_PASSWORD"
};
var envRef = (name) => "${" + name + "}";
function claim(storageClass, size) {
  return {
    volumeClaimTemplate: {
      spec: { storageClassName: storageClass, accessModes: ["ReadWriteOnce"], resources: { requests: { storage: size } } }
    }
  };
}
function alertmanagerConfig(ctx) {
  const am = ctx.env.components.monitoring.alertmanager;
  const token = am.telegramBotToken;
  return {
    route: {
      receiver: "email",
      group_by: ["alertname", "namespace", "severity"],
      group_wait: "30s",
      group_interval: "5m",
      repeat_interval: "4h",
      routes: [
        { receiver: "null", matchers: ['alertname = "Watchdog"'] },
        { receiver: "null", matchers: ['alertname = "InfoInhibitor"'] },
        { receiver: "telegram", matchers: ['severity = "critical"'], continue: true },
        { receiver: "email", matchers: ['severity =~ "warning|critical"'] }
      ]
    },
    receivers: [
      { name: "null" },
      {
        name: "email",
        email_configs: [
          {
            to: am.emailTo,
            from: am.emailFrom,
            smarthost: mailRelay(ctx),
            // The relay listens inside the cluster without TLS; it relays onward with TLS (S38).
            require_tls: false,
            send_resolved: true
          }
        ]
      },
      {
        name: "telegram",
        telegram_configs: [
          {
            bot_token_file: `${ALERTMANAGER_SECRETS_DIR}/${token.secret}/${token.key}`,
            chat_id: am.telegramChatId,
            parse_mode: "HTML",
            send_resolved: true
          }
        ]
      }
    ]
  };
}
function extraDataSources(ctx) {
  const ds = ctx.env.components.monitoring.grafana.datasources;
  return [
    {
      name: "Elasticsearch",
      uid: "elasticsearch",
      type: "elasticsearch",
      access: "proxy",
      url: elasticsearchUrl(ctx),
      basicAuth: true,
      basicAuthUser: ds.elasticsearch.user,
      jsonData: {
        index: `${ctx.env.components.logging.indexPrefix}-*`,
        timeField: "@timestamp",
        // ECK's self-signed HTTP CA is a Secret of the logging namespace, which Grafana cannot mount.
        tlsSkipVerify: true
      },
      secureJsonData: { basicAuthPassword: envRef(ENV.elasticsearchPassword) }
    },
    {
      name: "PostgreSQL",
      uid: "postgresql",
      type: "grafana-postgresql-datasource",
      access: "proxy",
      url: postgresAddress(ctx),
      user: ds.postgres.user,
      jsonData: { database: ds.postgres.database, sslmode: "require" },
      secureJsonData: { password: envRef(ENV.postgresPassword) }
    }
  ];
}
function grafanaIni(ctx) {
  const issuer = oidcIssuer(ctx.env);
  const oidc = `${issuer}/protocol/openid-connect`;
  return {
    server: { root_url: `https://${hostOf(ctx.env, "grafana")}` },
    "auth.generic_oauth": {
      enabled: true,
      name: "Keycloak",
      allow_sign_up: true,
      client_id: "grafana",
      scopes: "openid email profile roles",
      auth_url: `${oidc}/auth`,
      token_url: `${oidc}/token`,
      api_url: `${oidc}/userinfo`,
      signout_redirect_url: `${oidc}/logout`,
      login_attribute_path: "preferred_username",
      email_attribute_path: "email",
      name_attribute_path: "name",
      role_attribute_path: "contains(roles[*], 'admin') && 'Admin' || contains(roles[*], 'editor') && 'Editor' || 'Viewer'",
      use_pkce: true
    }
  };
}
var kubePrometheusStack = (ctx) => {
  const { env } = ctx;
  const mon = env.components.monitoring;
  const ds = mon.grafana.datasources;
  const secretEnv2 = (ref) => ({ secretKeyRef: { name: ref.secret, key: ref.key } });
  return {
    fullnameOverride: KPS_FULLNAME,
    nodeExporter: { enabled: true },
    kubelet: { enabled: true, serviceMonitor: { cAdvisor: true } },
    prometheus: {
      prometheusSpec: {
        externalUrl: `https://${hostOf(env, "prometheus")}`,
        retention: mon.prometheus.retention,
        storageSpec: claim(mon.prometheus.storageClass, mon.prometheus.size),
        // Every ServiceMonitor, PodMonitor and rule of every release, not only this chart's.
        serviceMonitorSelectorNilUsesHelmValues: false,
        podMonitorSelectorNilUsesHelmValues: false,
        ruleSelectorNilUsesHelmValues: false,
        probeSelectorNilUsesHelmValues: false
      }
    },
    alertmanager: {
      config: alertmanagerConfig(ctx),
      alertmanagerSpec: {
        externalUrl: `https://${hostOf(env, "alertmanager")}`,
        secrets: [mon.alertmanager.telegramBotToken.secret],
        storage: claim(mon.alertmanager.storageClass, mon.alertmanager.size)
      }
    },
    grafana: {
      admin: { existingSecret: mon.grafana.adminSecret },
      persistence: { enabled: true, type: "pvc", size: mon.grafana.size, storageClassName: mon.grafana.storageClass },
      // One RWO volume: the old pod must let go of it before the new one starts.
      deploymentStrategy: { type: "Recreate" },
      envValueFrom: {
        [ENV.oidcClientSecret]: secretEnv2(env.components.keycloak.clients.grafana),
        [ENV.elasticsearchPassword]: secretEnv2(ds.elasticsearch.password),
        [ENV.postgresPassword]: secretEnv2({
          secret: postgresUserSecret(env, ds.postgres.user, namespaceOf(ctx.platform, "kube-prometheus-stack")).secret,
          key: "password"
        })
      },
      "grafana.ini": grafanaIni(ctx),
      additionalDataSources: extraDataSources(ctx)
    }
  };
};

// src/charts/eck-operator.ts
var eckOperator = ({ platform }) => ({
  installCRDs: true,
  managedNamespaces: [.../* @__PURE__ */ new Set([namespaceOf(platform, "eck-elasticsearch"), namespaceOf(platform, "eck-kibana")])]
});

// src/charts/eck-elasticsearch.ts
var OIDC_REALM = "keycloak";
function oidcRealmSettings(env) {
  const realm = `xpack.security.authc.realms.oidc.${OIDC_REALM}`;
  const oidc = `${oidcIssuer(env)}/protocol/openid-connect`;
  const kibana = `https://${hostOf(env, "kibana")}`;
  return {
    [`${realm}.order`]: 2,
    [`${realm}.rp.client_id`]: "kibana",
    [`${realm}.rp.response_type`]: "code",
    [`${realm}.rp.redirect_uri`]: `${kibana}/api/security/oidc/callback`,
    [`${realm}.rp.post_logout_redirect_uri`]: `${kibana}/security/logged_out`,
    [`${realm}.rp.requested_scopes`]: "openid email profile",
    [`${realm}.op.issuer`]: oidcIssuer(env),
    [`${realm}.op.authorization_endpoint`]: `${oidc}/auth`,
    [`${realm}.op.token_endpoint`]: `${oidc}/token`,
    [`${realm}.op.userinfo_endpoint`]: `${oidc}/userinfo`,
    [`${realm}.op.endsession_endpoint`]: `${oidc}/logout`,
    [`${realm}.op.jwkset_path`]: `${oidc}/certs`,
    [`${realm}.claims.principal`]: "preferred_username",
    [`${realm}.claims.groups`]: "groups",
    [`${realm}.claims.mail`]: "email"
  };
}
var eckElasticsearch = ({ env }) => {
  const es = env.components.logging.elasticsearch;
  const client = env.components.keycloak.clients.kibana;
  return {
    fullnameOverride: es.name,
    version: es.version,
    nodeSets: [
      {
        name: "default",
        count: es.nodes,
        config: {
          // No privileged sysctl init container: mmap stays off instead.
          "node.store.allow_mmap": false,
          ...oidcRealmSettings(env)
        },
        volumeClaimTemplates: [
          {
            metadata: { name: "elasticsearch-data" },
            spec: {
              accessModes: ["ReadWriteOnce"],
              storageClassName: es.storageClass,
              resources: { requests: { storage: es.size } }
            }
          }
        ]
      }
    ],
    secureSettings: [
      {
        secretName: client.secret,
        entries: [{ key: client.key, path: `xpack.security.authc.realms.oidc.${OIDC_REALM}.rp.client_secret` }]
      }
    ]
  };
};

// src/charts/eck-kibana.ts
var KIBANA_NAME = "kibana";
var eckKibana = ({ env }) => ({
  fullnameOverride: KIBANA_NAME,
  version: env.components.logging.elasticsearch.version,
  count: 1,
  elasticsearchRef: { name: env.components.logging.elasticsearch.name },
  config: {
    "server.publicBaseUrl": `https://${hostOf(env, "kibana")}`,
    "xpack.security.authc.providers": {
      oidc: { [OIDC_REALM]: { order: 0, realm: OIDC_REALM, description: "Keycloak" } },
      basic: { basic1: { order: 1 } }
    }
  },
  http: { tls: { selfSignedCertificate: { disabled: true } } }
});

// src/charts/fluent-bit.ts
import Handlebars from "handlebars";
var SCRIPTS_DIR = "/fluent-bit/scripts";
var ES_CA_DIR = "/fluent-bit/es-ca";
var LUA_SCRIPT = "index-name.lua";
var LUA_FUNCTION = "index_name";
var INDEX_FIELD = "es_index";
var INDEX_PREFIX_FIELD = "es_index_prefix";
var INDEX_DATE_FORMAT = "%Y.%m.%d";
var INDEX_SEPARATOR = "-";
var luaTemplate = Handlebars.compile(
  `-- Generated by \`npm run gen\` from the @streamforge/platform model. Do not edit.
-- Index name of a record: its tag (lower case, characters Elasticsearch refuses replaced by "-"),
-- "{{separator}}", and the record's UTC date.
function {{fn}}(tag, timestamp, record)
  local seconds = timestamp
  if type(timestamp) == "table" then
    seconds = timestamp.sec
  end
  local prefix = (string.gsub(string.lower(tag), "[^a-z0-9._-]", "-"))
  record["{{prefixField}}"] = prefix
  record["{{indexField}}"] = prefix .. "{{separator}}" .. os.date("!{{dateFormat}}", math.floor(seconds))
  return 2, timestamp, record
end
`,
  { noEscape: true, strict: true }
);
function indexNameScript() {
  return luaTemplate({
    fn: LUA_FUNCTION,
    separator: INDEX_SEPARATOR,
    dateFormat: INDEX_DATE_FORMAT,
    prefixField: INDEX_PREFIX_FIELD,
    indexField: INDEX_FIELD
  });
}
function renderSections(sections) {
  return sections.map(({ section, entries }) => [`[${section}]`, ...entries.map(([k, v2]) => `    ${k} ${v2}`)].join("\n")).join("\n\n").concat("\n");
}
var fluentBit = (ctx) => {
  const { env } = ctx;
  const prefix = env.components.logging.indexPrefix;
  const es = new URL(elasticsearchUrl(ctx));
  const secrets = elasticsearchSecrets(env);
  const passwordEnv = "ES_PASSWORD";
  const inputs = [
    {
      section: "INPUT",
      entries: [
        ["Name", "tail"],
        ["Path", "/var/log/containers/*.log"],
        ["multiline.parser", "docker, cri"],
        ["Tag", "kube.*"],
        ["Mem_Buf_Limit", "5MB"],
        ["Skip_Long_Lines", "On"]
      ]
    }
  ];
  const filters = [
    {
      section: "FILTER",
      entries: [
        ["Name", "kubernetes"],
        ["Match", "kube.*"],
        ["Merge_Log", "On"],
        ["Keep_Log", "Off"],
        ["K8S-Logging.Parser", "On"],
        ["K8S-Logging.Exclude", "On"]
      ]
    },
    {
      section: "FILTER",
      entries: [
        ["Name", "rewrite_tag"],
        ["Match", "kube.*"],
        // The first rule that matches names the tag.
        ["Rule", `$kubernetes['labels']['app.kubernetes.io/name'] ^(.+)$ ${prefix}-$1 false`],
        ["Rule", `$kubernetes['labels']['app'] ^(.+)$ ${prefix}-$1 false`],
        ["Rule", `$kubernetes['container_name'] ^(.+)$ ${prefix}-$1 false`],
        ["Emitter_Name", `${prefix}_retag`],
        ["Emitter_Mem_Buf_Limit", "10MB"]
      ]
    },
    {
      section: "FILTER",
      entries: [
        ["Name", "lua"],
        ["Match", `${prefix}-*`],
        ["script", `${SCRIPTS_DIR}/${LUA_SCRIPT}`],
        ["call", LUA_FUNCTION]
      ]
    }
  ];
  const outputs = [
    {
      section: "OUTPUT",
      entries: [
        ["Name", "es"],
        ["Match", `${prefix}-*`],
        ["Host", es.hostname],
        ["Port", Number(es.port)],
        ["HTTP_User", secrets.elasticUser.key],
        ["HTTP_Passwd", `\${${passwordEnv}}`],
        ["tls", "On"],
        ["tls.verify", "On"],
        ["tls.ca_file", `${ES_CA_DIR}/${secrets.httpCa.key}`],
        ["Logstash_Format", "On"],
        ["Logstash_Prefix_Key", INDEX_PREFIX_FIELD],
        ["Logstash_Prefix_Separator", INDEX_SEPARATOR],
        ["Logstash_DateFormat", INDEX_DATE_FORMAT],
        ["Suppress_Type_Name", "On"],
        ["Replace_Dots", "On"],
        ["Trace_Error", "On"],
        ["Retry_Limit", "False"]
      ]
    }
  ];
  return {
    fullnameOverride: "fluent-bit",
    env: [{ name: passwordEnv, valueFrom: { secretKeyRef: { name: secrets.elasticUser.secret, key: secrets.elasticUser.key } } }],
    extraVolumes: [{ name: "es-ca", secret: { secretName: secrets.httpCa.secret, items: [{ key: secrets.httpCa.key, path: secrets.httpCa.key }] } }],
    extraVolumeMounts: [{ name: "es-ca", mountPath: ES_CA_DIR, readOnly: true }],
    luaScripts: { [LUA_SCRIPT]: indexNameScript() },
    config: {
      inputs: renderSections(inputs),
      filters: renderSections(filters),
      outputs: renderSections(outputs)
    }
  };
};

// src/charts/toml.ts
var BARE_KEY = /^[A-Za-z0-9_-]+$/;
function key(k) {
  return BARE_KEY.test(k) ? k : JSON.stringify(k);
}
function scalar(value) {
  if (Array.isArray(value)) return `[${value.map((v2) => scalar(v2)).join(", ")}]`;
  if (typeof value === "string") {
    return JSON.stringify(value);
  }
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`TOML cannot hold ${value}`);
  return String(value);
}
function isTable(value) {
  return typeof value === "object" && !Array.isArray(value);
}
function isTableArray(value) {
  return Array.isArray(value) && value.length > 0 && value.every((v2) => typeof v2 === "object");
}
function writeTable(table, path, lines) {
  const indent = "  ".repeat(Math.max(0, path.length - 1));
  const entries = Object.entries(table).filter((e) => e[1] !== void 0);
  for (const [k, v2] of entries) {
    if (isTable(v2) || isTableArray(v2)) continue;
    lines.push(`${indent}${path.length ? "  " : ""}${key(k)} = ${scalar(v2)}`);
  }
  for (const [k, v2] of entries) {
    const child = [...path, k];
    const header2 = child.map(key).join(".");
    const childIndent = "  ".repeat(child.length - 1);
    if (isTable(v2)) {
      lines.push(`${childIndent}[${header2}]`);
      writeTable(v2, child, lines);
    } else if (isTableArray(v2)) {
      for (const item of v2) {
        lines.push(`${childIndent}[[${header2}]]`);
        writeTable(item, child, lines);
      }
    }
  }
}
function toToml(table) {
  const lines = [];
  writeTable(table, [], lines);
  return `${lines.join("\n")}
`;
}

// src/charts/gitlab-runner.ts
var CHART_DOCS = "docs.gitlab.com/runner/install/kubernetes (GitLab Runner Helm chart, 18.3 / chart 0.80)";
var GITLAB_RUNNER_DOCUMENTED_VERSION = "0.80.0";
var gitlabRunnerKeys = [
  { path: "gitlabUrl", type: "string", source: `${CHART_DOCS}: required configuration` },
  { path: "concurrent", type: "integer", source: `${CHART_DOCS}: controlling maximum runner concurrency` },
  { path: "rbac.create", type: "boolean", source: `${CHART_DOCS}: enabling RBAC support` },
  { path: "certsSecretName", type: "string", source: `${CHART_DOCS}: providing a custom certificate for accessing GitLab` },
  { path: "nodeSelector", type: "map", source: `${CHART_DOCS}: values.yaml, scheduling of the runner manager pod` },
  { path: "runners.secret", type: "string", source: `${CHART_DOCS}: store registration tokens or runner tokens in secrets` },
  { path: "runners.config", type: "string", source: `${CHART_DOCS}: configuring GitLab Runner with the configuration template` }
];
var VOLUME_TABLE = { pvc: "pvc", secret: "secret", configMap: "config_map" };
function runnerConfig(env, namespace) {
  const runner = env.components.runner;
  const volumes = {};
  for (const v2 of runner.volumes) {
    const table = VOLUME_TABLE[v2.kind];
    (volumes[table] ??= []).push({
      name: v2.source,
      mount_path: v2.mountPath,
      // Claims hold the runner's home (build state); secrets and config maps are read-only inputs.
      read_only: v2.kind !== "pvc"
    });
  }
  return {
    runners: [
      {
        executor: "kubernetes",
        kubernetes: {
          namespace,
          privileged: runner.privileged,
          service_account: runner.serviceAccount,
          node_selector: onNode(runner.node),
          volumes
        }
      }
    ]
  };
}
var gitlabRunner = ({ platform, env }) => {
  const runner = env.components.runner;
  const config = toToml(runnerConfig(env, namespaceOf(platform, "gitlab-runner")));
  if (config.includes("{{")) throw new Error("gitlab-runner config.toml must not contain Helm template braces");
  return {
    gitlabUrl: gitlabUrl(env),
    concurrent: runner.concurrent,
    rbac: { create: true },
    certsSecretName: runner.gitlabCaSecret,
    nodeSelector: onNode(runner.node),
    runners: { secret: runner.tokenSecret, config }
  };
};

// src/charts/argo-cd.ts
var ARGOCD_FULLNAME = "argocd";
var REPOSITORY_ENTRY = "iac-kubeadm";
function argocdRepoUrl(env) {
  return `${gitlabUrl(env)}${env.components.argocd.repoPath}.git`;
}
var ARGOCD_OIDC_CLIENT = "argocd";
var argoCd = ({ env }) => {
  const replicas = env.components.argocd.replicas;
  const ha = replicas > 1;
  const clientSecret = env.components.keycloak.clients.argocd;
  const oidcConfig = {
    name: "Keycloak",
    issuer: oidcIssuer(env),
    clientID: ARGOCD_OIDC_CLIENT,
    // `$<secret>:<key>` makes Argo CD read the value from that Secret (labelled
    // `app.kubernetes.io/part-of: argocd`) in its namespace; no value is written here (A13).
    clientSecret: `$${clientSecret.secret}:${clientSecret.key}`,
    requestedScopes: ["openid", "profile", "email", "groups"]
  };
  return {
    fullnameOverride: ARGOCD_FULLNAME,
    global: { domain: hostOf(env, "argocd") },
    configs: {
      cm: {
        // `url` follows `global.domain`. Keycloak replaces Dex; the local admin stays for break-glass access.
        "oidc.config": toYaml(oidcConfig)
      },
      params: {
        // Traefik terminates TLS (S5, A11) and talks plain HTTP to the server.
        "server.insecure": true
      },
      rbac: {
        "policy.default": "role:readonly",
        scopes: "[groups]"
      },
      // GitLab's CA is read from the `argocd-tls-certs-cm` ConfigMap (key: GitLab's host name),
      // made from the existing CA outside this chart, so no certificate is written here.
      tls: { create: false },
      repositories: {
        [REPOSITORY_ENTRY]: { url: argocdRepoUrl(env), name: "iac_kubeadm", type: "git" }
      }
    },
    dex: { enabled: false },
    // HA as Argo CD documents it: redis-ha instead of the single Redis when scaled out.
    redis: { enabled: !ha },
    "redis-ha": { enabled: ha },
    server: { replicas },
    repoServer: { replicas },
    applicationSet: { replicas }
  };
};

// src/charts/reloader.ts
var RELOADER_AUTO_ANNOTATION = "reloader.stakater.com/auto";
var reloader = () => ({
  reloader: {
    watchGlobally: true,
    autoReloadAll: false,
    ignoreSecrets: false,
    ignoreConfigMaps: false,
    reloadStrategy: "annotations",
    reloadOnCreate: false,
    reloadOnDelete: false
  }
});

// src/charts/secrets-store-csi-driver.ts
var secretsStoreCsiDriver = ({ env }) => ({
  enableSecretRotation: true,
  rotationPollInterval: env.components.vault.rotationPollInterval,
  // Syncing to Kubernetes Secrets would store Vault's secrets in the cluster, which S34 rules out.
  syncSecret: { enabled: false }
});

// src/charts/vault.ts
var VAULT_FULLNAME = "vault";
var VAULT_PORT = 8200;
function vaultRaftConfig(replicas) {
  const joins = Array.from({ length: replicas }, (_, i) => [
    "  retry_join {",
    `    leader_api_addr = "http://${VAULT_FULLNAME}-${i}.${VAULT_FULLNAME}-internal:${VAULT_PORT}"`,
    "  }"
  ]).flat();
  return [
    "ui = true",
    "",
    // TLS ends at the Traefik gateway (A11); inside the cluster Vault listens on plain HTTP.
    `listener "tcp" {
  tls_disable = 1
  address = "[::]:${VAULT_PORT}"
  cluster_address = "[::]:8201"
}`,
    "",
    ['storage "raft" {', '  path = "/vault/data"', ...joins, "}"].join("\n"),
    "",
    'service_registration "kubernetes" {}',
    ""
  ].join("\n");
}
var vault = ({ env }) => {
  const v2 = env.components.vault;
  return {
    // The CSI provider is the one delivery path (S34); the agent injector would be a second.
    injector: { enabled: false },
    server: {
      dataStorage: { enabled: true, size: v2.size, storageClass: v2.storageClass },
      ha: {
        enabled: true,
        replicas: v2.replicas,
        raft: { enabled: true, setNodeId: true, config: vaultRaftConfig(v2.replicas) }
      }
    },
    ui: { enabled: true },
    csi: { enabled: true },
    global: { tlsDisable: true }
  };
};

// src/charts/keycloakx.ts
var KEYCLOAK_FULLNAME = "keycloakx";
var IMPORT_DIR = "/opt/keycloak/data/import";
var CALLBACK = {
  grafana: { ui: "grafana", paths: ["/login/generic_oauth"] },
  kibana: { ui: "kibana", paths: ["/api/security/oidc/callback"] },
  argocd: { ui: "argocd", paths: ["/auth/callback", "/pkce/verify"] }
};
function secretEnv(client) {
  return `KC_CLIENT_SECRET_${client.toUpperCase()}`;
}
function realmImport(env) {
  const kc = env.components.keycloak;
  const clients = Object.keys(kc.clients).map((client) => {
    const base = `https://${hostOf(env, CALLBACK[client].ui)}`;
    return {
      clientId: client,
      enabled: true,
      protocol: "openid-connect",
      publicClient: false,
      standardFlowEnabled: true,
      secret: `\${${secretEnv(client)}}`,
      rootUrl: base,
      redirectUris: CALLBACK[client].paths.map((p) => `${base}${p}`),
      webOrigins: [base],
      protocolMappers: [
        {
          name: "groups",
          protocol: "openid-connect",
          protocolMapper: "oidc-group-membership-mapper",
          config: { "claim.name": "groups", "full.path": "false", "id.token.claim": "true", "access.token.claim": "true", "userinfo.token.claim": "true" }
        }
      ]
    };
  });
  return { realm: kc.realm, enabled: true, sslRequired: "external", clients };
}
function fromSecret(name, ref) {
  return { name, valueFrom: { secretKeyRef: { name: ref.secret, key: ref.key } } };
}
var keycloakx = ({ platform, env }) => {
  const kc = env.components.keycloak;
  const pg = env.components.postgres;
  const namespace = namespaceOf(platform, "keycloakx");
  const dbUser = pg.databases.keycloak;
  if (!dbUser) throw new Error(`environment ${env.name} has no "keycloak" database in components.postgres.databases`);
  const credentials = postgresUserSecret(env, dbUser, namespace);
  const realmSecret = `${KEYCLOAK_FULLNAME}-realm-${kc.realm}`;
  const realmJson = JSON.stringify(realmImport(env), null, 2);
  if (realmJson.includes("{{")) throw new Error("keycloak realm import must not contain Helm template braces");
  const extraEnv = [
    // Keycloak's v2 hostname option takes the full public URL; the gateway terminates TLS (A11).
    { name: "KC_HOSTNAME", value: `https://${hostOf(env, "keycloak")}` },
    ...Object.entries(kc.clients).map(([client, ref]) => fromSecret(secretEnv(client), ref))
  ];
  return {
    replicas: kc.replicas,
    command: ["/opt/keycloak/bin/kc.sh", "start", "--http-enabled=true", "--http-port=8080", "--import-realm"],
    extraEnv: toYaml(extraEnv),
    // The realm file has no secret values, only placeholders; a chart-made Secret is simply the
    // one object this chart can create to carry a file.
    secrets: {
      [`realm-${kc.realm}`]: { stringData: { [`${kc.realm}.json`]: realmJson } }
    },
    extraVolumes: toYaml([{ name: "realm", secret: { secretName: realmSecret } }]),
    extraVolumeMounts: toYaml([{ name: "realm", mountPath: IMPORT_DIR, readOnly: true }]),
    database: {
      vendor: "postgres",
      hostname: serviceHost(pg.name, namespaceOf(platform, "postgres-cluster")),
      port: 5432,
      database: "keycloak",
      username: dbUser,
      existingSecret: credentials.secret,
      existingSecretKey: "password"
    },
    // Traefik sends X-Forwarded-* headers, not RFC 7239 `Forwarded`.
    proxy: { enabled: true, mode: "xforwarded" },
    // The issuer is `https://<host>/realms/<realm>` (oidcIssuer), so no `/auth` prefix.
    http: { relativePath: "/" }
  };
};

// src/charts/gpu-operator.ts
var gpuOperator = ({ env }) => {
  const gpu = env.components.gpu;
  if (!gpu.enabled) throw new Error(`gpu-operator is installed in ${env.name}, whose components.gpu.enabled is false: list it in "disabled"`);
  if (gpuNodes(env).length === 0) throw new Error(`gpu-operator is installed in ${env.name}, which has no node with gpu: true`);
  return {
    nfd: { enabled: true },
    driver: { enabled: true, ...gpu.driverVersion ? { version: gpu.driverVersion } : {} },
    toolkit: { enabled: true },
    devicePlugin: { enabled: true }
  };
};

// src/charts/config-syncer.ts
var configSyncer = ({ env }) => ({
  mode: "oss",
  config: { clusterName: env.cluster.name }
});

// src/charts/app-template.ts
function appTemplateImage(key2) {
  const image = images[key2];
  return { repository: image.repository, tag: image.version, pullPolicy: "IfNotPresent" };
}

// src/charts/technitium.ts
var DNS_PORT = 53;
var WEB_PORT = 5380;
var CONFIG_PATH = "/etc/dns";
var ADMIN_PASSWORD_PATH = "/run/secrets/technitium";
var technitium = ({ platform, env }) => {
  const release = releaseOf(platform, "technitium");
  const { dns } = env.components;
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
            image: appTemplateImage("technitium"),
            env: {
              DNS_SERVER_DOMAIN: hostOf(env, "dns"),
              DNS_SERVER_WEB_SERVICE_HTTP_PORT: WEB_PORT,
              DNS_SERVER_ADMIN_PASSWORD_FILE: `${ADMIN_PASSWORD_PATH}/password`,
              DNS_SERVER_RECURSION: "AllowOnlyForPrivateNetworks",
              DNS_SERVER_FORWARDERS: env.network.gateway
            },
            probes: {
              liveness: { enabled: true, type: "TCP", port: WEB_PORT },
              readiness: { enabled: true, type: "TCP", port: WEB_PORT }
            }
          }
        }
      }
    },
    service: {
      web: {
        controller: "main",
        forceRename: `${release.name}-web`,
        type: "ClusterIP",
        ports: { http: { port: WEB_PORT, protocol: "HTTP" } }
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
          "dns-udp": { port: DNS_PORT, protocol: "UDP" }
        }
      }
    },
    persistence: {
      config: {
        type: "persistentVolumeClaim",
        accessMode: "ReadWriteOnce",
        size: dns.size,
        storageClass: dns.storageClass,
        globalMounts: [{ path: CONFIG_PATH }]
      },
      "admin-password": {
        type: "secret",
        name: dns.adminSecret,
        globalMounts: [{ path: ADMIN_PASSWORD_PATH, readOnly: true }]
      }
    }
  };
};

// src/charts/mailrelay.ts
var SMTP_CONTAINER_PORT = 587;
var mailrelay = (ctx) => {
  const { env } = ctx;
  const { service, port } = mailRelayService(ctx);
  const { mail } = env.components;
  const relay = mail.smarthost;
  const fromSecret2 = (name, key2) => ({ secretKeyRef: { name, key: key2 } });
  return {
    global: { fullnameOverride: service },
    controllers: {
      main: {
        type: "deployment",
        replicas: 1,
        annotations: { [RELOADER_AUTO_ANNOTATION]: "true" },
        containers: {
          app: {
            image: appTemplateImage("mailrelay"),
            env: {
              ...relay ? {
                RELAYHOST: relay.relay,
                RELAYHOST_USERNAME: { valueFrom: fromSecret2(relay.secret, "username") },
                RELAYHOST_PASSWORD: { valueFrom: fromSecret2(relay.secret, "password") }
              } : {},
              ALLOWED_SENDER_DOMAINS: env.domain,
              POSTFIX_mynetworks: [env.cluster.podCidr, env.network.lan].join(",")
            },
            probes: {
              liveness: { enabled: true, type: "TCP", port: SMTP_CONTAINER_PORT },
              readiness: { enabled: true, type: "TCP", port: SMTP_CONTAINER_PORT }
            }
          }
        }
      }
    },
    service: {
      smtp: {
        controller: "main",
        forceRename: service,
        type: "ClusterIP",
        ports: { smtp: { port, targetPort: SMTP_CONTAINER_PORT, protocol: "TCP" } }
      }
    },
    persistence: {
      spool: { type: "emptyDir", globalMounts: [{ path: "/var/spool/postfix" }] }
    }
  };
};

// src/charts/index.ts
var chartAdapters = {
  "cert-manager": certManager,
  "metallb": metallb,
  "traefik": traefik,
  "ingress-nginx": ingressNginx,
  "nfs-subdir-external-provisioner": nfsSubdirExternalProvisioner,
  "piraeus-operator": piraeusOperator,
  "linstor-cluster": linstorCluster,
  "minio": minio,
  "strimzi-kafka-operator": strimziKafkaOperator,
  "kube-arangodb": kubeArangodb,
  "postgres-operator": postgresOperator,
  "keda": keda,
  "kafka-ui": kafkaUi,
  "kube-prometheus-stack": kubePrometheusStack,
  "eck-operator": eckOperator,
  "eck-elasticsearch": eckElasticsearch,
  "eck-kibana": eckKibana,
  "fluent-bit": fluentBit,
  "gitlab-runner": gitlabRunner,
  "argo-cd": argoCd,
  "reloader": reloader,
  "secrets-store-csi-driver": secretsStoreCsiDriver,
  "vault": vault,
  "keycloakx": keycloakx,
  "gpu-operator": gpuOperator,
  "config-syncer": configSyncer,
  "technitium": technitium,
  "mailrelay": mailrelay
};
var valuesAdapters = chartAdapters;

// src/manifests/kube.ts
function managedLabels(component) {
  return { "app.kubernetes.io/managed-by": "streamforge", "app.kubernetes.io/part-of": component };
}

// src/manifests/cert-manager-issuers.ts
var certManagerIssuers = ({ env }) => [
  {
    apiVersion: "cert-manager.io/v1",
    kind: "ClusterIssuer",
    metadata: { name: env.ingress.issuer, labels: managedLabels("cert-manager") },
    spec: { ca: { secretName: env.ingress.caSecret } }
  }
];

// src/manifests/metallb-pools.ts
var metallbPools = ({ platform, env }) => {
  const namespace = namespaceOf(platform, "metallb");
  const { pool } = env.ingress;
  const labels = managedLabels("metallb");
  return [
    {
      apiVersion: "metallb.io/v1beta1",
      kind: "IPAddressPool",
      metadata: { name: "lan", namespace, labels },
      spec: { addresses: [`${pool.from}-${pool.to}`], autoAssign: false, avoidBuggyIPs: true }
    },
    {
      apiVersion: "metallb.io/v1beta1",
      kind: "L2Advertisement",
      metadata: { name: "lan", namespace, labels },
      spec: { ipAddressPools: ["lan"] }
    }
  ];
};

// src/charts/web-backends.ts
function at(values, path) {
  let node = values;
  for (const key2 of path.split(".")) {
    if (node === null || typeof node !== "object") return void 0;
    node = node[key2];
  }
  return typeof node === "string" && node !== "" ? node : typeof node === "number" ? node : void 0;
}
function chartFullname(release, chart, values, defaults = {}) {
  const override = at(values, "fullnameOverride");
  const name = String(at(values, "nameOverride") ?? defaults.nameOverride ?? chart);
  const full = override !== void 0 ? String(override) : release.includes(name) ? release : `${release}-${name}`;
  return full.slice(0, defaults.maxLength ?? 63).replace(/-+$/, "");
}
var fixed = (port) => () => port;
var webBackends = {
  grafana: {
    kind: "service",
    release: "kube-prometheus-stack",
    service: (r, v2) => String(at(v2, "grafana.fullnameOverride") ?? chartFullname(r, "grafana", {})),
    port: fixed(80)
  },
  prometheus: {
    kind: "service",
    release: "kube-prometheus-stack",
    service: (r, v2) => `${chartFullname(r, "kube-prometheus-stack", v2, { maxLength: 26 })}-prometheus`,
    port: fixed(9090)
  },
  alertmanager: {
    kind: "service",
    release: "kube-prometheus-stack",
    service: (r, v2) => `${chartFullname(r, "kube-prometheus-stack", v2, { maxLength: 26 })}-alertmanager`,
    port: fixed(9093)
  },
  "kafka-ui": { kind: "service", release: "kafka-ui", service: (r, v2) => chartFullname(r, "kafka-ui", v2), port: fixed(80) },
  argocd: {
    kind: "service",
    release: "argo-cd",
    service: (r, v2) => `${chartFullname(r, "argo-cd", v2, { nameOverride: "argocd" })}-server`,
    port: fixed(80)
  },
  kibana: { kind: "service", release: "eck-kibana", service: (r, v2) => `${chartFullname(r, "eck-kibana", v2)}-kb-http`, port: fixed(5601) },
  keycloak: { kind: "service", release: "keycloakx", service: (r, v2) => `${chartFullname(r, "keycloakx", v2)}-http`, port: fixed(80) },
  vault: { kind: "service", release: "vault", service: (r, v2) => chartFullname(r, "vault", v2), port: fixed(8200) },
  minio: { kind: "service", release: "minio", service: (r, v2) => `${chartFullname(r, "minio", v2)}-console`, port: fixed(9001) },
  traefik: { kind: "traefik-internal", release: "traefik", name: "api@internal" },
  dns: {
    kind: "service",
    release: "technitium",
    service: (r, v2) => String(at(v2, "service.web.forceRename") ?? `${r}-web`),
    port: (v2) => Number(at(v2, "service.web.ports.http.port"))
  }
};
function resolveWebBackend(platform, ui, env) {
  const backend = webBackends[ui];
  const release = releaseOf(platform, backend.release);
  const base = { ui, release: release.name, namespace: release.namespace, backend };
  if (backend.kind === "traefik-internal") return { ...base, name: backend.name };
  const environment = env ?? platform.environments.find((e) => e.name === platform.defaultEnvironment);
  if (!environment) throw new Error(`platform ${platform.name} has no environment "${platform.defaultEnvironment}"`);
  const adapter = valuesAdapters[release.adapter];
  const values = adapter && isEnabled(environment, release) ? adapter({ platform, env: environment }) : {};
  return { ...base, name: backend.service(release.name, values), port: backend.port(values) };
}

// src/manifests/gateway-routes.ts
var GATEWAY_API = "gateway.networking.k8s.io/v1";
var TRAEFIK_API = "traefik.io/v1alpha1";
var TRAEFIK_GATEWAY_CONTROLLER = "traefik.io/gateway-controller";
var NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
var listenerName = (ui) => `https-${ui}`;
function servedUis({ platform, env }) {
  return Object.keys(env.ingress.hosts).map((ui) => resolveWebBackend(platform, ui, env)).filter((b) => isEnabled(env, releaseOf(platform, b.release)));
}
function certificate(ctx, ui, namespace, labels) {
  const fqdn = hostOf(ctx.env, ui);
  return {
    apiVersion: "cert-manager.io/v1",
    kind: "Certificate",
    metadata: { name: fqdn.replaceAll(".", "-"), namespace, labels },
    spec: {
      secretName: tlsSecretOf(fqdn),
      commonName: fqdn,
      dnsNames: [fqdn],
      issuerRef: { group: "cert-manager.io", kind: "ClusterIssuer", name: ctx.env.ingress.issuer }
    }
  };
}
function httpRoute(ctx, b, labels) {
  const gateway = gatewayOf(ctx);
  const parentRefs = [
    { group: "gateway.networking.k8s.io", kind: "Gateway", name: gateway.name, namespace: gateway.namespace, sectionName: listenerName(b.ui) }
  ];
  const hostnames = [hostOf(ctx.env, b.ui)];
  if (b.backend.kind === "traefik-internal") {
    const dashboard = ctx.env.ingress.dashboardPath;
    const internal = { group: "traefik.io", kind: "TraefikService", name: b.name };
    return {
      apiVersion: GATEWAY_API,
      kind: "HTTPRoute",
      metadata: { name: b.ui, namespace: b.namespace, labels },
      spec: {
        parentRefs,
        hostnames,
        rules: [
          {
            matches: [
              { path: { type: "PathPrefix", value: dashboard } },
              { path: { type: "PathPrefix", value: "/api" } }
            ],
            backendRefs: [internal]
          },
          {
            matches: [{ path: { type: "Exact", value: "/" } }],
            filters: [
              {
                type: "RequestRedirect",
                requestRedirect: { path: { type: "ReplaceFullPath", replaceFullPath: `${dashboard}/` }, statusCode: 302 }
              }
            ]
          }
        ]
      }
    };
  }
  return {
    apiVersion: GATEWAY_API,
    kind: "HTTPRoute",
    metadata: { name: b.ui, namespace: b.namespace, labels },
    spec: {
      parentRefs,
      hostnames,
      rules: [{ backendRefs: [{ name: b.name, port: b.port }] }]
    }
  };
}
function externalTcp(ctx, route, labels) {
  const { namespace } = gatewayOf(ctx);
  const host = ctx.env.external[route.backend.external];
  const name = `${route.backend.external}-${route.name}`;
  const port = { name: route.name, port: route.backend.port, protocol: "TCP" };
  return [
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name, namespace, labels },
      spec: { type: "ClusterIP", ports: [{ ...port, targetPort: route.backend.port }] }
    },
    {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: {
        name,
        namespace,
        labels: { ...labels, "kubernetes.io/service-name": name, "endpointslice.kubernetes.io/managed-by": "streamforge" }
      },
      addressType: "IPv4",
      endpoints: [{ addresses: [host.ip], conditions: { ready: true } }],
      ports: [port]
    },
    {
      apiVersion: TRAEFIK_API,
      kind: "IngressRouteTCP",
      metadata: { name: route.name, namespace, labels },
      spec: {
        entryPoints: [route.name],
        routes: [{ match: "HostSNI(`*`)", services: [{ name, port: route.backend.port }] }]
      }
    }
  ];
}
function kafkaTcp(ctx, route, labels) {
  const kafka = kafkaExternal(ctx);
  const sni = (host, service) => ({
    match: `HostSNI(\`${host}\`)`,
    services: [{ name: service, port: kafka.port }]
  });
  return [
    {
      apiVersion: TRAEFIK_API,
      kind: "IngressRouteTCP",
      metadata: { name: route.name, namespace: kafka.namespace, labels },
      spec: {
        entryPoints: [route.name],
        routes: [sni(kafka.bootstrapHost, kafka.bootstrapService), ...kafka.brokers.map((b) => sni(b.host, b.service))],
        tls: { passthrough: true }
      }
    }
  ];
}
var gatewayRoutes = (ctx) => {
  const { env, platform } = ctx;
  const labels = managedLabels("traefik");
  const gateway = gatewayOf(ctx);
  const uis = servedUis(ctx);
  const gatewayClass = {
    apiVersion: GATEWAY_API,
    kind: "GatewayClass",
    metadata: { name: gateway.className, labels },
    spec: { controllerName: TRAEFIK_GATEWAY_CONTROLLER }
  };
  const gatewayObject = {
    apiVersion: GATEWAY_API,
    kind: "Gateway",
    metadata: { name: gateway.name, namespace: gateway.namespace, labels },
    spec: {
      gatewayClassName: gateway.className,
      listeners: uis.map((b) => ({
        name: listenerName(b.ui),
        protocol: "HTTPS",
        port: traefikEntryPoints.websecure,
        hostname: hostOf(env, b.ui),
        tls: { mode: "Terminate", certificateRefs: [{ group: "", kind: "Secret", name: tlsSecretOf(hostOf(env, b.ui)) }] },
        allowedRoutes: {
          namespaces: {
            from: "Selector",
            selector: { matchLabels: { [NAMESPACE_NAME_LABEL]: b.namespace } }
          },
          kinds: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute" }]
        }
      }))
    }
  };
  const certificates = uis.map((b) => certificate(ctx, b.ui, gateway.namespace, labels));
  const routes = uis.map((b) => httpRoute(ctx, b, labels));
  const tcp = env.ingress.tcpRoutes.flatMap((route) => {
    const { backend } = route;
    if ("external" in backend) return externalTcp(ctx, { ...route, backend }, labels);
    if (!isEnabled(env, releaseOf(platform, "kafka-cluster"))) return [];
    return kafkaTcp(ctx, route, labels);
  });
  return [gatewayClass, gatewayObject, ...certificates, ...routes, ...tcp];
};

// src/manifests/storage-classes.ts
var storageClasses = ({ env }) => env.storageClasses.filter((cls) => cls.provisioner === "glusterfs-external").map(
  (cls) => ({
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: {
      name: cls.name,
      labels: managedLabels("storage"),
      annotations: cls.default ? { "storageclass.kubernetes.io/is-default-class": "true" } : void 0
    },
    provisioner: "kubernetes.io/no-provisioner",
    reclaimPolicy: "Retain",
    volumeBindingMode: "WaitForFirstConsumer",
    allowVolumeExpansion: false
  })
);

// src/manifests/kafka-cluster.ts
var STRIMZI = "kafka.strimzi.io/v1beta2";
function replication(replicas) {
  const factor = Math.min(3, replicas);
  return { factor, minIsr: Math.max(1, factor - 1) };
}
function kafkaUiAcls() {
  const allow = (type, operations) => ({
    type: "allow",
    resource: type === "cluster" ? { type } : { type, name: "*", patternType: "literal" },
    operations,
    host: "*"
  });
  return [
    allow("topic", ["Describe", "DescribeConfigs", "Read"]),
    allow("group", ["Describe", "Read"]),
    allow("cluster", ["Describe", "DescribeConfigs"]),
    allow("transactionalId", ["Describe"])
  ];
}
var kafkaCluster = (ctx) => {
  const { env, platform } = ctx;
  const kafka = env.components.kafka;
  const namespace = namespaceOf(platform, "kafka-cluster");
  const labels = managedLabels("kafka");
  const clusterLabels = { ...labels, "strimzi.io/cluster": kafka.cluster };
  const external = kafkaExternal(ctx);
  const { factor, minIsr } = replication(kafka.replicas);
  const scram = { type: "scram-sha-512" };
  const cluster = {
    apiVersion: STRIMZI,
    kind: "Kafka",
    metadata: {
      name: kafka.cluster,
      namespace,
      labels,
      annotations: { "strimzi.io/kraft": "enabled", "strimzi.io/node-pools": "enabled" }
    },
    spec: {
      kafka: {
        version: kafka.version,
        listeners: [
          { name: "tls", port: kafka.tlsPort, type: "internal", tls: true, authentication: scram },
          {
            name: external.listener,
            port: external.port,
            // ClusterIP Services per broker: Traefik (TLS passthrough, SNI) is the only way in.
            type: "cluster-ip",
            tls: true,
            authentication: scram,
            configuration: {
              bootstrap: { alternativeNames: [external.bootstrapHost] },
              brokers: external.brokers.map((b) => ({
                broker: b.nodeId,
                advertisedHost: b.host,
                advertisedPort: external.advertisedPort
              }))
            }
          }
        ],
        authorization: { type: "simple" },
        config: {
          "default.replication.factor": factor,
          "min.insync.replicas": minIsr,
          "offsets.topic.replication.factor": factor,
          "transaction.state.log.replication.factor": factor,
          "transaction.state.log.min.isr": minIsr
        }
      },
      entityOperator: { topicOperator: {}, userOperator: {} }
    }
  };
  const pool = {
    apiVersion: STRIMZI,
    kind: "KafkaNodePool",
    metadata: {
      name: kafkaPoolName(env),
      namespace,
      labels: clusterLabels,
      // Pinned node ids keep the per-broker hosts of the external listener valid.
      annotations: { "strimzi.io/next-node-ids": `[0-${kafka.replicas - 1}]` }
    },
    spec: {
      replicas: kafka.replicas,
      roles: ["controller", "broker"],
      storage: {
        type: "jbod",
        volumes: [
          {
            id: 0,
            type: "persistent-claim",
            size: kafka.size,
            class: kafka.storageClass,
            deleteClaim: false,
            kraftMetadata: "shared"
          }
        ]
      }
    }
  };
  const topics = kafka.topics.map((topic) => ({
    apiVersion: STRIMZI,
    kind: "KafkaTopic",
    metadata: { name: topic.name, namespace, labels: clusterLabels },
    spec: { partitions: topic.partitions, replicas: factor, config: { "min.insync.replicas": minIsr } }
  }));
  const kafkaUiUser = {
    apiVersion: STRIMZI,
    kind: "KafkaUser",
    metadata: { name: env.components.kafkaUi.user, namespace, labels: clusterLabels },
    spec: { authentication: scram, authorization: { type: "simple", acls: kafkaUiAcls() } }
  };
  return [cluster, pool, ...topics, kafkaUiUser];
};

// src/manifests/arangodb-deployment.ts
var IMAGE = "arangodb/arangodb";
var arangodbDeployment = ({ platform, env }) => {
  const db = env.components.arangodb;
  const volume = { resources: { requests: { storage: db.size } }, storageClassName: db.storageClass };
  const members2 = db.mode === "Single" ? { single: { count: 1, ...volume } } : { agents: { count: 3, storageClassName: db.storageClass }, dbservers: { count: 3, ...volume }, coordinators: { count: 3 } };
  return [
    {
      apiVersion: "database.arangodb.com/v1",
      kind: "ArangoDeployment",
      metadata: { name: db.name, namespace: namespaceOf(platform, "arangodb-deployment"), labels: managedLabels("arangodb") },
      spec: {
        mode: db.mode,
        environment: "Production",
        image: `${IMAGE}:${db.version}`,
        storageEngine: "RocksDB",
        externalAccess: { type: "None" },
        ...members2
      }
    }
  ];
};

// src/manifests/postgres-cluster.ts
function postgresRoles({ platform, env }) {
  const pg = env.components.postgres;
  const clientNamespace = {};
  const keycloakOwner = pg.databases.keycloak;
  if (keycloakOwner) clientNamespace[keycloakOwner] = namespaceOf(platform, "keycloakx");
  const grafana = env.components.monitoring.grafana.datasources.postgres.user;
  clientNamespace[grafana] = namespaceOf(platform, "kube-prometheus-stack");
  const roles = [.../* @__PURE__ */ new Set([...Object.values(pg.databases), grafana])].sort();
  return Object.fromEntries(
    roles.map((role) => {
      const ns = clientNamespace[role];
      return [ns ? postgresUserSecret(env, role, ns).manifestUser : role, []];
    })
  );
}
var postgresCluster = (ctx) => {
  const { platform, env } = ctx;
  const pg = env.components.postgres;
  return [
    {
      apiVersion: "acid.zalan.do/v1",
      kind: "postgresql",
      metadata: { name: pg.name, namespace: namespaceOf(platform, "postgres-cluster"), labels: managedLabels("postgres") },
      spec: {
        teamId: pg.teamId,
        numberOfInstances: pg.instances,
        postgresql: { version: pg.version },
        volume: { size: pg.size, storageClass: pg.storageClass },
        users: postgresRoles(ctx),
        databases: pg.databases,
        enableLogicalBackup: true,
        logicalBackupSchedule: pg.backup.schedule,
        logicalBackupRetention: pg.backup.retention
      }
    }
  ];
};

// src/manifests/index.ts
var manifestBuilders = {
  "cert-manager-issuers": certManagerIssuers,
  "metallb-pools": metallbPools,
  "gateway-routes": gatewayRoutes,
  "storage-classes": storageClasses,
  "kafka-cluster": kafkaCluster,
  "arangodb-deployment": arangodbDeployment,
  "postgres-cluster": postgresCluster
};

// src/emit/releases.ts
function manifestFileName(object) {
  const ns = object.metadata.namespace ? `${object.metadata.namespace}-` : "";
  return `${object.kind.toLowerCase()}-${ns}${object.metadata.name}.yaml`;
}
function emitValues(platform, env, release) {
  const path = valuesPath(env.name, release.name);
  if (!isEnabled(env, release)) {
    return { path, content: `${header("#")}# ${release.name} is not installed in ${env.name}.
{}
`, env: env.name };
  }
  const adapter = valuesAdapters[release.adapter];
  if (!adapter) throw new Error(`release "${release.name}" names values adapter "${release.adapter}", which does not exist`);
  return { path, content: yamlFile(adapter({ platform, env })), env: env.name };
}
function emitManifests(platform, env, release) {
  if (!isEnabled(env, release)) return [];
  const builder = manifestBuilders[release.adapter];
  if (!builder) throw new Error(`release "${release.name}" names manifest builder "${release.adapter}", which does not exist`);
  const dir = manifestDir(env.name, release.name);
  const seen = /* @__PURE__ */ new Set();
  return builder({ platform, env }).map((object) => {
    const path = `${dir}/${manifestFileName(object)}`;
    if (seen.has(path)) throw new Error(`release "${release.name}" builds two objects that map to ${path}`);
    seen.add(path);
    return { path, content: yamlFile(orderKubeObject(object)), env: env.name };
  });
}
function emitReleases(platform, env) {
  return platform.releases.flatMap(
    (release) => release.chart === "local" ? emitManifests(platform, env, release) : [emitValues(platform, env, release)]
  );
}

// src/model/dns.ts
import { createHash } from "node:crypto";
var MANAGED_COMMENT = "managed by @streamforge/platform (dns sync)";
function nameServerFqdn(env) {
  return `${env.components.dns.nsHost}.${env.domain}`;
}
function isUnder(name, zone) {
  return name === zone || name.endsWith(`.${zone}`);
}
function dnsRecords(platform, env) {
  const ttl = env.components.dns.zone.ttl;
  const a = (name, address, source) => ({ name, type: "A", address, ttl, source });
  return [
    // A11: every web UI, Technitium's own included, is served by the ingress (Traefik) with TLS.
    ...webHosts(env).map(({ ui, fqdn }) => a(fqdn, env.ingress.loadBalancerIps.traefik, { kind: "web", ui })),
    a(nameServerFqdn(env), env.ingress.loadBalancerIps.dns, { kind: "nameserver" }),
    a(apiFqdn(env), env.cluster.apiVip, { kind: "api" }),
    ...env.nodes.map((node) => a(`${node.name}.${env.domain}`, node.ip, { kind: "node", node: node.name })),
    ...Object.entries(env.external).map(([host, ext]) => a(ext.fqdn, ext.ip, { kind: "external", host })),
    ...tcpHosts(platform, env).map(({ route, fqdn }) => a(fqdn, env.ingress.loadBalancerIps.traefik, { kind: "tcp", route }))
  ];
}
function tcpHosts(platform, env) {
  const route = env.ingress.tcpRoutes.find((r) => "kafka" in r.backend);
  const kafkaRelease = platform.releases.find((r) => r.name === "kafka-cluster");
  if (!route || !kafkaRelease || !isEnabled(env, kafkaRelease)) return [];
  const kafka = kafkaExternal({ platform, env });
  return [kafka.bootstrapHost, ...kafka.brokers.map((b) => b.host)].map((fqdn) => ({ route: route.name, fqdn }));
}
function describeSource(source) {
  switch (source.kind) {
    case "web":
      return `web UI ${source.ui}`;
    case "nameserver":
      return "name server (Technitium)";
    case "api":
      return "Kubernetes API (kube-vip)";
    case "node":
      return `node ${source.node}`;
    case "external":
      return `external host ${source.host}`;
    case "tcp":
      return `TCP route ${source.route} (Traefik)`;
  }
}
function zoneNameOf(env, name) {
  return isUnder(name, env.domain) ? env.domain : name;
}
function contentSerial(zone) {
  const hash = createHash("sha256").update(JSON.stringify(zone)).digest();
  return hash.readUInt32BE(0) % 2147483647 + 1;
}
function dnsZones(platform, env) {
  const settings = env.components.dns.zone;
  const byZone = /* @__PURE__ */ new Map([[env.domain, []]]);
  for (const record of dnsRecords(platform, env)) {
    const zone = zoneNameOf(env, record.name);
    byZone.set(zone, [...byZone.get(zone) ?? [], record]);
  }
  const names = [env.domain, ...[...byZone.keys()].filter((z) => z !== env.domain).sort()];
  return names.map((name) => {
    const zone = {
      name,
      nameServer: nameServerFqdn(env),
      hostmaster: `${settings.hostmaster}.${env.domain}`,
      ttl: settings.ttl,
      refresh: settings.refresh,
      retry: settings.retry,
      expire: settings.expire,
      negativeTtl: settings.negativeTtl,
      records: byZone.get(name) ?? []
    };
    return { ...zone, serial: contentSerial(zone) };
  });
}

// src/emit/dns.ts
function zoneFilePath(env, zone) {
  return `dns/${env}/${zone}.zone`;
}
function recordsJsonPath(env) {
  return `dns/${env}/records.json`;
}
function relative(name, zone) {
  return name === zone ? "@" : name.slice(0, -(zone.length + 1));
}
function zoneFileText(env, zone) {
  const owners = ["@", ...zone.records.map((r) => relative(r.name, zone.name))];
  const width = Math.max(...owners.map((o) => o.length)) + 1;
  const line = (owner, ttl, type, data, comment) => `${owner.padEnd(width)}${String(ttl).padEnd(8)}IN  ${type.padEnd(5)} ${data}${comment ? ` ; ${comment}` : ""}
`;
  return [
    header(";"),
    `; Zone ${zone.name} of environment ${env.name}, served by Technitium DNS (S12).
`,
    `$ORIGIN ${zone.name}.
`,
    `$TTL ${zone.ttl}
`,
    line(
      "@",
      "",
      "SOA",
      `${zone.nameServer}. ${zone.hostmaster}. ${zone.serial} ${zone.refresh} ${zone.retry} ${zone.expire} ${zone.negativeTtl}`,
      "serial from the zone's content"
    ),
    line("@", "", "NS", `${zone.nameServer}.`),
    ...zone.records.map((r) => line(relative(r.name, zone.name), r.ttl, r.type, r.address, describeSource(r.source)))
  ].join("");
}
function headerText() {
  return header("#").replace(/^# /, "").trimEnd();
}
function recordsJson(env, zones) {
  const data = {
    $comment: headerText(),
    environment: env.name,
    zones: zones.map((zone) => ({
      zone: zone.name,
      type: "Primary",
      records: zone.records.map((r) => ({
        domain: r.name,
        type: r.type,
        ttl: r.ttl,
        ipAddress: r.address,
        comments: MANAGED_COMMENT
      }))
    }))
  };
  return `${JSON.stringify(data, null, 2)}
`;
}
function emitDns(platform, env) {
  const zones = dnsZones(platform, env);
  return [
    ...zones.map((zone) => ({ path: zoneFilePath(env.name, zone.name), content: zoneFileText(env, zone), env: env.name })),
    { path: recordsJsonPath(env.name), content: recordsJson(env, zones), env: env.name }
  ];
}

// src/model/infra.ts
var KUBESPRAY_GROUPS = {
  controlPlane: "kube_control_plane",
  node: "kube_node",
  etcd: "etcd",
  cluster: "k8s_cluster"
};
function controlPlaneNodes(env) {
  return env.nodes.filter((n) => n.role === "control-plane");
}
function workerNodes(env) {
  return env.nodes.filter((n) => n.role === "worker");
}
function etcdNodes(env) {
  return controlPlaneNodes(env);
}
function nodeFqdn(env, node) {
  return `${node.name}.${env.domain}`;
}
function nodeLabels(env, node) {
  return node.gpu ? { ...env.cluster.gpuNodeLabels } : {};
}
function lanPrefix(env) {
  const bits = Number(env.network.lan.split("/")[1]);
  if (!Number.isInteger(bits)) throw new Error(`environment ${env.name}: LAN "${env.network.lan}" has no prefix length`);
  return bits;
}
var GUEST_INTERFACE = "eth0";
function vmMac(node) {
  if (node.vm.mac) return node.vm.mac.toUpperCase();
  const id = node.vm.vmid;
  const bytes = [2, 0, 0, id >>> 16 & 255, id >>> 8 & 255, id & 255];
  return bytes.map((b) => b.toString(16).padStart(2, "0").toUpperCase()).join(":");
}
function userDataSnippet(env, node) {
  return `${env.name}-${node.name}-user-data.yaml`;
}
function apiEndpoint(env) {
  return { address: env.cluster.apiVip, port: env.cluster.apiPort };
}

// src/kubespray/addons.ts
var KUBESPRAY_ADDON_RELEASES = {
  metallb_enabled: ["metallb"],
  cert_manager_enabled: ["cert-manager"],
  ingress_nginx_enabled: ["ingress-nginx"],
  argocd_enabled: ["argo-cd"],
  // The Traefik chart ships the Gateway API CRDs (S5).
  gateway_api_enabled: ["traefik"],
  // The GPU operator deploys Node Feature Discovery and the NVIDIA driver and device plugin (S36).
  node_feature_discovery_enabled: ["gpu-operator"],
  nvidia_accelerator_enabled: ["gpu-operator"]
};
var KUBESPRAY_UNUSED_ADDONS = [
  "helm_enabled",
  "registry_enabled",
  "metrics_server_enabled",
  "local_path_provisioner_enabled",
  "local_volume_provisioner_enabled"
];

// src/emit/kubespray.ts
function inventoryDir(env) {
  return `kubespray/inventory/${env}`;
}
function kubesprayPaths(env) {
  const dir = inventoryDir(env);
  return {
    hosts: `${dir}/hosts.yaml`,
    all: `${dir}/group_vars/all/all.yml`,
    k8sCluster: `${dir}/group_vars/k8s_cluster/k8s-cluster.yml`,
    addons: `${dir}/group_vars/k8s_cluster/addons.yml`
  };
}
function hostVars(env, node) {
  const labels = nodeLabels(env, node);
  return {
    ansible_host: node.ip,
    ip: node.ip,
    access_ip: node.ip,
    node_labels: Object.keys(labels).length ? labels : void 0
  };
}
function members(nodes) {
  return Object.fromEntries(nodes.map((n) => [n.name, {}]));
}
function hostsInventory(env) {
  const g = KUBESPRAY_GROUPS;
  return {
    all: {
      hosts: Object.fromEntries(env.nodes.map((n) => [n.name, hostVars(env, n)])),
      children: {
        [g.controlPlane]: { hosts: members(controlPlaneNodes(env)) },
        [g.node]: { hosts: members(workerNodes(env)) },
        [g.etcd]: { hosts: members(etcdNodes(env)) },
        // Kubespray v2.28 builds this group at run time; declaring it lets `ansible-inventory`
        // (and anyone reading the file) see each host's merged variables.
        [g.cluster]: { children: { [g.controlPlane]: {}, [g.node]: {} } }
      }
    }
  };
}
function allVars(env) {
  return {
    // The login user the VMs' cloud-init creates (A5).
    ansible_user: env.proxmox.ciUser,
    loadbalancer_apiserver: apiEndpoint(env),
    apiserver_loadbalancer_domain_name: apiFqdn(env)
  };
}
function k8sClusterVars(env) {
  const c = env.cluster;
  return {
    kube_version: c.kubernetesVersion,
    kube_network_plugin: c.networkPlugin,
    kube_service_addresses: c.serviceCidr,
    kube_pods_subnet: c.podCidr,
    kube_network_node_prefix: c.nodePrefix,
    kubelet_max_pods: c.maxPods,
    kube_proxy_mode: c.proxyMode,
    // kube-vip's ARP mode and MetalLB's L2 mode both answer ARP for addresses that kube-proxy
    // (IPVS) would otherwise answer on every node.
    kube_proxy_strict_arp: true,
    supplementary_addresses_in_ssl_keys: [c.apiVip, apiFqdn(env)],
    // The GPU operator installs the NVIDIA driver and device plugin (S36).
    nvidia_accelerator_enabled: false
  };
}
function addonVars(env) {
  const off = Object.fromEntries(
    [...KUBESPRAY_UNUSED_ADDONS, ...Object.keys(KUBESPRAY_ADDON_RELEASES)].filter((name) => name !== "nvidia_accelerator_enabled").map((name) => [name, false])
  );
  return {
    ...off,
    kube_vip_enabled: true,
    kube_vip_controlplane_enabled: true,
    kube_vip_arp_enabled: true,
    // LoadBalancer Services belong to MetalLB (S4).
    kube_vip_services_enabled: false,
    kube_vip_address: env.cluster.apiVip,
    kube_vip_interface: GUEST_INTERFACE
  };
}
function emitKubespray(_platform, env) {
  const paths = kubesprayPaths(env.name);
  const file = (path, data) => ({ path, content: yamlFile(data), env: env.name });
  return [
    file(paths.hosts, hostsInventory(env)),
    file(paths.all, allVars(env)),
    file(paths.k8sCluster, k8sClusterVars(env)),
    file(paths.addons, addonVars(env))
  ];
}

// src/emit/proxmox.ts
import Handlebars2 from "handlebars";
function proxmoxPaths(env) {
  const dir = `proxmox/${env}`;
  return {
    dir,
    spec: (node) => `${dir}/vms/${node}.yaml`,
    userData: (node) => `${dir}/cloud-init/${node}.yaml`,
    script: `${dir}/create-vms.sh`
  };
}
function vmTags(platform, env, node) {
  return [platform.name, env.name, node.role, ...node.gpu ? ["gpu"] : []].map((t) => t.toLowerCase()).join(";");
}
function vmParams(platform, env, node) {
  const { vm } = node;
  const px = env.proxmox;
  const passthrough = vm.pciPassthrough !== void 0;
  const params = {
    vmid: vm.vmid,
    name: node.name,
    tags: vmTags(platform, env, node),
    onboot: 1,
    agent: "enabled=1,fstrim_cloned_disks=1",
    ostype: "l26",
    // PCI Express passthrough needs the q35 chipset.
    machine: passthrough ? "q35" : void 0,
    cpu: px.cpuType,
    sockets: 1,
    cores: vm.cores,
    memory: String(vm.memoryMiB),
    scsihw: "virtio-scsi-single",
    scsi0: `${px.storage}:${vm.osDiskGiB}`,
    // The Linstor data disk (S14): replicated by DRBD, so left out of Proxmox backups.
    scsi1: vm.dataDiskGiB !== void 0 ? `${px.storage}:${vm.dataDiskGiB},backup=0` : void 0,
    net0: `model=virtio,bridge=${px.bridge},macaddr=${vmMac(node)}`,
    ipconfig0: `ip=${node.ip}/${lanPrefix(env)},gw=${env.network.gateway}`,
    nameserver: nameservers(env).join(" "),
    searchdomain: env.domain,
    ciuser: px.ciUser,
    cicustom: `user=${px.snippetStorage}:snippets/${userDataSnippet(env, node)}`,
    hostpci0: passthrough ? `host=${vm.pciPassthrough},pcie=1` : void 0
  };
  return Object.fromEntries(Object.entries(params).filter((e) => e[1] !== void 0));
}
function vmSpec(platform, env, node) {
  return {
    node: node.vm.host,
    template: { vmid: env.proxmox.templateVmid, node: env.proxmox.templateHost },
    params: vmParams(platform, env, node),
    files: { sshkeys: env.proxmox.sshPublicKeyFile, userData: `cloud-init/${node.name}.yaml` }
  };
}
function userData(env, node) {
  return {
    hostname: node.name,
    fqdn: nodeFqdn(env, node),
    manage_etc_hosts: true,
    // Replaces the image's default user, so top-level `ssh_authorized_keys` lands on this one.
    user: {
      name: env.proxmox.ciUser,
      groups: ["sudo"],
      shell: "/bin/bash",
      sudo: "ALL=(ALL) NOPASSWD:ALL",
      lock_passwd: true
    },
    ssh_pwauth: false,
    disable_root: true,
    package_update: true,
    packages: ["qemu-guest-agent"],
    runcmd: [["systemctl", "enable", "--now", "qemu-guest-agent"]]
  };
}
function userDataFile(env, node) {
  return "#cloud-config\n" + header("#") + toYaml(userData(env, node)) + `# create-vms.sh appends ssh_authorized_keys here, read from ${env.proxmox.sshPublicKeyFile}:
# the key is referenced, never committed.
`;
}
function shellQuote(word) {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
function homePath(path) {
  return path.startsWith("~/") ? `$HOME/${path.slice(2)}` : path;
}
var SCRIPT = Handlebars2.compile(
  `#!/usr/bin/env bash
{{header}}#
# Creates the VMs of environment "{{env}}" on Proxmox VE: clone the cloud-init template, set,
# resize, start. Idempotent: a VM whose VMID already exists is skipped (delete a half-created VM
# to create it again). Run as root on a node of the Proxmox cluster; the other nodes are reached
# over root SSH, which a Proxmox cluster sets up between its nodes.
set -euo pipefail

here="$(cd "$(dirname "\${BASH_SOURCE[0]}")" && pwd)"
ssh_key_file={{sshKeyDefault}}
template_vmid={{templateVmid}}
template_node={{templateNode}}
storage={{storage}}
snippet_storage={{snippetStorage}}

# Runs a command on a Proxmox node: locally, or over SSH.
on_node() {
  local node="$1"
  shift
  if [ "$node" = "$(hostname)" ]; then
    "$@"
  else
    ssh -o BatchMode=yes "root@$node" "$(printf '%q ' "$@")"
  fi
}

# Copies a local file to a path on a Proxmox node.
put_file() {
  local node="$1" src="$2" dest="$3"
  if [ "$node" = "$(hostname)" ]; then
    install -m 0644 "$src" "$dest"
  else
    ssh -o BatchMode=yes "root@$node" "cat > $(printf '%q' "$dest")" < "$src"
  fi
}

# The cluster's next-free-VMID check fails for a VMID that is taken.
vm_exists() {
  ! pvesh get /cluster/nextid --vmid "$1" >/dev/null 2>&1
}

# The VM's user-data, then the operator's public keys as ssh_authorized_keys.
user_data_with_keys() {
  local key q="'"
  cat "$1"
  printf 'ssh_authorized_keys:\\n'
  while IFS= read -r key || [ -n "$key" ]; do
    [ -n "$key" ] || continue
    # A YAML single-quoted scalar: a quote inside is written twice.
    printf "  - '%s'\\n" "\${key//$q/$q$q}"
  done < "$ssh_key_file"
}

# create_vm VMID NAME NODE OS_DISK_GIB SNIPPET USER_DATA [qm set options...]
create_vm() {
  local vmid="$1" name="$2" node="$3" os_disk="$4" snippet="$5" user_data="$6"
  shift 6
  if vm_exists "$vmid"; then
    echo "skip $name: VMID $vmid exists"
    return 0
  fi
  echo "create $name (VMID $vmid) on $node"
  on_node "$template_node" qm clone "$template_vmid" "$vmid" --name "$name" --full 1 --storage "$storage"
  if [ "$node" != "$template_node" ]; then
    on_node "$template_node" qm migrate "$vmid" "$node"
  fi
  local tmp snippet_path
  tmp="$(mktemp)"
  user_data_with_keys "$here/$user_data" > "$tmp"
  snippet_path="$(on_node "$node" pvesm path "$snippet_storage:snippets/$snippet")"
  put_file "$node" "$tmp" "$snippet_path"
  put_file "$node" "$ssh_key_file" "/tmp/$name.pub"
  rm -f "$tmp"
  on_node "$node" qm set "$vmid" --sshkeys "/tmp/$name.pub" "$@"
  on_node "$node" rm -f "/tmp/$name.pub"
  on_node "$node" qm resize "$vmid" scsi0 "\${os_disk}G"
  on_node "$node" qm start "$vmid"
}

if [ ! -r "$ssh_key_file" ]; then
  echo "no public key at $ssh_key_file (set SSH_PUBLIC_KEY_FILE)" >&2
  exit 1
fi

{{#each vms}}
{{command}}
{{/each}}
`,
  { noEscape: true, strict: true }
);
var NOT_SET = /* @__PURE__ */ new Set(["vmid", "name", "scsi0"]);
function createScript(platform, env) {
  const px = env.proxmox;
  const vms = env.nodes.map((node) => {
    const spec = vmSpec(platform, env, node);
    const args = Object.entries(spec.params).filter(([key2]) => !NOT_SET.has(key2)).map(([key2, value]) => `--${key2} ${shellQuote(String(value))}`);
    const positional = [String(node.vm.vmid), node.name, node.vm.host, String(node.vm.osDiskGiB), userDataSnippet(env, node), spec.files.userData];
    return { command: [`create_vm ${positional.map(shellQuote).join(" ")}`, ...args.map((a) => `  ${a}`)].join(" \\\n") };
  });
  return SCRIPT({
    header: header("#"),
    env: env.name,
    // Double quotes so that `$HOME` expands; the environment may name another file.
    sshKeyDefault: `"\${SSH_PUBLIC_KEY_FILE:-${homePath(px.sshPublicKeyFile)}}"`,
    templateVmid: px.templateVmid,
    templateNode: shellQuote(px.templateHost),
    storage: shellQuote(px.storage),
    snippetStorage: shellQuote(px.snippetStorage),
    vms
  });
}
function emitProxmox(platform, env) {
  const paths = proxmoxPaths(env.name);
  const records = [];
  for (const node of env.nodes) {
    records.push({ path: paths.spec(node.name), content: yamlFile(vmSpec(platform, env, node)), env: env.name });
    records.push({ path: paths.userData(node.name), content: userDataFile(env, node), env: env.name });
  }
  records.push({ path: paths.script, content: createScript(platform, env), env: env.name });
  return records;
}

// src/emit/gitlab-ci.ts
var GITLAB_CI_DIR = "gitlab-ci";
var KANIKO = "/kaniko/executor";
function gitlabCiPaths(ci) {
  return {
    root: ".gitlab-ci.yml",
    template: ci.template.path,
    service: (s) => `${s.path}/.gitlab-ci.yml`
  };
}
function v(name) {
  return `$${name}`;
}
function imageRef(ci, name, tag) {
  return `${v(ci.registry.image)}/${name}:${v(tag)}`;
}
function kanikoCommand(ci, dockerfile, destination, buildArgs = {}) {
  const args = [
    `--context ${v(ci.buildContext)}`,
    `--dockerfile ${dockerfile}`,
    ...Object.entries(buildArgs).map(([k, value]) => `--build-arg ${k}=${value}`),
    `--destination ${destination}`,
    "--cache=true",
    `--cache-repo ${v(ci.registry.image)}/${ci.cacheRepo}`
  ];
  return [KANIKO, ...args].join(" ");
}
function kanikoJob(env) {
  const ci = env.components.ci;
  return {
    // kaniko's entrypoint is the executor; GitLab must start the image's shell instead.
    image: { name: `${ci.kaniko.image}:${ci.kaniko.version}`, entrypoint: [""] },
    tags: env.components.runner.tags,
    variables: { DOCKER_CONFIG: ciDockerConfigDir(env) }
  };
}
function templateJobs(env) {
  const ci = env.components.ci;
  const [setup, build, test, deploy] = ci.stages;
  const baseImage = imageRef(ci, ci.baseImage.name, ci.registry.commit);
  const serviceImage = imageRef(ci, v("SERVICE_NAME"), ci.registry.commit);
  const releaseDir = "/tmp/release";
  return {
    [ci.template.jobs.baseImage]: {
      stage: setup,
      ...kanikoJob(env),
      script: [kanikoCommand(ci, ci.baseImage.dockerfile, baseImage)]
    },
    [ci.template.jobs.build]: {
      stage: build,
      ...kanikoJob(env),
      script: [kanikoCommand(ci, `${v("SERVICE_PATH")}/Dockerfile`, serviceImage, { [ci.baseImage.buildArg]: baseImage })]
    },
    [ci.template.jobs.test]: {
      stage: test,
      image: serviceImage,
      tags: env.components.runner.tags,
      script: [`cd "${v("SERVICE_PATH")}"`, ci.testCommand]
    },
    [ci.template.jobs.deploy]: {
      stage: deploy,
      ...kanikoJob(env),
      rules: [{ if: v(ci.registry.release) }],
      script: [
        `mkdir -p ${releaseDir}`,
        `echo "FROM ${serviceImage}" > ${releaseDir}/Dockerfile`,
        kanikoCommand(ci, `${releaseDir}/Dockerfile`, imageRef(ci, v("SERVICE_NAME"), ci.registry.release))
      ]
    }
  };
}
function local(path) {
  return { local: `/${path}` };
}
function servicePipeline(ci, service) {
  const variables = { SERVICE_NAME: service.name, SERVICE_PATH: service.path };
  const jobs = { include: [local(ci.template.path)] };
  for (const [suffix, template] of [
    ["build", ci.template.jobs.build],
    ["test", ci.template.jobs.test],
    ["deploy", ci.template.jobs.deploy]
  ]) {
    jobs[`${service.name}-${suffix}`] = { extends: template, variables };
  }
  return jobs;
}
function rootPipeline(ci) {
  const paths = gitlabCiPaths(ci);
  return {
    stages: [...ci.stages],
    include: [local(paths.template), ...ci.services.map((s) => local(paths.service(s)))],
    [ci.baseImage.name]: { extends: ci.template.jobs.baseImage }
  };
}
function hasRunner(platform) {
  return platform.releases.some((r) => r.adapter === "gitlab-runner");
}
function emitGitlabCi(platform) {
  if (!hasRunner(platform)) return [];
  const env = ciEnvironment(platform);
  const ci = env.components.ci;
  const paths = gitlabCiPaths(ci);
  const file = (path, data) => ({ path: `${GITLAB_CI_DIR}/${path}`, content: yamlFile(data) });
  return [
    file(paths.root, rootPipeline(ci)),
    file(paths.template, { stages: [...ci.stages], ...templateJobs(env) }),
    ...ci.services.map((s) => file(paths.service(s), servicePipeline(ci, s)))
  ];
}

// src/emit/index.ts
var environmentEmitters = [
  (platform, env) => [emitEnvironment(platform, env)],
  emitReleases,
  emitDns,
  emitKubespray,
  emitProxmox
];
function generate(platform) {
  const records = [emitHelmfile(platform), ...emitGitlabCi(platform)];
  for (const env of platform.environments) {
    for (const emit of environmentEmitters) records.push(...emit(platform, env));
  }
  const paths = /* @__PURE__ */ new Set();
  for (const record of records) {
    if (paths.has(record.path)) throw new Error(`two emitters write ${record.path}`);
    paths.add(record.path);
  }
  return sortRecords(records);
}

// src/lint/schemas.ts
import { createHash as createHash3 } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { Script } from "node:vm";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// src/schema/crds.ts
import { createHash as createHash2 } from "node:crypto";
import { parseAllDocuments } from "yaml";
function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function validRegExp(pattern) {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}
var SCHEMA_MAPS = /* @__PURE__ */ new Set(["properties", "patternProperties", "definitions", "$defs"]);
function transform(node, root, dropped) {
  if (Array.isArray(node)) return node.map((item) => transform(item, false, dropped));
  if (!isObject(node)) return node;
  const out = {};
  for (const [key2, child] of Object.entries(node)) {
    if (key2 === "description" || key2 === "example" || key2 === "x-kubernetes-validations") continue;
    if (key2 === "enum" || key2 === "const" || key2 === "default") out[key2] = child;
    else if (key2 === "format" && child === "int-or-string") continue;
    else if (key2 === "pattern" && typeof child === "string" && !validRegExp(child)) dropped.push(child);
    else if (SCHEMA_MAPS.has(key2) && isObject(child)) {
      out[key2] = Object.fromEntries(Object.entries(child).map(([name, schema]) => [name, transform(schema, false, dropped)]));
    } else out[key2] = transform(child, false, dropped);
  }
  const intOrString = node.format === "int-or-string" || node["x-kubernetes-int-or-string"] === true;
  if (intOrString && !("anyOf" in out) && !("oneOf" in out)) {
    delete out.type;
    out.oneOf = [{ type: "string" }, { type: "integer" }];
  }
  const open = node["x-kubernetes-preserve-unknown-fields"] === true;
  if (!root && "properties" in out && !("additionalProperties" in out) && !open) out.additionalProperties = false;
  return out;
}
var SHARE_MIN_LENGTH = 1e3;
function childSlots(node) {
  const slots = [];
  for (const key2 of ["properties", "patternProperties", "definitions"]) {
    const map = node[key2];
    if (isObject(map)) for (const name of Object.keys(map)) slots.push([map, name]);
  }
  for (const key2 of ["additionalProperties", "items", "additionalItems", "not", "if", "then", "else"]) if (isObject(node[key2])) slots.push([node, key2]);
  for (const key2 of ["anyOf", "oneOf", "allOf", "items"]) {
    const list = node[key2];
    if (Array.isArray(list)) list.forEach((_, i) => slots.push([list, i]));
  }
  return slots;
}
function shareRepeated(schema) {
  const counts = /* @__PURE__ */ new Map();
  const count = (node) => {
    if (!isObject(node)) return;
    const text = JSON.stringify(node);
    if (text.length >= SHARE_MIN_LENGTH) counts.set(text, (counts.get(text) ?? 0) + 1);
    for (const [container, key2] of childSlots(node)) count(container[key2]);
  };
  for (const [container, key2] of childSlots(schema)) count(container[key2]);
  const names = /* @__PURE__ */ new Map();
  for (const [text, n] of counts) if (n > 1) names.set(text, `shared-${createHash2("sha256").update(text).digest("hex").slice(0, 12)}`);
  if (names.size === 0) return schema;
  const definitions = {};
  const rewrite = (node, shareSelf) => {
    if (!isObject(node)) return node;
    const text = JSON.stringify(node);
    const name = shareSelf ? names.get(text) : void 0;
    if (name) {
      if (!(name in definitions)) {
        definitions[name] = {};
        definitions[name] = rewrite(node, false);
      }
      return { $ref: `#/definitions/${name}` };
    }
    const out = { ...node };
    for (const key2 of ["properties", "patternProperties"]) if (isObject(node[key2])) out[key2] = { ...node[key2] };
    for (const key2 of ["anyOf", "oneOf", "allOf", "items"]) if (Array.isArray(node[key2])) out[key2] = [...node[key2]];
    for (const [container, key2] of childSlots(out)) {
      const holder = container;
      holder[key2] = rewrite(holder[key2], true);
    }
    return out;
  };
  const shared = rewrite(schema, false);
  return { ...shared, definitions: { ...shared.definitions ?? {}, ...definitions } };
}
function crdVersionSchema(openApiV3Schema) {
  const droppedPatterns = [];
  const schema = shareRepeated(transform(openApiV3Schema ?? {}, true, droppedPatterns));
  return { schema, droppedPatterns: [...new Set(droppedPatterns)].sort() };
}
function crdSchemasOf(yamlText, kinds) {
  const out = [];
  for (const doc of parseAllDocuments(yamlText)) {
    const crd = doc.toJS({ maxAliasCount: -1 });
    if (!crd || crd.kind !== "CustomResourceDefinition" || !crd.spec?.group || !crd.spec.names?.kind) continue;
    const { group, names } = crd.spec;
    const kind = names.kind;
    if (kinds && !kinds.has(kind)) continue;
    for (const version of crd.spec.versions ?? []) {
      if (!version.served || !version.name) continue;
      const { schema, droppedPatterns } = crdVersionSchema(version.schema?.openAPIV3Schema ?? crd.spec.validation?.openAPIV3Schema);
      out.push({ group, kind, version: version.name, path: crdSchemaFile(group, kind, version.name), schema, droppedPatterns });
    }
  }
  return out;
}
function crdSchemaFile(group, kind, version) {
  return `${group}/${kind.toLowerCase()}_${version.toLowerCase()}.json`;
}

// src/lint/schemas.ts
var PACKAGE_ROOT = resolve(import.meta.dirname, "../..");
var schemaRoot = PACKAGE_ROOT;
var compiled = /* @__PURE__ */ new Map();
var requireHere = createRequire(import.meta.url);
function valuesSchemaPath(chart, version) {
  return `schema/charts/${chart}/${version}.schema.json`;
}
function crdSchemaPath(group, kind, version) {
  return `schema/crds/${crdSchemaFile(group, kind, version)}`;
}
var CACHE_VERSION = "1";
function cacheDir() {
  const preferred = join(PACKAGE_ROOT, "node_modules", ".cache", "streamforge-ajv");
  try {
    mkdirSync(preferred, { recursive: true });
    return preferred;
  } catch {
    const fallback = join(tmpdir(), "streamforge-ajv");
    mkdirSync(fallback, { recursive: true });
    return fallback;
  }
}
function writeAtomic(file, data) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, file);
}
function loadStandalone(file, code) {
  let cachedData;
  try {
    cachedData = readFileSync(`${file}.v8`);
  } catch {
    cachedData = void 0;
  }
  const script = new Script(`(function (module, exports, require) {${code}
})`, { filename: file, ...cachedData ? { cachedData } : {} });
  const module = { exports: {} };
  script.runInThisContext()(module, module.exports, requireHere);
  const run = module.exports.default ?? module.exports;
  const fresh = cachedData === void 0 || script.cachedDataRejected === true;
  return {
    run,
    // After a first validation the cache also holds the functions V8 compiled lazily.
    saveCodeCache: () => {
      if (!fresh) return;
      try {
        writeAtomic(`${file}.v8`, script.createCachedData());
      } catch {
      }
    }
  };
}
async function compileStandalone(schema, path) {
  const [{ Ajv, _ }, formats, standalone] = await Promise.all([import("ajv"), import("ajv-formats"), import("ajv/dist/standalone/index.js")]);
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    logger: false,
    validateSchema: false,
    unicodeRegExp: false,
    code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` }
  });
  formats.default(ajv);
  try {
    const fn = ajv.compile(schema);
    return standalone.default(ajv, fn);
  } catch (error) {
    throw new Error(`${path} does not compile: ${error.message}`, { cause: error });
  }
}
async function validatorFor(path) {
  const cached = compiled.get(path);
  if (cached !== void 0) return cached;
  let text;
  try {
    text = readFileSync(join(schemaRoot, path), "utf8");
  } catch {
    compiled.set(path, null);
    return null;
  }
  const hash = createHash3("sha256").update(CACHE_VERSION).update(text).digest("hex").slice(0, 32);
  const file = join(cacheDir(), `${hash}.cjs`);
  let code;
  try {
    code = readFileSync(file, "utf8");
  } catch {
    const schema = JSON.parse(text);
    delete schema.$schema;
    code = await compileStandalone(schema, path);
    writeAtomic(file, code);
  }
  const { run, saveCodeCache } = loadStandalone(file, code);
  const fn = run;
  let parsed;
  let first = true;
  const validator = Object.assign(
    (data) => {
      const ok = fn(data);
      validator.errors = fn.errors ?? null;
      if (first) saveCodeCache();
      first = false;
      return ok;
    },
    { errors: null }
  );
  Object.defineProperty(validator, "schema", { get: () => parsed ??= JSON.parse(text) });
  compiled.set(path, validator);
  return validator;
}
function parentSchemaOf(schema, schemaPath) {
  const segments = schemaPath.replace(/^#\/?/, "").split("/").filter(Boolean).slice(0, -1);
  let node = schema;
  for (const s of segments) {
    const key2 = s.replaceAll("~1", "/").replaceAll("~0", "~");
    node = node !== null && typeof node === "object" ? node[key2] : void 0;
  }
  return node;
}

// src/pipeline/gen.ts
async function checkShape(platform, modelFile) {
  const fast = await validatorFor("schema/platform.schema.json");
  if (fast && fast(platform)) return;
  const { validateModel } = await import("./model-schema-Z2LSUHOT.mjs");
  const shape = validateModel(platform, modelFile);
  if (shape.length) throw new InvalidModelError(shape);
}
async function runGen(platform, options) {
  if (options.env !== void 0 && !platform.environments.some((e) => e.name === options.env)) {
    const known = platform.environments.map((e) => e.name).join(", ");
    throw new UsageError(`unknown environment "${options.env}"; the model has: ${known}`);
  }
  await checkShape(platform, options.modelFile);
  const records = generate(platform);
  const p = plan(options.outDir, records, options.env);
  if (options.check) {
    const { drift } = await import("./drift-HUJFIKOX.mjs");
    return { plan: p, drift: drift(options.outDir, p) };
  }
  if (p.refused.length === 0) apply(options.outDir, p);
  return { plan: p };
}
var InvalidModelError = class extends Error {
  constructor(diagnostics) {
    super(
      `the model is invalid (${diagnostics.length} problem(s)); nothing was written
` + diagnostics.map((d) => `${d.file}: ${d.pointer || "/"}: ${d.message}${d.hint ? ` (${d.hint})` : ""}`).join("\n")
    );
    this.diagnostics = diagnostics;
  }
  diagnostics;
  name = "InvalidModelError";
};
var UsageError = class extends Error {
  name = "UsageError";
};

export {
  orderKubeObject,
  toYaml,
  emittedDocuments,
  hostOf,
  webHosts,
  isEnabled,
  GITLAB_RUNNER_DOCUMENTED_VERSION,
  gitlabRunnerKeys,
  MANAGED_COMMENT,
  isUnder,
  dnsRecords,
  describeSource,
  zoneNameOf,
  dnsZones,
  zoneFilePath,
  KUBESPRAY_GROUPS,
  controlPlaneNodes,
  lanPrefix,
  KUBESPRAY_ADDON_RELEASES,
  kubesprayPaths,
  proxmoxPaths,
  generate,
  crdSchemasOf,
  valuesSchemaPath,
  crdSchemaPath,
  validatorFor,
  parentSchemaOf,
  runGen,
  InvalidModelError,
  UsageError
};
