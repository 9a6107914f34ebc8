/**
 * Built-in kinds the bundled CLI carries ready to load: each kubernetes-models kind module that
 * the package's emitters write, bundled with its schema graph into one file (`<dir>/<apiVersion>/<Kind>.cjs`)
 * when the CLI is built (scripts/build-time.mjs). The same code as in node_modules, in one file
 * instead of up to 190 to resolve and read. `apiVersions` are those kubernetes-models has kinds
 * of at all: a custom resource's kind is not looked for there. `runtime` is the libraries those
 * files require, bundled into the CLI itself (`kinds-runtime.ts`). From source there are none.
 */
import type { KindsRuntime } from "./kinds-runtime.ts";

export const bundledKinds: { dir: string; kinds: ReadonlySet<string>; apiVersions: ReadonlySet<string>; runtime?: KindsRuntime } | undefined = undefined;
