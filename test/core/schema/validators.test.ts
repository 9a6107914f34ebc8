/**
 * How lint validates against the committed schemas: no compiled code is written anywhere or
 * loaded from a file (another local user could plant code in a shared cache), and data the schema
 * walk rejects still gets ajv's detailed errors.
 */
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lint } from "../../../src/pipeline/lint.ts";
import { useSchemaRoot, validatorFor } from "../../../src/core/schema/validators.ts";
import { streamforge } from "../../../src/platform/streamforge.ts";
import { REPO } from "../../support/lint.ts";

const savedTmp = process.env.TMPDIR;

/** Files below `dir` with their modification times (empty when `dir` does not exist). */
function listing(dir: string): Record<string, number> {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true }) as string[];
  } catch {
    return {};
  }
  return Object.fromEntries(names.map((name) => [name, statSync(join(dir, name)).mtimeMs]));
}
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  useSchemaRoot(REPO);
});

describe("lint's schema validators", () => {
  it("write nothing: no cache in the temp folder or in node_modules after a whole lint", async () => {
    const temp = mkdtempSync(join(tmpdir(), "streamforge-lint-tmp-"));
    process.env.TMPDIR = temp;
    useSchemaRoot(REPO);
    // Where the compiled validators used to be cached (vitest keeps its own files elsewhere).
    const cache = join(REPO, "node_modules/.cache");
    const before = listing(cache);
    const findings = await lint(streamforge);
    expect(findings.filter((d) => d.severity === "error")).toEqual([]);
    // A schema never seen before (a cache keyed by content would have to compile and store it),
    // with valid and invalid data.
    const root = mkdtempSync(join(temp, "..", "streamforge-schema-root-"));
    mkdirSync(join(root, "schema/crds/example.com"), { recursive: true });
    writeFileSync(join(root, "schema/crds/example.com/thing_v1.json"), JSON.stringify({ $comment: `${process.pid} ${Date.now()}`, type: "object", properties: { size: { type: "integer" } }, additionalProperties: false }));
    useSchemaRoot(root);
    const validate = (await validatorFor("schema/crds/example.com/thing_v1.json"))!;
    expect([validate({ size: 1 }), validate({ size: "x" })]).toEqual([true, false]);
    expect(readdirSync(temp)).toEqual([]);
    expect(listing(cache)).toEqual(before);
  });

  it("answer valid data without ajv, and give ajv's errors for invalid data", async () => {
    useSchemaRoot(REPO);
    const validate = (await validatorFor("schema/crds/metallb.io/ipaddresspool_v1beta1.json"))!;
    const pool = { apiVersion: "metallb.io/v1beta1", kind: "IPAddressPool", metadata: { name: "p" }, spec: { addresses: ["192.168.1.150-192.168.1.169"] } };
    expect(validate(pool)).toBe(true);
    expect(validate.errors).toBeNull();
    expect(validate({ ...pool, spec: { adresses: [] } })).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ keyword: "additionalProperties", params: { additionalProperty: "adresses" } }));
    // And valid again afterwards: the errors of one call do not stick to the next.
    expect(validate(pool)).toBe(true);
    expect(validate.errors).toBeNull();
  });
});
