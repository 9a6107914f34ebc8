import type { Diagnostic } from "../../core/diagnostics/types.ts";
import { describeSource } from "../../core/model/dns.ts";
import type { Rule } from "../../core/lint/context.ts";
import { atRecord, recordsByName } from "./records.ts";

/** Two model facts giving one name two addresses: clients get either, at random. */
export const conflictingRecords: Rule = {
  id: "dns/conflicting-records",
  description: "no two DNS records of one name disagree on the address",
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const [name, records] of recordsByName(ctx.platform, ctx.env)) {
      const [first, ...rest] = records;
      if (!first) continue;
      for (const other of rest.filter((r) => r.address !== first.address)) {
        out.push(
          atRecord(
            ctx,
            this.id,
            other,
            `${name} resolves to ${other.address} (${describeSource(other.source)}) and to ${first.address} (${describeSource(first.source)})`,
            "rename one of them in the model, or give them the same address",
          ),
        );
      }
    }
    return out;
  },
};
