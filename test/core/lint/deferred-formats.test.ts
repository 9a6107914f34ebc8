/**
 * The formats kubernetes-models takes from ajv-formats-draft2019 load their parsers at their first
 * use (`src/core/lint/deferred-formats.ts`): the index must name the same formats, each answering
 * as the package's own does, and a kind must load without the parsers. Each case runs in a fresh
 * node process.
 */
import { describe, expect, it } from "vitest";
import { fresh as freshWith } from "../../support/fresh-node.ts";

const fresh = (body: string) => freshWith(body, { formats: "src/core/lint/deferred-formats.ts" });

/** Values each format accepts or refuses: IRIs, e-mail addresses, host names (some international), durations. */
const VALUES = `["http://example.com/a?b#c", "mailto:a@b.example", "/relative/path", "ünïcode.example", "xn--nicode-2ya.example", "a@b.example", "user@ünïcode.example", "not an address", "P1Y2M3DT4H5M6S", "P", "-", "", "http://[::1]:80/"]`;

describe("ajv-formats-draft2019's formats, loaded at their first use", () => {
  it("are the package's formats: the same names, kinds and answers", () => {
    const { real, ours } = fresh(`
      const { file } = formats.draft2019IndexOf(kindFile);
      const describe = (index) => Object.fromEntries(Object.entries(index).map(([name, f]) => [name, {
        kind: f instanceof RegExp ? "regexp" : typeof f,
        answers: ${VALUES}.map((v) => (f instanceof RegExp ? f.test(v) : f(v))),
      }]));
      const ours = describe(formats.deferredFormatsOf(file));
      const real = describe(require(file));
      console.log(JSON.stringify({ real, ours }));`) as { real: Record<string, unknown>; ours: Record<string, unknown> };
    expect(Object.keys(real).sort()).toEqual(["duration", "idn-email", "idn-hostname", "iri", "iri-reference"]);
    expect(ours).toEqual(real);
  });

  it("let a kind load and validate without their parsers, which a format's first use loads", () => {
    const facts = fresh(`
      const deferred = formats.deferDraft2019Formats(kindFile);
      const { Job } = require(kindFile);
      new Job({ metadata: { name: "ok" }, spec: { template: { spec: { containers: [{ name: "c", image: "busybox" }] } } } }).validate();
      const afterValidation = ["uri-js", "punycode", "smtp-address-parser", "formats/iri.js"].filter(loaded);
      const kit = require(require.resolve("@kubernetes-models/validate", { paths: [require.resolve("@kubernetes-models/base", { paths: [kindFile] })] }));
      const iri = kit.formats.iri("http://example.com/");
      console.log(JSON.stringify({ deferred, afterValidation, iri, afterUse: loaded("formats/iri.js") }));`);
    expect(facts).toEqual({ deferred: true, afterValidation: [], iri: true, afterUse: true });
  });
});
