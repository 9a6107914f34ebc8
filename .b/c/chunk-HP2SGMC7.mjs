import {
  UsageError
} from "./chunk-FIK2LZX5.mjs";

// src/cli/args.ts
import { parseArgs } from "node:util";
function parse(args, options, allowPositionals = false) {
  try {
    const result = parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals, strict: true });
    return result;
  } catch (error) {
    throw new UsageError(error.message);
  }
}

export {
  parse
};
