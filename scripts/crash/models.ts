/**
 * The two generations the crash trials switch between: the embedded model (A), and B, which
 * drops the `lab` environment (so a run from A to B prunes about a hundred files) and changes a
 * few prod values (so it rewrites some too).
 */
import type { Platform } from "../../src/core/model/types.ts";
import { streamforge } from "../../src/platform/streamforge.ts";

const prodOnly = structuredClone(streamforge);
prodOnly.environments = prodOnly.environments.filter((e) => e.name !== "lab");
prodOnly.environments[0]!.components.traefik.replicas += 1;
prodOnly.environments[0]!.components.dns.zone.ttl += 60;

export const models: Record<"A" | "B", Platform> = { A: streamforge, B: prodOnly };
