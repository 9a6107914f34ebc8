/**
 * `defineCommand` does for every command what each used to do itself: `--help` prints the usage
 * the spec gives, options arrive parsed, and the model loads only when the command asks for it,
 * so a mistake in the arguments is reported before a model that cannot load.
 */
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { defineCommand, envOption, modelOption } from "../../src/cli/command.ts";
import { usageOf, type CommandSpec } from "../../src/cli/args.ts";
import type { Io } from "../../src/cli/io.ts";
import { UsageError } from "../../src/core/errors.ts";
import { tempDir } from "../support/cli.ts";

const spec = {
  name: "example",
  args: "<what>",
  description: "An example command.",
  options: { env: envOption, model: modelOption, count: { type: "string", value: "<n>", help: "how many" } },
  footer: "Exit codes: 0 done.",
} as const satisfies CommandSpec;

function io(cwd = tempDir()) {
  const captured = { out: "", err: "" };
  const value: Io = { cwd, out: (t) => void (captured.out += t), err: (t) => void (captured.err += t), isTty: false, env: {} };
  return { io: value, captured };
}

/** A model module with two environments, the second its default. */
function modelModule(): string {
  const dir = tempDir();
  const path = join(dir, "model.mjs");
  writeFileSync(path, 'export default { name: "tiny", defaultEnvironment: "lab", environments: [{ name: "prod" }, { name: "lab" }], releases: [] };\n');
  return path;
}

describe("defineCommand", () => {
  it("--help and -h print the spec's usage and exit 0 without running the command", async () => {
    let ran = false;
    const command = defineCommand(spec, {
      async run() {
        ran = true;
        return 5;
      },
    });
    for (const flag of ["--help", "-h"]) {
      const { io: stub, captured } = io();
      expect(await command.run([flag, "--model", "/no/such/module.mjs"], stub)).toBe(0);
      expect(captured.out).toBe(`${usageOf(spec)}\n`);
    }
    expect(command.usage).toBe(usageOf(spec));
    expect(command.name).toBe("example");
    expect(ran).toBe(false);
  });

  it("hands the run function the parsed options and positionals, and returns its exit code", async () => {
    const command = defineCommand(spec, {
      async run({ values, positionals, io: given }) {
        given.out(`${positionals.join(",")} count=${values.count} env=${values.env}`);
        return 3;
      },
    });
    const { io: stub, captured } = io();
    expect(await command.run(["a", "--count", "2", "b", "--env", "lab"], stub)).toBe(3);
    expect(captured.out).toBe("a,b count=2 env=lab");
  });

  it("an unknown option is a usage error, even beside --help", async () => {
    const command = defineCommand(spec, { run: async () => 0 });
    await expect(command.run(["--bogus", "--help"], io().io)).rejects.toThrow(UsageError);
  });

  it("loads the model only when the command asks for it: an argument error comes first", async () => {
    const command = defineCommand(spec, {
      model: "option",
      async run({ positionals, model }) {
        if (positionals.length !== 1) throw new UsageError("give one thing");
        return (await model()).name === "tiny" ? 0 : 1;
      },
    });
    await expect(command.run(["--model", "/no/such/module.mjs"], io().io)).rejects.toThrow("give one thing");
    await expect(command.run(["x", "--model", "/no/such/module.mjs"], io().io)).rejects.toThrow("cannot load model module /no/such/module.mjs");
    expect(await command.run(["x", "--model", modelModule()], io().io)).toBe(0);
  });

  it("environment() is the one --env names, else the model's default; an unknown one is a usage error", async () => {
    const command = defineCommand(spec, {
      model: "option",
      async run({ io: given, environment }) {
        const { platform, env } = await environment();
        given.out(`${platform.name}/${env.name}`);
        return 0;
      },
    });
    const model = modelModule();
    for (const [args, expected] of [[[], "tiny/lab"], [["--env", "prod"], "tiny/prod"]] as const) {
      const { io: stub, captured } = io();
      await command.run(["x", "--model", model, ...args], stub);
      expect(captured.out).toBe(expected);
    }
    await expect(command.run(["x", "--model", model, "--env", "staging"], io().io)).rejects.toThrow('unknown environment "staging"; the model has: prod, lab');
  });

  it("without --model the model is the embedded StreamForge one", async () => {
    const command = defineCommand(spec, {
      model: "option",
      async run({ io: given, model }) {
        given.out((await model()).name);
        return 0;
      },
    });
    const { io: stub, captured } = io();
    await command.run(["x"], stub);
    const { streamforge } = await import("../../src/platform/streamforge.ts");
    expect(captured.out).toBe(streamforge.name);
  });
});
