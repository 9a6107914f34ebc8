/** Where storage classes and sizes are used: the model's components, values and manifests. */
import { walk, isObject, type LintFile, type RuleContext, type Site } from "../../../core/lint/context.ts";
import { usedComponents } from "../../../core/model/components.ts";
import { inventory } from "../apply/inventory.ts";

/** Keys that name a storage class in charts and Kubernetes objects. */
export const CLASS_KEYS = new Set(["storageClass", "storageClassName"]);

/** A storage class named in a file. `holder` is the object around it (a claim, a persistence block). */
interface ClassUse {
  name: string;
  site: Site;
  holder: Record<string, unknown>;
}

/** Values that mean "the cluster's default class" rather than a class name. */
const DEFAULT_MARKERS = new Set(["", "-"]);

export function classUses(ctx: RuleContext): ClassUse[] {
  const out: ClassUse[] = [];
  const visits = ctx.values();
  for (let index = 0; index < visits.length; index++) {
    const visit = visits[index]!;
    const { value, key, parent } = visit;
    if (typeof key !== "string" || !CLASS_KEYS.has(key) || !isObject(parent)) continue;
    const { site } = visit;
    // nfs-subdir's `storageClass: {name: ...}` defines the class it provisions.
    if (isObject(value) && typeof value.name === "string") out.push({ name: value.name, site: { ...site, pointer: `${site.pointer}/name` }, holder: parent });
    if (typeof value === "string" && !DEFAULT_MARKERS.has(value)) out.push({ name: value, site, holder: parent });
  }
  // Claims a contract declares at a values pointer (a chart's own key for its class, which the
  // keys above do not catch); the same place found by both is one use.
  const { contracts } = inventory(ctx);
  // Places already found, per file: a scan of every use per claim grew with the environment's size squared.
  const foundAt = new Map<LintFile, Set<string>>();
  for (const use of out) {
    if (use.site.doc !== 0) continue;
    const set = foundAt.get(use.site.file);
    if (set) set.add(use.site.pointer);
    else foundAt.set(use.site.file, new Set([use.site.pointer]));
  }
  for (const file of ctx.deployed) {
    if (file.kind !== "values" || !file.release || !isObject(file.docs[0])) continue;
    for (const claim of contracts.get(file.release.name)?.claims ?? []) {
      if (claim.at === undefined || foundAt.get(file)?.has(claim.at)) continue;
      out.push({ name: claim.storageClass, site: { file, doc: 0, pointer: claim.at }, holder: {} });
      const set = foundAt.get(file);
      if (set) set.add(claim.at);
      else foundAt.set(file, new Set([claim.at]));
    }
  }
  return out;
}

/** The model's storage class fields (`components.*.storageClass`), with their paths. */
export function modelClassUses(ctx: RuleContext): Array<{ name: string; path: Array<string | number> }> {
  const out: Array<{ name: string; path: Array<string | number> }> = [];
  for (const visit of walk(usedComponents(ctx.platform, ctx.env))) {
    // The path is built when read: for the class fields only.
    if (visit.key === "storageClass" && typeof visit.value === "string") out.push({ name: visit.value, path: ["components", ...visit.path] });
  }
  return out;
}
