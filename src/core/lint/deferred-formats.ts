/**
 * `@kubernetes-models/validate` adds the formats of ajv-formats-draft2019 (iri, iri-reference,
 * idn-email, idn-hostname, duration) to the formats of its validators when the first kind loads:
 * about 15 ms of parsers (uri-js, punycode, an e-mail address grammar) that no validator of
 * kubernetes-models uses (their schemas name int32, int64, double, byte, quantity and date-time).
 *
 * `deferDraft2019Formats` hands node, before that, an index of the same formats in which each of
 * the four checks that needs a parser loads it at its first call and is then that same check; the
 * regular expression of `duration` is the package's own. Only the version this was written
 * against is replaced (its index names exactly these five); with any other nothing changes.
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { provideModule, validateModuleOf } from "./validation-messages.ts";

/** The ajv-formats-draft2019 version whose `formats/index.js` is these five formats. */
const VERSION = "1.6.1";
/** Its formats that are functions, each in the file of its name. */
const CHECKS = ["iri", "idn-email", "idn-hostname", "iri-reference"] as const;

/** `formats/index.js` of the ajv-formats-draft2019 that `kindFile`'s `@kubernetes-models/validate` loads. */
export function draft2019IndexOf(kindFile: string): { file: string; version: string } | undefined {
  const validate = validateModuleOf(kindFile);
  if (!validate) return undefined;
  try {
    const index = createRequire(validate.file).resolve("ajv-formats-draft2019/formats/index.js");
    const manifest = JSON.parse(readFileSync(join(dirname(index), "..", "package.json"), "utf8")) as { name?: string; version?: string };
    return manifest.name === "ajv-formats-draft2019" && typeof manifest.version === "string" ? { file: index, version: manifest.version } : undefined;
  } catch {
    return undefined;
  }
}

/** A format of ajv-formats-draft2019 that needs a parser. */
export type Draft2019Check = (typeof CHECKS)[number];

/**
 * The formats of the index, each check taken from `load` at its first call; `duration` is the
 * package's regular expression. The bundled CLI's copy of the index is this, its checks loaded
 * by `installedDraft2019Check` (scripts/build-time.mjs).
 */
export function deferredFormats(load: (name: Draft2019Check) => (value: string) => boolean, duration: unknown): Record<string, unknown> {
  const formats: Record<string, unknown> = {};
  for (const name of CHECKS) {
    let check: ((value: string) => boolean) | undefined;
    formats[name] = (value: string) => (check ??= load(name))(value);
  }
  formats.duration = duration;
  return formats;
}

/** The formats of the index `file`, each check loading its module at its first call. */
export function deferredFormatsOf(file: string): Record<string, unknown> {
  const requireThere = createRequire(file);
  return deferredFormats((name) => requireThere(`./${name}.js`) as (value: string) => boolean, requireThere("./duration.js"));
}

/**
 * A check of the ajv-formats-draft2019 that kubernetes-models' libraries resolve from this package
 * (as the bundle's prebundled kinds resolve theirs), loaded now: where the bundled CLI's deferred
 * formats take one at its first use, so that its parsers (some 110 KB) are not in the bundle every
 * run reads.
 */
export function installedDraft2019Check(name: Draft2019Check): (value: string) => boolean {
  const found = draft2019IndexOf(fileURLToPath(import.meta.url));
  if (!found) throw new Error(`ajv-formats-draft2019 is not installed beside kubernetes-models: the format "${name}" cannot be checked`);
  return createRequire(found.file)(`./${name}.js`) as (value: string) => boolean;
}

/** `formats/index.js` of ajv-formats-draft2019 for the kind modules beside `kindFile`, when it is the version written against; else undefined. */
export function deferrableDraft2019Index(kindFile: string): string | undefined {
  const found = draft2019IndexOf(kindFile);
  return found && found.version === VERSION ? found.file : undefined;
}

/** Puts the deferred formats in place for the kind modules beside `kindFile`; true when it did. */
export function deferDraft2019Formats(kindFile: string): boolean {
  const file = deferrableDraft2019Index(kindFile);
  return file !== undefined && provideModule(file, deferredFormatsOf(file));
}
