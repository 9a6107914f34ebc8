/**
 * Zone serials, the grants Job's name, diagnostic fingerprints and shared CRD schema names are
 * SHA-256 digests of text, taken with @noble/hashes instead of node:crypto (which cost every run
 * its loading): the digests must be node's, byte for byte, for any text.
 */
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

const TEXTS = ["", "a", "GRANT SELECT ON ALL TABLES IN SCHEMA public TO grafana;", "ünïcödé ✓ 🚀 \u0000 \r\n", "x".repeat(55), "x".repeat(56), "x".repeat(64), "y".repeat(100_000)];

describe("SHA-256 of text", () => {
  it("is node's digest, for empty, ASCII, non-ASCII and block-boundary texts", () => {
    for (const text of TEXTS) expect(bytesToHex(sha256(utf8ToBytes(text))), JSON.stringify(text.slice(0, 20))).toBe(createHash("sha256").update(text).digest("hex"));
  });
});
