import type { Context } from "../../core/model/derive.ts";

/**
 * A chart's values, as a plain object ready to be serialised. (`object`, not a record: the derived
 * values types are interfaces, which have no index signature.)
 */
export type Values = object;

/**
 * Turns model facts into one chart's values for one environment. `V` is the chart version's
 * values type (`src/helm/charts/types/<chart>.ts`, derived from its schema), so a key the chart does
 * not have fails the type check.
 */
export type ValuesAdapter<V = Values> = (ctx: Context) => V;
