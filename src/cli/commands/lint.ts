import { resolve } from "node:path";
import type { Command } from "../io.ts";
import { parse } from "../args.ts";
import { loadGenerable, type ServiceModule } from "../load-model.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../../core/diagnostics/types.ts";
import { DRIFT_RULE } from "../../pipeline/lint.ts";
import { lint as runLint, ruleCatalogue } from "../../pipeline/lint.ts";
import { FORMATS, counts, render, type Format } from "../../core/diagnostics/render.ts";
import { UsageError } from "../../core/errors.ts";

export const lint: Command = {
  name: "lint",
  usage: `Usage: streamforge lint [--env <name>] [--out <dir>] [--format text|json|gitlab|junit] [--strict] [--model <module>] [--schemas <dir>]...

Validates the model, then every generated file as it is on disk (hand edits included; drift is
reported too): chart values against the pinned chart's schema, manifests against Kubernetes and
CRD schemas, and the network, placement, storage, host/TLS, ordering, secret, image and
privilege rules. Exit 0 clean, 1 errors (warnings too with --strict), 2 usage or internal error.
  --env <name>      only that environment (and the shared files)
  --out <dir>       output directory to read (default: the current directory)
  --format <f>      text (default), json, gitlab (Code Quality report) or junit
  --strict          warnings fail too
  --model <module>  lint the platform a module exports instead of the embedded one
  --schemas <dir>   a folder laid out like the package's schema/ (charts/, crds/), searched
                    first; repeatable (your schema for a newer chart version)
  --rules           list the rules and exit`,
  async run(args, io) {
    const { values } = parse(args, {
      env: { type: "string" },
      out: { type: "string" },
      format: { type: "string" },
      strict: { type: "boolean" },
      model: { type: "string" },
      rules: { type: "boolean" },
      schemas: { type: "string", multiple: true },
    });
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
    const loaded = await loadGenerable(values.model, io.cwd);
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
    io.out(render(diagnostics, format, { color: io.isTty && format === "text", rules: ruleCatalogue().map((r) => r.id) }));
    const { errors, warnings } = counts(diagnostics);
    return errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
  },
};

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
