/**
 * Renderings of one list of diagnostics: `text` for people, `json` for tools, `gitlab` (Code
 * Quality report for merge requests) and `junit` for CI test reports. None of them decides
 * anything; they only format.
 */
import { sha256Hex } from "../sha256.ts";
import type { Diagnostic } from "./types.ts";

export const FORMATS = ["text", "json", "gitlab", "junit"] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** ANSI colour (text only); callers pass true only for a terminal. */
  color?: boolean;
  /** Every rule that ran, so JUnit lists passing rules as passing test cases. */
  rules?: readonly string[];
}

/** Stable order: by file, then position, then rule. */
/**
 * Code-point order: the same on every machine, and it costs nothing to start. (`localeCompare`
 * loads ICU's collator on its first call: tens of milliseconds of every lint.)
 */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      byCodePoint(a.file, b.file) ||
      (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
      (a.position?.column ?? 0) - (b.position?.column ?? 0) ||
      byCodePoint(a.rule, b.rule) ||
      byCodePoint(a.message, b.message),
  );
}

export function counts(list: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = list.filter((d) => d.severity === "error").length;
  return { errors, warnings: list.length - errors };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function renderText(list: readonly Diagnostic[], options: RenderOptions = {}): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const sorted = sortDiagnostics(list);
  const lines: string[] = [];
  let file: string | undefined;
  for (const d of sorted) {
    if (d.file !== file) {
      if (file !== undefined) lines.push("");
      file = d.file;
      lines.push(paint("1;4", d.file));
    }
    const where = d.position ? `${d.position.line}:${d.position.column}` : d.pointer ? d.pointer : "-";
    const severity = d.severity === "error" ? paint("31", "error  ") : paint("33", "warning");
    const pointer = d.position && d.pointer ? ` (${d.pointer})` : "";
    lines.push(`  ${where.padEnd(8)} ${severity}  ${d.message}${pointer}  ${paint("2", d.rule)}`);
    if (d.hint) lines.push(`  ${"".padEnd(8)}          ${paint("36", `hint: ${d.hint}`)}`);
  }
  const { errors, warnings } = counts(list);
  if (lines.length) lines.push("");
  const summary = errors + warnings === 0 ? "no problems" : `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
  lines.push(errors ? paint("1;31", summary) : warnings ? paint("1;33", summary) : paint("32", summary));
  return `${lines.join("\n")}\n`;
}

function renderJson(list: readonly Diagnostic[]): string {
  return `${JSON.stringify(sortDiagnostics(list), null, 2)}\n`;
}

/** A fingerprint that survives line moves: rule, file, pointer and message, not the position. */
function fingerprint(d: Diagnostic): string {
  return sha256Hex([d.rule, d.file, d.pointer ?? "", d.message].join("\u0000"));
}

/** GitLab Code Quality (a Code Climate subset): `major` for errors, `minor` for warnings. */
export function renderGitlab(list: readonly Diagnostic[]): string {
  const report = sortDiagnostics(list).map((d) => ({
    description: d.hint ? `${d.message} (${d.hint})` : d.message,
    check_name: d.rule,
    fingerprint: fingerprint(d),
    severity: d.severity === "error" ? "major" : "minor",
    location: { path: d.file, lines: { begin: d.position?.line ?? 1 } },
  }));
  return `${JSON.stringify(report, null, 2)}\n`;
}

function xml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/**
 * JUnit XML: one test suite per rule, one test case per finding, plus one passing case for each
 * rule that ran and found nothing. Errors are failures; warnings are `skipped` cases whose message
 * starts `warning:` (JUnit has no warning status, and a warning is not a passed check).
 */
export function renderJunit(list: readonly Diagnostic[], options: RenderOptions = {}): string {
  const byRule = new Map<string, Diagnostic[]>();
  for (const rule of options.rules ?? []) byRule.set(rule, []);
  for (const d of sortDiagnostics(list)) byRule.set(d.rule, [...(byRule.get(d.rule) ?? []), d]);
  const suites: string[] = [];
  let total = 0;
  let failures = 0;
  let skipped = 0;
  for (const [rule, found] of [...byRule].sort(([a], [b]) => byCodePoint(a, b))) {
    const cases = found.length
      ? found.map((d) => {
          const where = d.position ? `${d.file}:${d.position.line}:${d.position.column}` : d.file;
          const name = xml(`${where}${d.pointer ? ` ${d.pointer}` : ""}`);
          const text = xml(`${where}: ${d.message}${d.hint ? `\nhint: ${d.hint}` : ""}`);
          if (d.severity === "error") {
            return `    <testcase classname="${xml(rule)}" name="${name}" file="${xml(d.file)}">\n      <failure message="${xml(d.message)}" type="${xml(rule)}">${text}</failure>\n    </testcase>`;
          }
          return `    <testcase classname="${xml(rule)}" name="${name}" file="${xml(d.file)}">\n      <skipped message="${xml(`warning: ${d.message}`)}"/>\n      <system-out>warning: ${text}</system-out>\n    </testcase>`;
        })
      : [`    <testcase classname="${xml(rule)}" name="${xml(rule)}"/>`];
    const suiteFailures = found.filter((d) => d.severity === "error").length;
    const suiteWarnings = found.length - suiteFailures;
    total += cases.length;
    failures += suiteFailures;
    skipped += suiteWarnings;
    suites.push(`  <testsuite name="${xml(rule)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="${suiteWarnings}">\n${cases.join("\n")}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="streamforge lint" tests="${total}" failures="${failures}" errors="0" skipped="${skipped}">\n${suites.join("\n")}\n</testsuites>\n`;
}

export function render(list: readonly Diagnostic[], format: Format, options: RenderOptions = {}): string {
  switch (format) {
    case "text":
      return renderText(list, options);
    case "json":
      return renderJson(list);
    case "gitlab":
      return renderGitlab(list);
    case "junit":
      return renderJunit(list, options);
  }
}
