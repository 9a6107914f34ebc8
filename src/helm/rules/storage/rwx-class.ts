import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { type Rule } from "../../../core/lint/context.ts";
import { classUses } from "./uses.ts";

function wantsRwx(holder: Record<string, unknown>): boolean {
  const modes = holder.accessModes ?? holder.accessMode;
  return Array.isArray(modes) ? modes.includes("ReadWriteMany") : modes === "ReadWriteMany";
}

/** A ReadWriteMany claim on a block class never binds. */
export const rwxClass: Rule = {
  id: "storage/rwx-class",
  description: "ReadWriteMany claims use only storage classes that support ReadWriteMany",
  check(ctx) {
    const out: Diagnostic[] = [];
    const rwx = ctx.env.storageClasses.filter((c) => c.accessModes.includes("ReadWriteMany")).map((c) => c.name);
    for (const use of classUses(ctx)) {
      const cls = ctx.env.storageClasses.find((c) => c.name === use.name);
      if (!cls || !wantsRwx(use.holder) || cls.accessModes.includes("ReadWriteMany")) continue;
      out.push(ctx.at(this.id, use.site, `ReadWriteMany claim on storage class "${use.name}", which supports only ${cls.accessModes.join(", ")}`, { hint: `use an RWX class: ${rwx.join(", ") || "none in this environment"}` }));
    }
    return out;
  },
};
