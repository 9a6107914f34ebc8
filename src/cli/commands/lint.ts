import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "../io.ts";
import { parseCommand, usageOf, type CommandSpec } from "../args.ts";
import { loadModel } from "../load-model.ts";
import { UsageError } from "../../core/errors.ts";
import { lint as runLint, ruleCatalogue } from "../../pipeline/lint.ts";
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
    rules: { type: "boolean", help: "list the rules and exit" },
  },
  footer: "Exit codes: 0 clean, 1 errors (warnings too with --strict), 2 usage or internal error.",
} as const satisfies CommandSpec;

export const lint: Command = {
  name: "lint",
  usage: usageOf(spec),
  async run(args, io) {
    const { values } = parseCommand(spec, args);
    if (values.help) {
      io.out(`${this.usage}\n`);
      return 0;
    }
    if (values.rules) {
      const list = ruleCatalogue();
      const width = Math.max(...list.map((r) => r.id.length));
      io.out(list.map((r) => `${r.id.padEnd(width)}  ${r.description}\n`).join(""));
      return 0;
    }
    const format = (values.format ?? "text") as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}"; use one of ${FORMATS.join(", ")}`);
    const platform = await loadModel(values.model, io.cwd);
    const diagnostics = await runLint(platform, {
      outDir: resolve(io.cwd, values.out ?? "."),
      ...(values.env !== undefined ? { env: values.env } : {}),
      ...(values.model !== undefined ? { modelFile: values.model } : {}),
    });
    const located = locateModelFindings(diagnostics, values.model ?? EMBEDDED_MODEL, io.cwd);
    io.out(render(located, format, { color: io.isTty && format === "text", rules: ruleCatalogue().map((r) => r.id) }));
    const { errors, warnings } = counts(located);
    return errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
  },
};
