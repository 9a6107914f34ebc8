/**
 * Commands declared as data: a command's name, arguments, options and help text live in one
 * `CommandSpec`, from which both the parser (node's `parseArgs`) and the usage text come, so the
 * two cannot disagree (in the spirit of unjs/citty's `defineCommand`).
 */
import { parseArgs } from "node:util";
import { UsageError } from "../core/errors.ts";

/** One option: a flag, a string, or a repeatable string, with its help line. */
export interface OptionSpec {
  type: "string" | "boolean";
  multiple?: boolean;
  short?: string;
  /** The value's placeholder in help (`<dir>`); strings only. */
  value?: string;
  /** What the option does; continuation lines start with "\n". */
  help: string;
}

export interface CommandSpec<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  /** The command path after `streamforge` (`gen`, `dns sync`). */
  name: string;
  /** Positional arguments as the usage line shows them (`<release> <version>`); none when absent. */
  args?: string;
  /** What the command does, shown under the usage line. */
  description: string;
  options: O;
  /** Text after the options (exit codes). */
  footer?: string;
}

type ValueOf<S extends OptionSpec> = S["type"] extends "boolean" ? boolean : S["multiple"] extends true ? string[] : string;

export interface Parsed<T extends Record<string, OptionSpec>> {
  values: { [K in keyof T]?: ValueOf<T[K]> } & { help?: boolean };
  positionals: string[];
}

/** Parses a command's arguments by its spec; a mistake is a `UsageError`. */
export function parseCommand<T extends Record<string, OptionSpec>>(spec: CommandSpec<T>, args: string[]): Parsed<T> {
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }> = { help: { type: "boolean", short: "h" } };
  for (const [name, { type, multiple, short }] of Object.entries(spec.options)) {
    options[name] = { type, ...(multiple ? { multiple } : {}), ...(short ? { short } : {}) };
  }
  try {
    const result = parseArgs({ args, options, allowPositionals: spec.args !== undefined, strict: true });
    return result as unknown as Parsed<T>;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The usage text of a command, from its spec. */
export function usageOf(spec: CommandSpec): string {
  const flag = (name: string, o: OptionSpec) => `${o.short ? `-${o.short}, ` : ""}--${name}${o.value ? ` ${o.value}` : ""}${o.multiple ? "..." : ""}`;
  const rows = [...Object.entries(spec.options).map(([name, o]) => [flag(name, o), o.help] as const), ["-h, --help", "print this help"] as const];
  const width = Math.max(...rows.map(([f]) => f.length)) + 2;
  const lines = rows.flatMap(([f, help]) => help.split("\n").map((text, i) => `  ${(i === 0 ? f : "").padEnd(width)}${text}`));
  return [
    `Usage: streamforge ${spec.name}${spec.args ? ` ${spec.args}` : ""} [options]`,
    "",
    spec.description,
    "",
    "Options:",
    ...lines,
    ...(spec.footer ? ["", spec.footer] : []),
  ].join("\n");
}
