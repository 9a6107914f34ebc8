/**
 * A strict little XML reader for the JUnit report: elements, attributes and entities, failing on
 * anything malformed (unbalanced tags, bad attributes), so a broken report fails the test.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(\w+);/g, (_m, name: string) => {
    const value = ENTITIES[name];
    if (value === undefined) throw new Error(`unknown entity &${name};`);
    return value;
  });
}

export class XMLParser {
  readonly root: XmlElement;

  constructor(text: string) {
    const body = text.replace(/^<\?xml[^?]*\?>\s*/, "");
    const stack: XmlElement[] = [{ name: "#document", attributes: {}, children: [] }];
    const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
    let match: RegExpExecArray | null;
    let consumed = 0;
    while ((match = tag.exec(body))) {
      consumed = tag.lastIndex;
      const [, closing, name, attrs, selfClosing, textNode] = match;
      if (textNode !== undefined) {
        decode(textNode);
        continue;
      }
      const top = stack[stack.length - 1]!;
      if (closing) {
        if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
        stack.pop();
        continue;
      }
      const attributes: Record<string, string> = {};
      for (const a of (attrs ?? "").matchAll(/([\w:-]+)="([^"]*)"/g)) attributes[a[1]!] = decode(a[2]!);
      const element: XmlElement = { name: name!, attributes, children: [] };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
    if (consumed !== body.length) throw new Error(`malformed XML at offset ${consumed}`);
    if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
    const [root] = stack[0]!.children;
    if (!root || stack[0]!.children.length !== 1) throw new Error("expected one root element");
    this.root = root;
  }
}
