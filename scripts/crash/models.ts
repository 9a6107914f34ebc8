/**
 * The two generations the crash trials switch between: the embedded model (A), and B, which
 * drops the `lab` environment (so a run from A to B prunes about a hundred files) and changes a
 * few prod values (so it rewrites some too).
 */
import type { Platform } from "../../src/model/types.ts";
import { streamforge } from "../../src/platform/streamforge.ts";
import { generate } from "../../src/emit/index.ts";
import { ownedListRecord } from "../../src/write/owned.ts";
import type { FileRecord } from "../../src/emit/files.ts";

const prodOnly = structuredClone(streamforge);
prodOnly.environments = prodOnly.environments.filter((e) => e.name !== "lab");
prodOnly.environments[0]!.components.traefik.replicas += 1;
prodOnly.environments[0]!.components.dns.zone.ttl += 60;

export const models: Record<"A" | "B", Platform> = { A: streamforge, B: prodOnly };

/** Every file a complete generation of `model` consists of, owned-files list included. */
export function expectedTree(model: Platform): FileRecord[] {
  const records = generate(model);
  return [...records, ownedListRecord(records)];
}
