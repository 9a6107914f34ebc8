/**
 * What a release brings to a cluster and what it expects there, beyond its values' shape (design
 * principle 13). Each chart adapter declares, for the values it writes, the objects its chart (or
 * the operator behind it) creates, the custom kinds it renders, the webhooks it runs, the names it
 * refers to, the storage it claims and the internal HTTPS endpoints it trusts. Lint checks the
 * declarations against each other and against the files on disk; `needs` is derived from them.
 */
import type { Context } from "../../core/model/derive.ts";
import type { Quantity } from "../../core/model/types.ts";
import type { Values } from "./adapter.ts";

/** Kinds of named objects values and manifests refer to. `PostgresRole` is a role in the PostgreSQL cluster. */
export type ObjectKind = "Secret" | "ConfigMap" | "ServiceAccount" | "PersistentVolumeClaim" | "Service" | "PostgresRole" | "StorageClass";

/** An object a release creates (directly, through its chart, or through the operator it feeds). */
export interface Provided {
  kind: ObjectKind;
  /** Namespace of the object ("" for a StorageClass); a PostgreSQL role has its cluster's namespace. */
  namespace: string;
  name: string;
  /** Keys a Secret or ConfigMap holds, when known (absent: any key is accepted). */
  keys?: readonly string[];
  /** Ports a Service serves, when known. */
  ports?: readonly number[];
}

/** A custom kind by API group, as `needs` ordering cares about it. */
export interface KindRef {
  group: string;
  kind: string;
}

/**
 * A name the release's values refer to, at a JSON pointer of its values file (read from the file
 * as linted, so a hand edit is checked too). The pointer's value is the name; `keyAt`, when
 * given, is a sibling pointer whose value is the Secret or ConfigMap key.
 */
export interface ValueReference {
  kind: ObjectKind;
  /** Where the name is written in the values file (a JSON pointer). */
  at: string;
  /**
   * The value at `at` is text (a TOML or YAML block the chart passes on): each match's first group
   * is a name, its second (if any) the key.
   */
  pattern?: RegExp;
  keyAt?: string;
  /** Keys the chart reads from the object, when fixed by the chart rather than by a value. */
  keys?: readonly string[];
  /** Namespace of the object when not the release's own. */
  namespace?: string;
  /** The value at `at` is a list of names (each one a reference). */
  list?: boolean;
}

/** Persistent volumes a release asks for on a storage class. */
export interface Claim {
  /** What the volumes are for (`Kafka brokers`), for messages. */
  what: string;
  storageClass: string;
  size: Quantity;
  /** How many volumes of `size` (replicas times volumes per replica). */
  count: number;
  /** Where in the model the size is set, relative to the environment (absent: the values set it). */
  modelPath?: Array<string | number>;
  /** Where the values file names the storage class (a JSON pointer), when the values name it: the storage rules report there. */
  at?: string;
}

/**
 * Where a client release is given the platform CA for an HTTPS endpoint the CA's issuer serves: a
 * key found anywhere in its values file whose value is non-empty (and contains `contains`).
 */
export interface CaSetting {
  key: string | RegExp;
  contains?: string;
}

export interface ReleaseContract {
  /** Custom kinds the chart renders for these values (monitors, custom resources). */
  renders?: readonly KindRef[];
  /** API groups whose objects this release's admission webhook validates. */
  validates?: readonly string[];
  /**
   * API groups whose CRDs a consumer's chart installs. The package's charts need none: which of
   * them installs which groups is chart knowledge (`CRD_GROUPS_BY_CHART`).
   */
  installsCrds?: readonly string[];
  creates?: readonly Provided[];
  refers?: readonly ValueReference[];
  claims?: readonly Claim[];
  /** How the release is given the platform CA, for the internal HTTPS endpoints it calls. */
  trustsPlatformCa?: readonly CaSetting[];
}

/** A release's contract for one environment, from the model and the values its adapter wrote. */
export type Contract = (ctx: Context, values: Values, release: { name: string; namespace: string }) => ReleaseContract;

/** Size in bytes of a Kubernetes quantity (binary or decimal suffix); NaN when it is not one. */
export function quantityBytes(quantity: string): number {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/.exec(quantity);
  if (!m) return Number.NaN;
  const units: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
  return Number(m[1]) * (m[2] ? (units[m[2]] ?? Number.NaN) : 1);
}
