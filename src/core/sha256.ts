/**
 * SHA-256 of text (zone serials, the grants Job's name, diagnostic fingerprints, shared CRD schema
 * names), from @noble/hashes rather than node:crypto: loading node's crypto module cost some 10 ms
 * of every gen and lint. The digests are node's, byte for byte (test/core/sha256.test.ts).
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** The digest of `text`'s UTF-8 bytes. */
export function sha256Bytes(text: string): Uint8Array {
  return sha256(utf8ToBytes(text));
}

/** The digest of `text`'s UTF-8 bytes, in lower-case hex. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256Bytes(text));
}
