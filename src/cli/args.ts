/** Argument parsing shared by commands, on top of node's `parseArgs`. */
import { parseArgs } from "node:util";
import { UsageError } from "../core/errors.ts";

/** One option: a flag, a string, or a repeatable string. */
export interface OptionSpec {
  type: "string" | "boolean";
  multiple?: boolean;
  short?: string;
}

type ValueOf<S extends OptionSpec> = S["type"] extends "boolean" ? boolean : S["multiple"] extends true ? string[] : string;

export interface Parsed<T extends Record<string, OptionSpec>> {
  values: { [K in keyof T]?: ValueOf<T[K]> } & { help?: boolean };
  positionals: string[];
}

export function parse<T extends Record<string, OptionSpec>>(args: string[], options: T, allowPositionals = false): Parsed<T> {
  try {
    const result = parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals, strict: true });
    return result as unknown as Parsed<T>;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
