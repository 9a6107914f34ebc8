/**
 * Zone serials, the grants Job's name, diagnostic fingerprints and shared CRD schema names are
 * SHA-256 digests of text (src/core/sha256.ts, from @noble/hashes instead of node:crypto): they
 * must be node's, byte for byte, for any text, or every committed name and serial would change.
 */
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { sha256Bytes, sha256Hex } from "../../src/core/sha256.ts";

const TEXTS = ["", "a", "GRANT SELECT ON ALL TABLES IN SCHEMA public TO grafana;", "ünïcödé ✓ 🚀 \u0000 \r\n", "x".repeat(55), "x".repeat(56), "x".repeat(64), "y".repeat(100_000)];

describe("SHA-256 of text", () => {
  it("is node's digest of the UTF-8 bytes, for empty, ASCII, non-ASCII and block-boundary texts", () => {
    for (const text of TEXTS) {
      const node = createHash("sha256").update(text, "utf8").digest();
      expect(sha256Hex(text), JSON.stringify(text.slice(0, 20))).toBe(node.toString("hex"));
      expect(Buffer.from(sha256Bytes(text)).equals(node)).toBe(true);
    }
  });
});
