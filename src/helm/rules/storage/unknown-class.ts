import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { didYouMean } from "../../../core/diagnostics/suggest.ts";
import type { Rule } from "../../../core/lint/context.ts";
import { classUses, modelClassUses } from "./uses.ts";

/** A claim on a class that does not exist stays pending. */
export const unknownClass: Rule = {
  id: "storage/unknown-class",
  description: "every storage class used exists in the environment",
  aboutModel: true,
  check(ctx) {
    const names = ctx.env.storageClasses.map((c) => c.name);
    const hint = (name: string) => didYouMean(name, names) ?? `classes of ${ctx.env.name}: ${names.join(", ")}`;
    const out: Diagnostic[] = [];
    for (const use of modelClassUses(ctx)) {
      if (!names.includes(use.name)) out.push(ctx.model(this.id, use.path, `storage class "${use.name}" does not exist`, { hint: hint(use.name) }));
    }
    if (!ctx.searchFiles) return out;
    for (const use of classUses(ctx)) {
      if (!names.includes(use.name)) out.push(ctx.at(this.id, use.site, `storage class "${use.name}" does not exist in ${ctx.env.name}`, { hint: hint(use.name) }));
    }
    return out;
  },
};
