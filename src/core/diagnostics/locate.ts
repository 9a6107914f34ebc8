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
