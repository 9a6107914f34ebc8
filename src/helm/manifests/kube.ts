import type { Context } from "../../core/model/derive.ts";
import type { Values } from "../charts/adapter.ts";

/** Object metadata the generator sets. */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A Kubernetes object as data: built-in or custom kind. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** What a manifest builder sees: the model, and the values each chart release gets. */
export interface ManifestContext extends Context {
  /**
   * The values of every chart release installed in the environment, by release name, as its
   * adapter computed them once for the values file (routes name the Services those values shape).
   */
  values: ReadonlyMap<string, Values>;
}

/** Builds the plain manifests of one `local` release for one environment. */
export type ManifestBuilder = (ctx: ManifestContext) => KubeObject[];

/** Labels every generated object carries, so `kubectl get -l` finds what the model owns. */
export function managedLabels(component: string): Record<string, string> {
  return { "app.kubernetes.io/managed-by": "streamforge", "app.kubernetes.io/part-of": component };
}
