import { resolve } from "node:path";
import type { CommandSpec } from "../args.ts";
import { defineCommand } from "../command.ts";
import { regenerateCommands } from "../../core/files.ts";
import { render, runGen, writeRecords, type GenResult } from "../../pipeline/gen.ts";
import type { FileRecord } from "../../core/files.ts";
import type { Io } from "../io.ts";
import { InvalidModelError, UsageError } from "../../core/errors.ts";

const spec = {
  name: "gen",
  description: "Writes every generated file under the output directory (default: the current directory).",
  options: {
    check: { type: "boolean", help: "write nothing; print a unified diff per differing, missing or stale file\nand exit 1 when anything differs (0 when in sync)" },
    stdout: { type: "boolean", help: "write nothing; print every file, each after a `# ==> <path> <==` line" },
    model: { type: "string", value: "<module>", help: "generate the platform a TypeScript/JavaScript module exports\n(default export or `platform`) instead of the embedded StreamForge model;\na module exporting `service` (a service kit) has its files written" },
    out: { type: "string", value: "<dir>", help: "output directory" },
    env: { type: "string", value: "<name>", help: "only that environment's files (and the shared ones)" },
  },
} as const satisfies CommandSpec;

export const gen = defineCommand(spec, {
  model: "service",
  async run({ values, io, model }) {
    if (values.check && values.stdout) throw new UsageError("--check and --stdout do not go together");
    const loaded = await model();
    if ("service" in loaded) return writeFiles(loaded.service.files, values, io);
    const { platform } = loaded;
    const modelFile = values.model ?? "src/platform/streamforge.ts";
    if (values.stdout) {
      try {
        for (const record of await render(platform, { env: values.env, modelFile, outDir: resolve(io.cwd, values.out ?? ".") })) io.out(`# ==> ${record.path} <==\n${record.content}`);
      } catch (error) {
        if (!(error instanceof InvalidModelError)) throw error;
        io.err(`${error.message}\n`);
        return 1;
      }
      return 0;
    }
    const outDir = resolve(io.cwd, values.out ?? ".");
    let result: GenResult;
    try {
      result = await runGen(platform, { outDir, env: values.env, check: values.check, modelFile });
    } catch (error) {
      if (!(error instanceof InvalidModelError)) throw error;
      io.err(`${error.message}\n`);
      return 1;
    }
    const { plan } = result;
    if (result.drift) {
      for (const d of result.drift) io.out(d.diff);
      for (const path of plan.refused) io.err(`${path}: exists without the generated header; move it away or add the header\n`);
      for (const note of result.recovered) io.err(`${note}; run \`npm run gen\` to remove it\n`);
      if (result.interrupted) io.err(`an interrupted gen left ${outDir}/.streamforge/journal.json: the folder is between two generations; run \`npm run gen\` to complete it\n`);
      const bad = result.drift.length + plan.refused.length + result.recovered.length + (result.interrupted ? 1 : 0);
      if (bad) {
        io.err(`drift: ${bad} file(s) differ from the model; run \`${regenerateCommands(platform).gen}\` and commit the result\n`);
        return 1;
      }
      io.out(`in sync: ${plan.unchanged.length} files match the model\n`);
      return 0;
    }
    for (const note of result.recovered) io.err(`${note}\n`);
    if (plan.refused.length) {
      for (const path of plan.refused) io.err(`${path}: exists without the generated header; refusing to overwrite it\n`);
      return 1;
    }
    io.out(`wrote ${plan.write.length}, removed ${plan.remove.length}, unchanged ${plan.unchanged.length}\n`);
    return 0;
  },
});

/** A service repository's files (its kit's `files()`): written or checked with `gen`'s rules. */
async function writeFiles(files: FileRecord[], values: { check?: boolean; stdout?: boolean; out?: string; env?: string }, io: Io): Promise<number> {
  if (values.stdout) {
    for (const record of files) io.out(`# ==> ${record.path} <==\n${record.content}`);
    return 0;
  }
  const { plan, drift } = await writeRecords(files, { outDir: resolve(io.cwd, values.out ?? "."), ...(values.env !== undefined ? { env: values.env } : {}), ...(values.check ? { check: true } : {}) });
  for (const path of plan.refused) io.err(`${path}: exists without the generated header; refusing to overwrite it\n`);
  if (drift) {
    for (const d of drift) io.out(d.diff);
    if (drift.length + plan.refused.length) {
      io.err(`drift: ${drift.length + plan.refused.length} file(s) differ from the module's files; regenerate and commit the result\n`);
      return 1;
    }
    io.out(`in sync: ${plan.unchanged.length} files match\n`);
    return 0;
  }
  if (plan.refused.length) return 1;
  io.out(`wrote ${plan.write.length}, removed ${plan.remove.length}, unchanged ${plan.unchanged.length}\n`);
  return 0;
}
