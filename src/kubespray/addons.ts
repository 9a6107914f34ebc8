/**
 * Kubespray v2.28 add-ons that install something a Helmfile release of the platform also
 * installs. Kubespray must leave them off: two installers of one component fight over its
 * objects (and over CRD versions) on every run.
 */

/** Add-on switch -> the releases that install the same component. */
export const KUBESPRAY_ADDON_RELEASES: Readonly<Record<string, readonly string[]>> = {
  metallb_enabled: ["metallb"],
  cert_manager_enabled: ["cert-manager"],
  ingress_nginx_enabled: ["ingress-nginx"],
  argocd_enabled: ["argo-cd"],
  // The Traefik chart ships the Gateway API CRDs (S5).
  gateway_api_enabled: ["traefik"],
  // The GPU operator deploys Node Feature Discovery and the NVIDIA driver and device plugin (S36).
  node_feature_discovery_enabled: ["gpu-operator"],
  nvidia_accelerator_enabled: ["gpu-operator"],
};

/**
 * Add-ons the platform does not use at all, written as `false` so the inventory says so rather
 * than relying on Kubespray's defaults.
 */
export const KUBESPRAY_UNUSED_ADDONS: readonly string[] = [
  "helm_enabled",
  "registry_enabled",
  "metrics_server_enabled",
  "local_path_provisioner_enabled",
  "local_volume_provisioner_enabled",
];
