import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { walk, isObject, type Rule } from "../../../core/lint/context.ts";
import { CLASS_KEYS } from "./uses.ts";
import { usedComponents } from "../../../core/model/components.ts";

/** A storage size as Kubernetes reads it: a number with an optional binary or decimal suffix. */
const STORAGE_QUANTITY = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;

function suggest(size: string): string {
  const m = /^(\d+(?:\.\d+)?)\s*([kKmMgGtTpP])i?[bB]?$/.exec(size.trim());
  return m ? `did you mean "${m[1]}${(m[2] ?? "").toUpperCase()}i"?` : 'write a quantity such as "20Gi"';
}

/** Is `parent` a volume description (a claim, a persistence block) whose `size` is a disk size? */
function isVolumeBlock(parent: Record<string, unknown>, path: ReadonlyArray<string | number>): boolean {
  return Object.keys(parent).some((k) => CLASS_KEYS.has(k) || k === "accessModes" || k === "accessMode") || path.some((p) => typeof p === "string" && /persistence|volumeClaim|storage/i.test(p));
}

/** A bad quantity fails at apply time, after half the release is installed. */
export const invalidSize: Rule = {
  id: "storage/invalid-size",
  description: "every storage size is a valid Kubernetes quantity",
  aboutModel: true,
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const visit of walk(usedComponents(ctx.platform, ctx.env))) {
      const { value, key } = visit;
      // The path is built when read: for a finding only.
      if (key === "size" && typeof value === "string" && !STORAGE_QUANTITY.test(value)) {
        out.push(ctx.model(this.id, ["components", ...visit.path], `size "${value}" is not a Kubernetes quantity`, { hint: suggest(value) }));
      }
    }
    if (!ctx.searchFiles) return out;
    const visits = ctx.values();
    for (let index = 0; index < visits.length; index++) {
      const visit = visits[index]!;
      const { value, key, parent } = visit;
      // The path is rebuilt when read: only for the two keys that can be a size.
      if (typeof value !== "string" || !isObject(parent) || (key !== "storage" && key !== "size")) continue;
      const { path } = visit;
      const isRequest = key === "storage" && path.includes("requests");
      const isSize = key === "size" && isVolumeBlock(parent, path);
      if ((isRequest || isSize) && !STORAGE_QUANTITY.test(value)) {
        out.push(ctx.at(this.id, visit.site, `size "${value}" is not a Kubernetes quantity`, { hint: suggest(value) }));
      }
    }
    return out;
  },
};
