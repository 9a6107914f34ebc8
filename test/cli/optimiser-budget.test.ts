/**
 * The CLI raises V8's optimisation budget for its own process, unless the user chose one: a
 * `--interrupt-budget` given to node, directly or through NODE_OPTIONS, is theirs to keep.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as v8 from "node:v8";
import { optimiseLater } from "../../src/cli/optimiser-budget.ts";

vi.mock("node:v8", () => ({ setFlagsFromString: vi.fn() }));

describe("optimiseLater", () => {
  beforeEach(() => vi.mocked(v8.setFlagsFromString).mockClear());

  it("sets a budget above V8's default (66 KB) when the user set none", () => {
    optimiseLater(["--enable-source-maps"], "--max-old-space-size=512");
    expect(v8.setFlagsFromString).toHaveBeenCalledTimes(1);
    const [flag] = vi.mocked(v8.setFlagsFromString).mock.calls[0]!;
    const budget = Number(/^--interrupt-budget=(\d+)$/.exec(flag)?.[1]);
    expect(budget).toBeGreaterThan(66 * 1024);
  });

  it("keeps a budget given on node's command line", () => {
    optimiseLater(["--interrupt-budget=1000"], undefined);
    optimiseLater(["--interrupt_budget=1000"], undefined);
    expect(v8.setFlagsFromString).not.toHaveBeenCalled();
  });

  it("keeps a budget given in NODE_OPTIONS", () => {
    optimiseLater([], "--max-old-space-size=512 --interrupt-budget=1000");
    expect(v8.setFlagsFromString).not.toHaveBeenCalled();
  });
});
