import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { CommandSpec } from "../args.ts";
import { defineCommand } from "../command.ts";
import type { ServiceModule } from "../load-model.ts";
import { UsageError } from "../../core/errors.ts";
import { DRIFT_RULE, lint as runLint, ruleCatalogue } from "../../pipeline/lint.ts";
import { FORMATS, counts, render, type Format } from "../../core/diagnostics/render.ts";
import { lineInSource } from "../../core/diagnostics/locate.ts";
import type { Diagnostic } from "../../core/diagnostics/types.ts";

const EMBEDDED_MODEL = "src/platform/streamforge.ts";

/**
 * Findings about the model carry a pointer, not a line; reports that need a line (GitLab's Code
 * Quality widget, editors) get the line of the pointer's key in the model source when it is found.
 */
function locateModelFindings(list: Diagnostic[], modelFile: string, cwd: string): Diagnostic[] {
  let source: string | undefined;
  try {
    source = readFileSync(modelFile === EMBEDDED_MODEL ? new URL("../../platform/streamforge.ts", import.meta.url) : resolve(cwd, modelFile), "utf8");
  } catch {
    return list;
  }
  return list.map((d) => {
    if (d.position || d.file !== modelFile || !d.pointer || source === undefined) return d;
    const line = lineInSource(source, d.pointer);
    return line === undefined ? d : { ...d, position: { line, column: 1 } };
  });
}

const spec = {
  name: "lint",
  description: `Validates the model, then every generated file as it is on disk (hand edits included; drift is
reported too): chart values against the pinned chart's schema, manifests against Kubernetes and
CRD schemas, and the network, placement, storage, host/TLS, ordering, secret, image and
privilege rules.`,
  options: {
    env: { type: "string", value: "<name>", help: "only that environment (and the shared files)" },
    out: { type: "string", value: "<dir>", help: "output directory to read (default: the current directory)" },
    format: { type: "string", value: "<f>", help: "text (default), json, gitlab (Code Quality report) or junit" },
    strict: { type: "boolean", help: "warnings fail too" },
    model: { type: "string", value: "<module>", help: "lint the platform a module exports instead of the embedded one" },
    schemas: { type: "string", value: "<dir>", multiple: true, help: "a folder laid out like the package's schema/ (charts/, crds/), searched\nfirst; repeatable (your schema for a newer chart version)" },
    rules: { type: "boolean", help: "list the rules and exit" },
  },
  footer: "Exit codes: 0 clean, 1 errors (warnings too with --strict), 2 usage or internal error.",
} as const satisfies CommandSpec;

export const lint = defineCommand(spec, {
  model: "service",
  async run({ values, io, model }) {
    if (values.rules) {
      const list = ruleCatalogue();
      const width = Math.max(...list.map((r) => r.id.length));
      io.out(list.map((r) => `${r.id.padEnd(width)}  ${r.description}\n`).join(""));
      return 0;
    }
    const format = (values.format ?? "text") as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}"; use one of ${FORMATS.join(", ")}`);
    const loaded = await model();
    const outDir = resolve(io.cwd, values.out ?? ".");
    const schemaDirs = (values.schemas ?? []).map((dir) => resolve(io.cwd, dir));
    const diagnostics =
      "service" in loaded
        ? await lintService(loaded.service, outDir, schemaDirs)
        : await runLint(loaded.platform, {
            outDir,
            ...(values.env !== undefined ? { env: values.env } : {}),
            ...(values.model !== undefined ? { modelFile: values.model } : {}),
            schemaDirs,
          });
    const located = locateModelFindings(diagnostics, values.model ?? EMBEDDED_MODEL, io.cwd);
    io.out(render(located, format, { color: io.isTty && format === "text", rules: ruleCatalogue().map((r) => r.id) }));
    const { errors, warnings } = counts(located);
    return errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
  },
});

/** A service repository's files as they are on disk: drift against its kit, then the manifest schemas. */
async function lintService(service: ServiceModule, outDir: string, schemaDirs: string[]): Promise<Diagnostic[]> {
  const { lintServiceFiles } = await import("../../service-kit/lint.ts");
  const out: Diagnostic[] = [];
  const onDisk = service.files.map((record) => {
    let text: string | undefined;
    try {
      text = readFileSync(join(outDir, record.path), "utf8");
    } catch {
      text = undefined;
    }
    if (text === undefined) out.push({ rule: DRIFT_RULE.id, severity: "error", file: record.path, message: `${record.path} is missing on disk`, hint: "regenerate with `streamforge gen --model <module>` and commit the result" });
    else if (text !== record.content) out.push({ rule: DRIFT_RULE.id, severity: "error", file: record.path, message: `${record.path} differs from what the service kit generates (edited by hand?)`, hint: "change the module instead and regenerate" });
    return { ...record, content: text ?? record.content };
  });
  return [...out, ...(await lintServiceFiles(service.platform, service.env, onDisk, { schemaDirs }))];
}
