/**
 * In-place edits of the version catalogue's source text (`src/platform/versions.ts`), so that a
 * bump is a one-line diff with its formatting and Renovate annotation kept.
 *
 * Two places hold pins: the `chartVersions` entry of a release (every environment's default) and
 * one line per release in an environment's block of `environmentVersions` (an override).
 */
import { StreamforgeError } from "../core/errors.ts";

export interface Pin {
  version: string;
  kubeVersion?: string;
  crdApiVersions?: string[];
}

/** A malformed catalogue (exit code 1: the change is refused); the message names what was expected. */
export class CatalogueError extends StreamforgeError {
  override name = "CatalogueError";
  constructor(message: string) {
    super(message, 1);
  }
}

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
const keyPattern = (name: string) => `(?:${escape(name)}|"${escape(name)}")`;
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Start and end offsets of `export const <name> ... = {` up to its closing line. */
function section(text: string, name: string): { start: number; end: number } {
  const start = text.search(new RegExp(`^export const ${name}\\b[^\\n]*= \\{$`, "m"));
  if (start < 0) throw new CatalogueError(`the catalogue has no \`export const ${name} = {\``);
  const rest = text.slice(start);
  const endRel = rest.search(/^\}[^\n]*$/m);
  if (endRel < 0) throw new CatalogueError(`\`${name}\` is not closed by a line starting with }`);
  return { start, end: start + endRel };
}

function parseList(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  return [...raw.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
}

function readPin(body: string): Pin {
  const version = body.match(/\bversion: "([^"]*)"/)?.[1];
  if (version === undefined) throw new CatalogueError(`an entry has no \`version: "..."\``);
  const kubeVersion = body.match(/\bkubeVersion: "([^"]*)"/)?.[1];
  const crdApiVersions = parseList(body.match(/\bcrdApiVersions: \[([^\]]*)\]/)?.[1]);
  return { version, ...(kubeVersion !== undefined ? { kubeVersion } : {}), ...(crdApiVersions ? { crdApiVersions } : {}) };
}

/** The `chartVersions` entry of a release: where it is and what it says. */
function baseEntry(text: string, release: string): { start: number; end: number; pin: Pin } | undefined {
  const sec = section(text, "chartVersions");
  const inner = text.slice(sec.start, sec.end);
  const m = new RegExp(`^  ${keyPattern(release)}: \\{\\n([\\s\\S]*?)^  \\},?\\n`, "m").exec(inner);
  if (!m) return undefined;
  const start = sec.start + m.index;
  return { start, end: start + m[0].length, pin: readPin(m[1]!) };
}

function basePin(text: string, release: string): Pin | undefined {
  return baseEntry(text, release)?.pin;
}

/** Replaces the version and facts of a release's `chartVersions` entry, keeping its other lines. */
function setBasePin(text: string, release: string, pin: Pin): string {
  const entry = baseEntry(text, release);
  if (!entry) throw new CatalogueError(`chartVersions has no entry for release "${release}"`);
  const lines = text.slice(entry.start, entry.end).split("\n");
  const out: string[] = [];
  for (const line of lines) {
    if (/^\s+version: "/.test(line)) {
      out.push(line.replace(/"[^"]*"/, JSON.stringify(pin.version)));
      if (pin.kubeVersion !== undefined) out.push(`    kubeVersion: ${JSON.stringify(pin.kubeVersion)},`);
      if (pin.crdApiVersions !== undefined) out.push(`    crdApiVersions: [${pin.crdApiVersions.map((v) => JSON.stringify(v)).join(", ")}],`);
    } else if (!/^\s+(kubeVersion|crdApiVersions): /.test(line)) {
      out.push(line);
    }
  }
  return text.slice(0, entry.start) + out.join("\n") + text.slice(entry.end);
}

/** The block of one environment inside `environmentVersions`. */
function envBlock(text: string, env: string): { start: number; end: number; entries: Map<string, Pin> } | undefined {
  const sec = section(text, "environmentVersions");
  const inner = text.slice(sec.start, sec.end);
  const single = new RegExp(`^  ${keyPattern(env)}: \\{\\},?\\n`, "m").exec(inner);
  if (single) return { start: sec.start + single.index, end: sec.start + single.index + single[0].length, entries: new Map() };
  const multi = new RegExp(`^  ${keyPattern(env)}: \\{\\n([\\s\\S]*?)^  \\},?\\n`, "m").exec(inner);
  if (!multi) return undefined;
  const entries = new Map<string, Pin>();
  for (const line of multi[1]!.split("\n")) {
    const m = /^\s+("([^"]+)"|[\w$]+): \{(.*)\},?$/.exec(line);
    if (m) entries.set(m[2] ?? m[1]!, readPin(m[3]!));
  }
  return { start: sec.start + multi.index, end: sec.start + multi.index + multi[0].length, entries };
}

function overridePin(text: string, env: string, release: string): Pin | undefined {
  return envBlock(text, env)?.entries.get(release);
}

function pinLiteral(pin: Pin): string {
  const parts = [`version: ${JSON.stringify(pin.version)}`];
  if (pin.kubeVersion !== undefined) parts.push(`kubeVersion: ${JSON.stringify(pin.kubeVersion)}`);
  if (pin.crdApiVersions !== undefined) parts.push(`crdApiVersions: [${pin.crdApiVersions.map((v) => JSON.stringify(v)).join(", ")}]`);
  return `{ ${parts.join(", ")} }`;
}

/** Sets (or with `undefined`, removes) an environment's override of a release. */
function setOverridePin(text: string, env: string, release: string, pin: Pin | undefined): string {
  const block = envBlock(text, env);
  const entries = new Map(block?.entries ?? []);
  if (pin === undefined) entries.delete(release);
  else entries.set(release, pin);
  const sorted = [...entries.entries()].sort(([a], [b]) => a.localeCompare(b));
  const rendered =
    sorted.length === 0
      ? `  ${key(env)}: {},\n`
      : `  ${key(env)}: {\n${sorted.map(([r, p]) => `    ${key(r)}: ${pinLiteral(p)},\n`).join("")}  },\n`;
  if (block) return text.slice(0, block.start) + rendered + text.slice(block.end);
  const sec = section(text, "environmentVersions");
  return text.slice(0, sec.end) + rendered + text.slice(sec.end);
}

/** The version an environment pins: its override, else the base entry. */
export function effectivePin(text: string, env: string, release: string): Pin | undefined {
  return overridePin(text, env, release) ?? basePin(text, release);
}

/** Environments that have a block in `environmentVersions`. */
function overrideEnvironments(text: string): string[] {
  const sec = section(text, "environmentVersions");
  return [...text.slice(sec.start, sec.end).matchAll(/^  ("([^"]+)"|[\w$]+): \{/gm)].map((m) => m[2] ?? m[1]!);
}

/**
 * Pins `pin` for `release` in one environment (`env`) or, without `env`, as every environment's
 * default. Pinning the default environment moves the base entry and freezes the others where
 * they were; overrides equal to the base are dropped so the catalogue stays minimal.
 */
export function setPin(text: string, release: string, pin: Pin, target: { env?: string; defaultEnv: string; envs: string[] }): string {
  const base = basePin(text, release);
  if (!base) throw new CatalogueError(`chartVersions has no entry for release "${release}"`);
  let out = text;
  if (target.env === undefined || target.env === target.defaultEnv) {
    if (target.env !== undefined) {
      for (const other of target.envs) {
        if (other !== target.env && !overridePin(out, other, release)) out = setOverridePin(out, other, release, base);
      }
    }
    out = setBasePin(out, release, pin);
    if (target.env !== undefined) out = setOverridePin(out, target.env, release, undefined);
  } else {
    out = setOverridePin(out, target.env, release, pin);
  }
  const now = basePin(out, release)!;
  for (const env of overrideEnvironments(out)) {
    if (overridePin(out, env, release)?.version === now.version) out = setOverridePin(out, env, release, undefined);
  }
  return out;
}
