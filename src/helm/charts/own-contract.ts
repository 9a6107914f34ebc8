/**
 * The contract of a consumer's own values adapter (`defineAdapter({ contract })`), in the shape of
 * the package's chart contracts: its values pointers become references and claims that lint's
 * apply and storage rules check exactly as they check the built-in charts' (same files, pointers
 * and messages), and what it creates becomes objects those references resolve to.
 */
import type { Context } from "../../core/model/derive.ts";
import type { Release } from "../../core/model/types.ts";
import { evaluateContract, ownAdapter, type StorageClaimDeclaration } from "../../core/model/extensions.ts";
import { valueAtPointer } from "../../core/diagnostics/locate.ts";
import type { Values } from "./adapter.ts";
import type { Claim, ReleaseContract } from "./contract.ts";

/** A claim whose class value is absent, empty or `-` asks for the default class, which the storage rules do not name: it is left out. */
function claimOf(values: Values, c: StorageClaimDeclaration<object>): Claim[] {
  const storageClass = valueAtPointer(values, c.storageClassAt);
  if (typeof storageClass !== "string" || storageClass === "" || storageClass === "-") return [];
  const size = c.sizeAt === undefined ? undefined : valueAtPointer(values, c.sizeAt);
  const count = typeof c.count === "object" ? valueAtPointer(values, c.count.at) : (c.count ?? 1);
  return [{ what: c.what, storageClass, at: c.storageClassAt, size: typeof size === "string" ? size : "", count: typeof count === "number" && Number.isInteger(count) && count > 0 ? count : 1 }];
}

/**
 * The contract the platform's own adapter of `release` declares, or undefined where the adapter is
 * not the platform's or declares none.
 * @throws {AdapterError} a contract function that throws or returns a contract lint cannot read
 */
export function ownContract(ctx: Context, release: Release, values: Values): ReleaseContract | undefined {
  const own = ownAdapter(ctx.platform, release.adapter);
  const contract = own?.kind === "values" ? evaluateContract(ctx, release, own, () => values) : undefined;
  if (contract === undefined) return undefined;
  return {
    refers: (contract.refers ?? []).map((r) => ({ kind: r.kind, at: r.at, ...(r.keyAt === undefined ? {} : { keyAt: r.keyAt }), ...(r.keys ? { keys: r.keys } : {}), ...(r.namespace === undefined ? {} : { namespace: r.namespace }), ...(r.list ? { list: true } : {}) })),
    claims: (contract.claims ?? []).flatMap((c) => claimOf(values, c)),
    creates: (contract.creates ?? []).map((o) => ({ kind: o.kind, name: o.name, namespace: o.namespace ?? (o.kind === "StorageClass" ? "" : release.namespace), ...(o.keys ? { keys: o.keys } : {}), ...(o.ports ? { ports: o.ports } : {}) })),
    trustsPlatformCa: (contract.trustsPlatformCa ?? []).map((s) => ({ ...s })),
    renders: (contract.renders ?? []).map(({ group, kind }) => ({ group, kind })),
    validates: [...(contract.validates ?? [])],
    installsCrds: [...(contract.installsCrds ?? [])],
  };
}
