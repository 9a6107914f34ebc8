import { resolve } from "node:path";
import type { Command } from "../io.ts";
import { parse } from "../args.ts";
import { loadModel } from "../load-model.ts";
import { UsageError } from "../../pipeline/gen.ts";
import { lint as runLint, ruleCatalogue } from "../../lint/index.ts";
import { FORMATS, counts, render, type Format } from "../../diagnostics/render.ts";

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
    const platform = await loadModel(values.model, io.cwd);
    const diagnostics = await runLint(platform, {
      outDir: resolve(io.cwd, values.out ?? "."),
      ...(values.env !== undefined ? { env: values.env } : {}),
      ...(values.model !== undefined ? { modelFile: values.model } : {}),
      schemaDirs: (values.schemas ?? []).map((dir) => resolve(io.cwd, dir)),
    });
    io.out(render(diagnostics, format, { color: io.isTty && format === "text", rules: ruleCatalogue().map((r) => r.id) }));
    const { errors, warnings } = counts(diagnostics);
    return errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
  },
};
