import type { Context } from "../model/derive.ts";

/** A chart's values, as a plain object ready to be serialised. */
export type Values = Record<string, unknown>;

/** Turns model facts into one chart's values for one environment. */
export type ValuesAdapter = (ctx: Context) => Values;
