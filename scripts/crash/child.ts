/**
 * One `gen` of a crash trial, in its own process so the parent can `kill -9` it. Arguments:
 * `<outDir> <A|B> <phase> <k>`: the run stops (blocks, printing `PAUSED <step>`) before the k-th
 * step whose name starts with `phase` (`stage`, `commit`, `rename`, `remove`, `clear`), and the
 * parent kills it there; `none` runs to the end.
 */
import { runGen } from "../../src/pipeline/gen.ts";
import { models } from "./models.ts";

const [outDir, which, phase, k] = process.argv.slice(2);
let seen = 0;
const block = new Int32Array(new SharedArrayBuffer(4));
const onStep = (step: string): void => {
  if (phase === "none" || !step.startsWith(`${phase}`)) return;
  if (++seen !== Number(k)) return;
  process.stdout.write(`PAUSED ${step}\n`);
  // Wait to be killed; never returns on its own.
  for (;;) Atomics.wait(block, 0, 0, 60_000);
};
process.stdout.write("STARTED\n");
const result = await runGen(models[which as "A" | "B"], { outDir: outDir!, onStep });
process.stdout.write(`DONE wrote ${result.plan.write.length} removed ${result.plan.remove.length}\n`);
