/**
 * The DNS rules share one derivation of the environment's records per lint context: the contexts
 * of one run (one per environment, over the same files) each get their own environment's records,
 * and a context asked twice gets the same list back.
 */
import { describe, expect, it } from "vitest";
import { contextRecords, contextRecordsByName } from "../../../src/dns/rules/records.ts";
import { OutputFiles, RuleContext } from "../../../src/core/lint/context.ts";
import { dnsRecords } from "../../../src/core/model/dns.ts";
import { streamforge } from "../../../src/platform/streamforge.ts";

describe("records shared by the DNS rules", () => {
  it("gives each environment's context of a run that environment's records, derived once per context", () => {
    const output = new OutputFiles([]);
    const [first, second] = streamforge.environments.map((env) => new RuleContext(streamforge, env, [], "model.ts", output));
    for (const ctx of [first!, second!]) {
      expect(contextRecords(ctx)).toEqual(dnsRecords(streamforge, ctx.env));
      expect(contextRecords(ctx)).toBe(contextRecords(ctx));
      expect([...contextRecordsByName(ctx).keys()]).toEqual([...new Set(dnsRecords(streamforge, ctx.env).map((r) => r.name))]);
    }
    // The two environments' records differ (their domains do), so a memo shared by the run would show.
    expect(contextRecords(first!)).not.toEqual(contextRecords(second!));
  });
});
