/**
 * Worker threads that generate parts of a platform (`pipeline/environment-split.ts`). A worker
 * loads the bundled CLI (this very file, once bundled) and imports the model itself: a model's
 * adapters are functions, which cannot be copied to another thread.
 *
 * Only the bundle starts workers: from source (tsx, vitest) a worker could not load the
 * TypeScript modules without a loader of its own, and a library caller passes no model module.
 * A TypeScript model needs tsx's loader in the worker too; it is generated in one thread.
 */
import { availableParallelism } from "node:os";
import { parentPort, Worker, workerData } from "node:worker_threads";
import type { EnvironmentPart, Split } from "../pipeline/environment-split.ts";
import { generatePart, threadCount } from "../pipeline/environment-split.ts";
import { isTypeScript, loadModel } from "./load-model.ts";

/** What a worker is told: where the model comes from and which environments are its part. */
interface PartRequest {
  modelPath: string | undefined;
  cwd: string;
  environments: readonly string[];
}

/** The bundle file this code runs from, when it runs from the bundle. */
function bundleFile(): string | undefined {
  return typeof __filename === "string" && __filename.endsWith(".cjs") ? __filename : undefined;
}

/**
 * How `gen` on `environments` environments is split across threads: `STREAMFORGE_THREADS` (1:
 * everything in this thread, for tests and debugging) or as many as the cores and the number of
 * environments pay for. Undefined where no worker can start (see above).
 */
export function environmentSplit(modelPath: string | undefined, cwd: string, environments: number, setting: string | undefined): Split | undefined {
  const bundle = bundleFile();
  if (bundle === undefined || (modelPath !== undefined && isTypeScript(modelPath))) return undefined;
  const threads = threadCount(environments, availableParallelism(), setting);
  if (threads < 2) return undefined;
  return {
    threads,
    run: (names) => {
      const request: PartRequest = { modelPath, cwd, environments: names };
      const worker = new Worker(`require(${JSON.stringify(bundle)}).runEnvironmentWorker();`, { eval: true, workerData: request });
      const result = new Promise<EnvironmentPart>((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
        worker.once("exit", (code) => reject(new Error(`a worker thread generating ${names.join(", ")} stopped (exit code ${code}) before it answered`)));
      });
      return { result, cancel: () => void worker.terminate() };
    },
  };
}

/** A worker's body: generate its part and send it back. */
export async function runEnvironmentWorker(): Promise<void> {
  const request = workerData as PartRequest;
  const platform = await loadModel(request.modelPath, request.cwd);
  const part = generatePart(platform, request.environments, true);
  parentPort!.postMessage(part);
}
