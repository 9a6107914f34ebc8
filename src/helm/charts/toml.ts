/**
 * A small TOML writer for configuration that a chart takes as TOML text (the GitLab runner's
 * `config.toml` template). Built from data like the YAML output, never templated as text.
 */

/** A TOML value this writer supports: what runner configuration needs. */
export type TomlValue = string | number | boolean | string[] | TomlTable | TomlTable[];
/** A TOML table. */
export interface TomlTable {
  [key: string]: TomlValue | undefined;
}

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

function key(k: string): string {
  return BARE_KEY.test(k) ? k : JSON.stringify(k);
}

function scalar(value: string | number | boolean | string[]): string {
  if (Array.isArray(value)) return `[${value.map((v) => scalar(v)).join(", ")}]`;
  if (typeof value === "string") {
    // JSON's escapes are a subset of TOML basic-string escapes.
    return JSON.stringify(value);
  }
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`TOML cannot hold ${value}`);
  return String(value);
}

function isTable(value: TomlValue): value is TomlTable {
  return typeof value === "object" && !Array.isArray(value);
}

function isTableArray(value: TomlValue): value is TomlTable[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "object");
}

function writeTable(table: TomlTable, path: string[], lines: string[]): void {
  const indent = "  ".repeat(Math.max(0, path.length - 1));
  const entries = Object.entries(table).filter((e): e is [string, TomlValue] => e[1] !== undefined);
  for (const [k, v] of entries) {
    if (isTable(v) || isTableArray(v)) continue;
    lines.push(`${indent}${path.length ? "  " : ""}${key(k)} = ${scalar(v as string | number | boolean | string[])}`);
  }
  for (const [k, v] of entries) {
    const child = [...path, k];
    const header = child.map(key).join(".");
    const childIndent = "  ".repeat(child.length - 1);
    if (isTable(v)) {
      lines.push(`${childIndent}[${header}]`);
      writeTable(v, child, lines);
    } else if (isTableArray(v)) {
      for (const item of v) {
        lines.push(`${childIndent}[[${header}]]`);
        writeTable(item, child, lines);
      }
    }
  }
}

/** Serialises a table as TOML text, sub-tables after the keys of their parent. */
export function toToml(table: TomlTable): string {
  const lines: string[] = [];
  writeTable(table, [], lines);
  return `${lines.join("\n")}\n`;
}
