/** The TOML writer behind the runner's config.toml, checked with a real parser (Python's tomllib). */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { toToml } from "../../../src/helm/charts/toml.ts";

function parseToml(text: string): unknown {
  const script = "import json, sys, tomllib; print(json.dumps(tomllib.loads(sys.stdin.read())))";
  return JSON.parse(execFileSync("python3", ["-c", script], { input: text, encoding: "utf8" }));
}

describe("toToml", () => {
  it("round-trips tables, arrays of tables, quoted keys and escaped strings", () => {
    const data = {
      top: 1,
      runners: [
        {
          executor: "kubernetes",
          kubernetes: {
            "node.label/x": 'a "quoted" \\ value\nnext',
            flags: ["a", "b"],
            on: true,
            volumes: { secret: [{ name: "s1" }, { name: "s2" }] },
          },
        },
      ],
    };
    expect(parseToml(toToml(data))).toEqual(data);
  });

  it("leaves out undefined members", () => {
    expect(parseToml(toToml({ a: "x", b: undefined }))).toEqual({ a: "x" });
  });
});
