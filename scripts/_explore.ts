import fc from "fast-check";
import { streamforge } from "../src/platform/streamforge.ts";
import { validateModel } from "../src/check/model-schema.ts";
import { generate } from "../src/emit/index.ts";
import { mutations, applyAll } from "../test/support/mutations.ts";
const counts = new Map<string, {n:number, ex: string}>();
let valid=0, total=0;
console.log(validateModel(streamforge));
fc.assert(fc.property(mutations(streamforge), (list) => {
  total++;
  const m = applyAll(streamforge, list);
  if (validateModel(m).length) return true;
  valid++;
  try { generate(m); } catch (e) {
    const k = (e as Error).name + ": " + (e as Error).message.slice(0, 70).replace(/\d+/g,"N");
    const c = counts.get(k) ?? { n: 0, ex: JSON.stringify(list).slice(0, 300) };
    c.n++; counts.set(k, c);
  }
  return true;
}), { numRuns: Number(process.argv[2] ?? 2000), seed: Number(process.argv[3] ?? 1) });
console.log({ total, valid });
for (const [k, v] of [...counts].sort((a,b)=>b[1].n-a[1].n)) console.log(v.n, k, "\n   ", v.ex);
