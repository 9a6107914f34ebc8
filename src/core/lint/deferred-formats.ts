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

/** The formats of the index `file`, each check loading its module at its first call. */
export function deferredFormatsOf(file: string): Record<string, unknown> {
  const requireThere = createRequire(file);
  const formats: Record<string, unknown> = {};
  for (const name of CHECKS) {
    let check: ((value: string) => boolean) | undefined;
    formats[name] = (value: string) => (check ??= requireThere(`./${name}.js`) as (value: string) => boolean)(value);
  }
  formats.duration = requireThere("./duration.js");
  return formats;
}

/** Puts the deferred formats in place for the kind modules beside `kindFile`; true when it did. */
export function deferDraft2019Formats(kindFile: string): boolean {
  const found = draft2019IndexOf(kindFile);
  if (!found || found.version !== VERSION) return false;
  return provideModule(found.file, deferredFormatsOf(found.file));
}
