/**
 * Edits of the version catalogue (`versions.yaml`) with the `yaml` Document API: a bump changes
 * the scalar of one version (its quoting, the comments and the order of everything else stay),
 * and an environment override is a new pin carrying the same Renovate annotation as the release's
 * default, so Renovate keeps seeing every pin.
 *
 * Two places hold pins: `charts.<release>` (every environment's default) and
 * `environments.<env>.<release>` (an override).
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Document } from "yaml";
import { CatalogueError, parseCatalogue } from "../core/model/catalogue.ts";

export { CatalogueError } from "../core/model/catalogue.ts";

export interface Pin {
  version: string;
  kubeVersion?: string;
  crdApiVersions?: string[];
}

function load(text: string): Document.Parsed {
  // Validate first: an edit never starts from (or produces) a catalogue the model would refuse.
  parseCatalogue(text);
  return parseDocument(text);
}

function toPin(node: unknown): Pin | undefined {
  if (!isMap(node)) return undefined;
  const js = node.toJSON() as Pin;
  return { version: js.version, ...(js.kubeVersion !== undefined ? { kubeVersion: js.kubeVersion } : {}), ...(js.crdApiVersions ? { crdApiVersions: [...js.crdApiVersions] } : {}) };
}

export function basePin(text: string, release: string): Pin | undefined {
  return toPin(load(text).getIn(["charts", release], true));
}

export function overridePin(text: string, env: string, release: string): Pin | undefined {
  return toPin(load(text).getIn(["environments", env, release], true));
}

/** The version an environment pins: its override, else the base entry. */
export function effectivePin(text: string, env: string, release: string): Pin | undefined {
  return overridePin(text, env, release) ?? basePin(text, release);
}

/** Environments that have a block in `environments`. */
export function overrideEnvironments(text: string): string[] {
  const envs = load(text).get("environments", true);
  return isMap(envs) ? envs.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key)) : [];
}

const quoted = (value: string) => Object.assign(new Scalar(value), { type: Scalar.QUOTE_DOUBLE });

function flowSeq(doc: Document, items: string[]): YAMLSeq {
  const seq = doc.createNode(items) as YAMLSeq;
  seq.flow = true;
  return seq;
}

/** Sets a scalar in place (keeping its node, so its quoting and comments), or adds it. */
function setScalar(map: YAMLMap, key: string, value: string): void {
  const node = map.get(key, true);
  if (isScalar(node)) node.value = value;
  else map.set(key, quoted(value));
}

/** Writes `pin` into the pin map `map`: version in place, facts set, replaced or removed. */
function writePin(doc: Document, map: YAMLMap, pin: Pin): void {
  setScalar(map, "version", pin.version);
  if (pin.kubeVersion !== undefined) setScalar(map, "kubeVersion", pin.kubeVersion);
  else map.delete("kubeVersion");
  if (pin.crdApiVersions !== undefined) {
    const old = map.get("crdApiVersions", true);
    if (isSeq(old) && JSON.stringify(old.toJSON()) === JSON.stringify(pin.crdApiVersions)) return;
    const seq = flowSeq(doc, pin.crdApiVersions);
    if (isSeq(old)) seq.flow = old.flow;
    map.set("crdApiVersions", seq);
  } else map.delete("crdApiVersions");
}

/** The Renovate annotation of a release's default pin (the comment above its `version`). */
function annotationOf(doc: Document, release: string): string | undefined {
  const base = doc.getIn(["charts", release], true);
  if (!isMap(base)) return undefined;
  // The parser keeps a comment above a map's first key on the map itself, above a later key on that key.
  const pair = base.items.find((p) => isScalar(p.key) && p.key.value === "version");
  const comments = [base.commentBefore, pair && isScalar(pair.key) ? pair.key.commentBefore : undefined];
  return comments.flatMap((c) => c?.split("\n") ?? []).find((line) => line.trim().startsWith("renovate:"));
}

/** Replaces the version and facts of a release's default pin, keeping its other lines. */
export function setBasePin(text: string, release: string, pin: Pin): string {
  const doc = load(text);
  const map = doc.getIn(["charts", release], true);
  if (!isMap(map)) throw new CatalogueError(`versions.yaml: /charts has no release "${release}"`);
  writePin(doc, map, pin);
  return finish(doc);
}

/** Sets (or with `undefined`, removes) an environment's override of a release. */
export function setOverridePin(text: string, env: string, release: string, pin: Pin | undefined): string {
  const doc = load(text);
  let envs = doc.get("environments", true);
  if (!isMap(envs)) {
    envs = new YAMLMap();
    doc.set("environments", envs);
  }
  const envMap = envs as YAMLMap;
  const block: unknown = envMap.get(env, true);
  if (pin === undefined) {
    if (isMap(block)) {
      block.delete(release);
      if (block.items.length === 0) block.flow = true;
    }
    return finish(doc);
  }
  let blockMap: YAMLMap;
  if (isMap(block)) blockMap = block;
  else {
    blockMap = new YAMLMap();
    envMap.set(env, blockMap);
  }
  blockMap.flow = false;
  const existing = blockMap.get(release, true);
  if (isMap(existing)) {
    writePin(doc, existing, pin);
    return finish(doc);
  }
  const map = new YAMLMap();
  writePin(doc, map, pin);
  const annotation = annotationOf(doc, release);
  // `version` is the map's first key: its annotation is the map's leading comment.
  if (annotation) map.commentBefore = ` ${annotation.trim()}`;
  blockMap.set(release, map);
  // One order for overrides, whoever added them.
  blockMap.items.sort((a, b) => String(isScalar(a.key) ? a.key.value : a.key).localeCompare(String(isScalar(b.key) ? b.key.value : b.key)));
  return finish(doc);
}

function finish(doc: Document): string {
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  parseCatalogue(text);
  return text;
}

/**
 * Pins `pin` for `release` in one environment (`env`) or, without `env`, as every environment's
 * default. Pinning the default environment moves the base entry and freezes the others where
 * they were; overrides equal to the base are dropped so the catalogue stays minimal.
 */
export function setPin(text: string, release: string, pin: Pin, target: { env?: string; defaultEnv: string; envs: string[] }): string {
  const base = basePin(text, release);
  if (!base) throw new CatalogueError(`versions.yaml: /charts has no release "${release}"`);
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
