/**
 * Golden trees. The embedded model's golden tree is the committed output at the repository root
 * (refreshed by `npm run gen`); the `mini` fixture model's is `test/golden/mini/` (refreshed by
 * `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts`).
 */
import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { generate } from "../src/pipeline/generate.ts";
import { streamforge } from "../src/platform/streamforge.ts";
import { platform as mini } from "./fixtures/models/mini.ts";
import { listFiles } from "./support/cli.ts";
import { OWNED_LIST_PATH, parseOwnedList } from "../src/core/write/owned.ts";

const ROOT = resolve(import.meta.dirname, "..");

describe("golden: the embedded StreamForge model", () => {
  const records = generate(streamforge);
  it("the committed tree lists exactly the files the model produces", () => {
    const owned = parseOwnedList(readFileSync(join(ROOT, OWNED_LIST_PATH), "utf8"));
    expect(owned).toEqual(records.map((r) => r.path).sort());
  });
  it.each(records.map((r) => [r.path, r] as const))("%s is current", (path, record) => {
    expect(readFileSync(join(ROOT, path), "utf8")).toBe(record.content);
  });
});

describe("golden: the mini fixture model", () => {
  const dir = join(import.meta.dirname, "golden/mini");
  const records = generate(mini);
  if (process.env.UPDATE_GOLDEN === "1") {
    rmSync(dir, { recursive: true, force: true });
    for (const r of records) {
      mkdirSync(dirname(join(dir, r.path)), { recursive: true });
      writeFileSync(join(dir, r.path), r.content);
    }
  }
  it("produces exactly the golden files", () => {
    expect(existsSync(dir)).toBe(true);
    expect(listFiles(dir)).toEqual(records.map((r) => r.path).sort());
  });
  it.each(records.map((r) => [r.path, r] as const))("%s matches", (path, record) => {
    expect(record.content).toBe(readFileSync(join(dir, path), "utf8"));
  });
});
