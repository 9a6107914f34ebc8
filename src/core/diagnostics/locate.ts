/**
 * Where a JSON pointer lands in a YAML file: each file is parsed once, with a line counter, and
 * pointers are resolved against the parse tree so diagnostics can say `line:column`.
 */
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from "yaml";
import type { Position } from "./types.ts";

/** Splits a JSON pointer (`/a/b~1c`) into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "" || pointer === "/") return [];
  return pointer
    .replace(/^\//, "")
    .split("/")
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** The value at a JSON pointer of a tree (own keys and list indexes only), or undefined. */
export function valueAtPointer(tree: unknown, pointer: string): unknown {
  let node = tree;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (node !== null && typeof node === "object" && Object.hasOwn(node, segment)) node = (node as Record<string, unknown>)[segment];
    else return undefined;
  }
  return node;
}

/** Joins segments into a JSON pointer. */
export function toPointer(segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => `/${String(s).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

/** A YAML file parsed once: its documents as data and as trees with positions. */
export class YamlSource {
  readonly documents: Document.Parsed[];
  private readonly lines = new LineCounter();
  private dataCache: unknown[] | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.documents = parseAllDocuments(text, { lineCounter: this.lines, version: "1.1", uniqueKeys: false }) as Document.Parsed[];
  }

  /** Parse errors, with positions. */
  get errors(): Array<{ message: string; position: Position }> {
    return this.documents.flatMap((doc) =>
      doc.errors.map((e) => ({ message: e.message.split("\n")[0] ?? e.message, position: this.at(e.pos[0]) })),
    );
  }

  /**
   * Keys repeated in one mapping. YAML forbids them, but readers disagree on what they mean
   * (PyYAML and go-yaml keep the last, others the first), so a hand-added second key may be
   * silently ignored. Each repeat is reported where it is, with the line of the first.
   */
  get duplicateKeys(): Array<{ key: string; doc: number; position: Position; first: Position }> {
    const out: Array<{ key: string; doc: number; position: Position; first: Position }> = [];
    const visit = (node: unknown, doc: number): void => {
      if (isMap(node)) {
        const seen = new Map<string, number>();
        for (const pair of node.items) {
          if (isScalar(pair.key)) {
            const key = String(pair.key.value);
            const offset = pair.key.range?.[0] ?? 0;
            const earlier = seen.get(key);
            if (earlier === undefined) seen.set(key, offset);
            else out.push({ key, doc, position: this.at(offset), first: this.at(earlier) });
          }
          visit(pair.value, doc);
        }
      } else if (isSeq(node)) {
        for (const item of node.items) visit(item, doc);
      }
    };
    this.documents.forEach((document, doc) => visit(document.contents, doc));
    return out;
  }

  /** Each document as plain data (empty documents included as `null`). */
  get data(): unknown[] {
    this.dataCache ??= this.documents.map((doc) => doc.toJS({ maxAliasCount: -1 }) as unknown);
    return this.dataCache;
  }

  private at(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  /**
   * The position of `pointer` in document `doc`. With `key`, the position of the mapping key
   * rather than its value (where an unknown key is). A pointer that runs past the tree lands on
   * the deepest node that exists (a missing required key is reported at its parent).
   */
  positionOf(pointer: string, doc = 0, key = false): Position | undefined {
    const document = this.documents[doc];
    if (!document) return undefined;
    let node: Node | null | undefined = document.contents as Node | null;
    let keyNode: Node | undefined;
    let last: Node | undefined = node ?? undefined;
    for (const segment of pointerSegments(pointer)) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
        if (!pair) break;
        keyNode = isScalar(pair.key) ? pair.key : undefined;
        node = pair.value as Node | null;
        last = node ?? keyNode ?? last;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)] as Node | undefined;
        if (!item) break;
        node = item;
        last = item;
      } else break;
    }
    // A whole map or list is reported where its key is, the line a reader looks for.
    const collection = isMap(last) || isSeq(last);
    const target = (key || collection) && keyNode && last === node ? keyNode : last;
    const offset = target?.range?.[0];
    return offset === undefined ? undefined : this.at(offset);
  }
}

/**
 * The line of a JSON pointer in a model's TypeScript (or JavaScript) source, found by following
 * the pointer's keys in order through the text: `/environments/0/versions/trafik` lands on the
 * first `versions:` and then the `trafik:` after it. A model is code (environments are variables,
 * spread and overridden), so the run of keys that matches longest wins, starting from any of
 * the pointer's keys; undefined when none is found. A best effort for reports that need a line.
 */
export function lineInSource(source: string, pointer: string): number | undefined {
  const keys = pointerSegments(pointer).filter((segment) => !/^\d+$/.test(segment));
  const follow = (from: number): { matched: number; offset: number } => {
    let offset = 0;
    let matched = 0;
    for (const segment of keys.slice(from)) {
      const escaped = segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const found = new RegExp(`(^|[\\s{,])(["']?)${escaped}\\2\\s*:`, "m").exec(source.slice(offset));
      if (!found) break;
      offset += found.index + found[0].length;
      matched++;
    }
    return { matched, offset };
  };
  let best = { matched: 0, offset: 0 };
  for (let from = 0; from < keys.length; from++) {
    const run = follow(from);
    if (run.matched > best.matched) best = run;
  }
  return best.matched ? source.slice(0, best.offset).split("\n").length : undefined;
}
