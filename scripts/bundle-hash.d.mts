// Types of scripts/bundle-hash.mjs (plain JavaScript), for the tests that use it.
export function inputs(root: string): string[];
export function contentHash(root: string, files: readonly string[]): string;
export function sourceHash(root: string, buildRoot: string): string;
