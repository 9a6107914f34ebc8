/**
 * Commands that change the repository (bump, promote) work on the model and CLI of the
 * repository they run in, through child processes: the model is source that they edit.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Platform } from "../core/model/types.ts";
import type { CliRunner } from "../versions/bump.ts";
import { UsageError } from "../core/errors.ts";
import { importModule } from "./load-model.ts";

const MODEL = "src/platform/streamforge.ts";
const CLI = "src/cli/main.ts";

export async function loadRepositoryModel(root: string): Promise<Platform> {
  const path = join(root, MODEL);
  if (!existsSync(path)) throw new UsageError(`${MODEL} not found: run this command at the root of the platform repository`);
  // The model is TypeScript source; the CLI may run bundled, without a TypeScript loader of its own.
  const mod = (await importModule(pathToFileURL(path).href, path)) as { streamforge?: Platform };
  if (!mod.streamforge) throw new UsageError(`${MODEL} exports no \`streamforge\` platform`);
  return mod.streamforge;
}

/** Runs the repository's own CLI from source, with the repository's tsx as the loader. */
export function repositoryRunner(root: string): CliRunner {
  return (args) => {
    const result = spawnSync(process.execPath, ["--import", "tsx", join(root, CLI), ...args], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (result.error) return { code: 2, stdout: "", stderr: `cannot run the CLI of ${root}: ${result.error.message}` };
    return { code: result.status ?? 2, stdout: result.stdout, stderr: result.stderr };
  };
}
