/**
 * The entry of the bundled CLI (`scripts/cli.mjs`), which is one CommonJS file: no top-level
 * `await` (that is `main.ts`'s, the entry from source), only what the bundle's `main.js` calls.
 */
export { runProcess } from "./process.ts";
