/**
 * One diagnostic type for every check (model schema, chart values, manifests, rules, Kubespray,
 * Proxmox, DNS, versions). Renderers (text, json, gitlab, junit) only format lists of these.
 */

export type Severity = "error" | "warning";

/** A 1-based position in a file. */
export interface Position {
  line: number;
  column: number;
}

export interface Diagnostic {
  /** Stable rule id, e.g. `network/pool-overlap`, `schema/values`, `kubespray/unknown-var`. */
  rule: string;
  severity: Severity;
  /** What is wrong, naming the bad value. */
  message: string;
  /** File the problem is in, relative to the output root (or the model source). */
  file: string;
  /** JSON pointer inside the file's document, e.g. `/controller/service/loadBalancerIP`. */
  pointer?: string;
  /** Where the pointer lands in the file, when the file is YAML that was parsed. */
  position?: Position;
  /** How to fix it ("did you mean ...?"). */
  hint?: string;
}
