/**
 * A command from its spec and a run function: the parsing, `--help` and model loading every
 * command needs are done here once, so a command's file holds only what it does.
 */
import type { Environment, Platform } from "../core/model/types.ts";
import { environmentNamed } from "../core/environments.ts";
import type { Command, Io } from "./io.ts";
import { UsageError } from "../core/errors.ts";
import { parseCommand, usageOf, type CommandSpec, type OptionSpec, type Parsed } from "./args.ts";
import { loadGenerable, loadModel } from "./load-model.ts";

/** The `--model` option of commands that can work on another platform than the embedded one. */
export const modelOption = { type: "string", value: "<module>", help: "use the platform a module exports instead of the embedded one" } as const satisfies OptionSpec;

/** The `--env` option of commands that work on one environment, the model's default unless named. */
export const envOption = { type: "string", value: "<name>", help: "environment (default: the model's default)" } as const satisfies OptionSpec;

/**
 * The `--repo-url <alias>=<url>` pairs (and any given besides, such as $STREAMFORGE_MIRRORS), by
 * alias; an alias the platform's `repositories` lack is a usage error, not a mirror silently unused.
 */
export function repositoryUrls(platform: Platform, pairs: readonly string[]): Map<string, string> {
  const urls = new Map<string, string>();
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new UsageError(`--repo-url takes <alias>=<url>, not "${pair}"`);
    const alias = pair.slice(0, eq);
    if (!Object.hasOwn(platform.repositories, alias)) throw new UsageError(`--repo-url: no Helm repository alias "${alias}"; aliases: ${Object.keys(platform.repositories).join(", ")}`);
    urls.set(alias, pair.slice(eq + 1));
  }
  return urls;
}

type Options = Record<string, OptionSpec>;

/** Where a command's model comes from, and what loading it gives. */
interface Models {
  /** The module `--model` names, else the embedded StreamForge model. */
  option: Platform;
  /** As `option`, or a service repository's module exporting `service` (gen, lint). */
  service: Awaited<ReturnType<typeof loadGenerable>>;
  /** The embedded StreamForge model only. */
  embedded: Platform;
  /** The model source of the repository the command runs in: the commands that edit it (bump, promote) or pin from it (pull). */
  repository: Platform;
}
type ModelSource = keyof Models;

const loaders: { [S in ModelSource]: (model: string | undefined, cwd: string) => Promise<Models[S]> } = {
  option: loadModel,
  service: loadGenerable,
  embedded: (_model, cwd) => loadModel(undefined, cwd),
  // Only bump and promote read the repository's model: its module loads node:child_process
  // (and with it net, dgram and streams), a few milliseconds every other command need not pay.
  repository: async (_model, cwd) => (await import("./repository.ts")).loadRepositoryModel(cwd),
};

/** A model read from `--model` needs that option in the spec. */
type NeedsModelOption<S> = S extends "option" | "service" ? { model: { type: "string" } } : unknown;

/** What a command's run function receives. */
export type Invocation<T extends Options, S extends ModelSource | undefined> = Parsed<T> & {
  io: Io;
} & (S extends ModelSource
    ? {
        /**
         * Loads the model (once) when the command first needs it, so that a mistake in the arguments
         * is reported before a model that cannot load.
         */
        model(): Promise<Models[S]>;
      }
    : unknown) &
  (S extends "option"
    ? T extends { env: { type: "string" } }
      ? {
          /** The model and the environment `--env` names (the model's default without it). */
          environment(): Promise<{ platform: Platform; env: Environment }>;
        }
      : unknown
    : unknown);

/** How a command runs: where its model comes from (none when absent) and what it does. */
export interface Behaviour<T extends Options, S extends ModelSource | undefined> {
  model?: S;
  run(invocation: Invocation<T, S>): Promise<number>;
}

/**
 * The command `spec` declares: `--help` (`-h`) prints the usage the spec gives and exits 0; any
 * other invocation runs `behaviour.run` with the parsed options.
 */
export function defineCommand<const T extends Options, const S extends ModelSource | undefined = undefined>(
  spec: CommandSpec<T> & { options: NeedsModelOption<S> },
  behaviour: Behaviour<T, S>,
): Command {
  const usage = usageOf(spec);
  return {
    name: spec.name,
    usage,
    async run(args, io) {
      const parsed = parseCommand(spec, args);
      if (parsed.values.help) {
        io.out(`${usage}\n`);
        return 0;
      }
      const source = behaviour.model;
      if (source === undefined) return behaviour.run({ ...parsed, io } as Invocation<T, S>);
      const values = parsed.values as { model?: string; env?: string };
      let loaded: Promise<Models[ModelSource]> | undefined;
      const model = () => (loaded ??= loaders[source](values.model, io.cwd));
      const environment = async () => {
        const platform = (await model()) as Platform;
        return { platform, env: environmentNamed(platform, values.env ?? platform.defaultEnvironment) };
      };
      return behaviour.run({ ...parsed, io, model, environment } as unknown as Invocation<T, S>);
    },
  };
}
