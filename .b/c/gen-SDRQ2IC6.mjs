import {
  loadModel
} from "./chunk-KEPHZAAP.mjs";
import {
  parse
} from "./chunk-HP2SGMC7.mjs";
import {
  InvalidModelError,
  runGen
} from "./chunk-FIK2LZX5.mjs";
import "./chunk-USOL5YMT.mjs";
import "./chunk-U2IFGJIN.mjs";

// src/cli/commands/gen.ts
import { resolve } from "node:path";
var gen = {
  name: "gen",
  usage: `Usage: streamforge gen [--check] [--model <module>] [--out <dir>] [--env <name>]

Writes every generated file under the output directory (default: the current directory).
  --check           write nothing; print a unified diff per differing, missing or stale file
                    and exit 1 when anything differs (0 when in sync)
  --model <module>  generate the platform a TypeScript/JavaScript module exports
                    (default export or \`platform\`) instead of the embedded StreamForge model
  --out <dir>       output directory
  --env <name>      only that environment's files (and the shared ones)`,
  async run(args, io) {
    const { values } = parse(args, {
      check: { type: "boolean" },
      model: { type: "string" },
      out: { type: "string" },
      env: { type: "string" }
    });
    if (values.help) {
      io.out(`${this.usage}
`);
      return 0;
    }
    const platform = await loadModel(values.model, io.cwd);
    const outDir = resolve(io.cwd, values.out ?? ".");
    let result;
    try {
      result = await runGen(platform, { outDir, env: values.env, check: values.check, modelFile: values.model ?? "src/platform/streamforge.ts" });
    } catch (error) {
      if (!(error instanceof InvalidModelError)) throw error;
      io.err(`${error.message}
`);
      return 1;
    }
    const { plan } = result;
    if (result.drift) {
      for (const d of result.drift) io.out(d.diff);
      for (const path of plan.refused) io.err(`${path}: exists without the generated header; move it away or add the header
`);
      const bad = result.drift.length + plan.refused.length;
      if (bad) {
        io.err(`drift: ${bad} file(s) differ from the model; run \`npm run gen\` and commit the result
`);
        return 1;
      }
      io.out(`in sync: ${plan.unchanged.length} files match the model
`);
      return 0;
    }
    if (plan.refused.length) {
      for (const path of plan.refused) io.err(`${path}: exists without the generated header; refusing to overwrite it
`);
      return 1;
    }
    io.out(`wrote ${plan.write.length}, removed ${plan.remove.length}, unchanged ${plan.unchanged.length}
`);
    return 0;
  }
};
export {
  gen
};
