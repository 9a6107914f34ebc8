/**
 * Every command ends a usage error with exit code 2 and its usage text, before touching any file:
 * an unknown option for each command, and for `bump` arguments that name nothing.
 */
import { describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { cli } from "../support/cli.ts";
import { commands } from "../../src/cli/commands/index.ts";

const REPO = resolve(import.meta.dirname, "../..");

describe("usage errors exit 2", () => {
  it.each(commands.map((c) => [c.name]))("%s --no-such-option", async (name) => {
    const result = await cli([name, "--no-such-option"], REPO);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`streamforge ${name}:`);
    expect(result.stderr).toContain("Usage: streamforge");
  });

  it.each([
    ["an unknown release", ["bump", "no-such-release", "1.2.3"], 'release "no-such-release" is not a chart release'],
    ["an unknown environment", ["bump", "metallb", "0.14.10", "--env", "staging"], 'unknown environment "staging"'],
    ["a version that is not exact", ["bump", "metallb", "latest"], '"latest" is not an exact version'],
  ])("bump with %s (nothing is written)", async (_what, args, message) => {
    const result = await cli(args, REPO);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe("");
  });

  it("pull --repo-url with an alias that is an Object.prototype member (nothing is pulled)", async () => {
    const result = await cli(["pull", "metallb", "--repo-url", "toString=http://127.0.0.1:9/"], REPO);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no Helm repository alias "toString"');
  });

  it("outdated --repo-url with an alias the model lacks (no repository is asked)", async () => {
    const result = await cli(["outdated", "--repo-url", "no-such-alias=http://127.0.0.1:9/"], REPO);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no Helm repository alias "no-such-alias"');
  });
});
