import {
  readIfExists
} from "./chunk-USOL5YMT.mjs";

// src/write/drift.ts
import { join } from "node:path";
import { createTwoFilesPatch } from "diff";
function drift(outDir, p) {
  const out = [];
  for (const record of [...p.write]) {
    const current = readIfExists(join(outDir, record.path));
    out.push({
      path: record.path,
      kind: current === void 0 ? "missing" : "changed",
      diff: createTwoFilesPatch(`a/${record.path}`, `b/${record.path}`, current ?? "", record.content, void 0, void 0, { context: 3 })
    });
  }
  for (const path of p.remove) {
    const current = readIfExists(join(outDir, path)) ?? "";
    out.push({ path, kind: "stale", diff: createTwoFilesPatch(`a/${path}`, "/dev/null", current, "", void 0, void 0, { context: 3 }) });
  }
  return out.sort((a, b) => a.path < b.path ? -1 : 1);
}
export {
  drift
};
