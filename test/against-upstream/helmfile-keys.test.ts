/**
 * The helmfile uses only keys Helmfile v1.1.5 declares in its structs (Helmfile decodes strictly),
 * checked against the list of those structs' yaml tags in the cache's `expected/helmfile/`.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { fileText } from "../support/generated.ts";
import { expectedPath } from "../support/upstream.ts";

interface FieldList {
  structs: Record<string, { fields: Array<{ yaml: string | null }> }>;
}

function keysOf(struct: string): Set<string> {
  const fields: FieldList = JSON.parse(readFileSync(expectedPath("helmfile", "helmfile-v1.1.5-yaml-fields.json"), "utf8"));
  return new Set(fields.structs[struct]!.fields.flatMap((f) => (f.yaml && f.yaml !== "-" ? [f.yaml.split(",")[0]!] : [])));
}

const [envPart, releasePart] = fileText("helmfile.yaml.gotmpl")
  .split(/^---$/m)
  .map((doc) => parse(doc, { version: "1.1" }));

describe("helmfile.yaml.gotmpl", () => {
  it("uses only keys Helmfile v1.1.5 accepts", () => {
    const top = keysOf("ReleaseSetSpec");
    const release = keysOf("ReleaseSpec");
    const repo = keysOf("RepositorySpec");
    const env = keysOf("EnvironmentSpec");
    const helm = keysOf("HelmSpec");
    for (const k of Object.keys(envPart)) expect(top.has(k), k).toBe(true);
    for (const k of Object.keys(releasePart)) expect(top.has(k), k).toBe(true);
    for (const e of Object.values<Record<string, unknown>>(envPart.environments)) for (const k of Object.keys(e)) expect(env.has(k), k).toBe(true);
    for (const k of Object.keys(releasePart.helmDefaults)) expect(helm.has(k), k).toBe(true);
    for (const r of releasePart.repositories) for (const k of Object.keys(r)) expect(repo.has(k), k).toBe(true);
    for (const r of releasePart.releases) for (const k of Object.keys(r)) expect(release.has(k), `${r.name}.${k}`).toBe(true);
  });

});
