/** Where `gen` writes to: a bad --out fails at once with its name; a closed pipe ends quietly. */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, tempDir } from "../support/cli.ts";

const MINI = "test/fixtures/models/mini.ts";

describe("gen --out is checked before anything is generated or written", () => {
  it("a folder that cannot be created (/proc/x) is a usage error naming it", async () => {
    const result = await cli(["gen", "--model", MINI, "--out", "/proc/streamforge-x"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--out /proc/streamforge-x: cannot create the output directory");
  });

  it("a file is not a folder", async () => {
    const file = join(tempDir(), "plain");
    writeFileSync(file, "x");
    const result = await cli(["gen", "--model", MINI, "--out", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--out ${file}: not a directory`);
  });
});

describe("gen --stdout into a reader that stops early", () => {
  it("ends with exit 0 and no EPIPE stack trace when the pipe closes (gen --stdout | head -1)", () => {
    // The embedded model's output (far more than a pipe buffer) into `head`, as a user would.
    const run = spawnSync("bash", ["-c", `"${process.execPath}" --import tsx src/cli/main.ts gen --stdout | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`], { encoding: "utf8" });
    expect(run.stdout).toMatch(/^# ==> \S+ <==\n$/);
    expect(run.stderr).not.toMatch(/EPIPE|Error/);
    expect(run.stderr).toContain("exit=0");
  });
});
