/**
 * `secrets/literal` finds credentials by their shape in any file's text. Each shape is first
 * sought as a plain text every match contains, then as its pattern: a token of every shape,
 * written by hand into a CI template, must still be found, each at its own line.
 */
import { describe, expect, it } from "vitest";
import { lineOf, lintCase } from "../../support/lint.ts";

const CI = "gitlab-ci/.gitlab-ci.yml";
const TOKENS: Array<[string, RegExp]> = [
  ["glpat-Zx9vQ2mB7nL4kR1tY8wE", /GitLab personal access token/],
  ["glrt-Ab3dEf6hIj9kLm2nOp5q", /GitLab runner token/],
  [`ghp_${"a1B2c3D4e5".repeat(4)}`, /GitHub token/],
  ["AKIAIOSFODNN7EXAMPLE", /AWS access key id/],
  ["xoxb-1234567890-abcdef", /Slack token/],
  [`123456789:AA${"x".repeat(33)}`, /Telegram bot token/],
  ["-----BEGIN OPENSSH PRIVATE KEY-----", /private key/],
];

describe("secrets/literal on credential shapes", () => {
  it("finds a token of every shape in a hand-edited file, at its line", async () => {
    const comments = TOKENS.map(([token]) => `# pasted: ${token}\n`).join("");
    const { diagnostics, tree } = await lintCase({ name: "shapes", rule: "secrets/literal", edit: { [CI]: (text) => text + comments }, expect: { file: CI } });
    const text = tree.get(CI)!;
    const found = diagnostics.filter((d) => d.rule === "secrets/literal" && d.file === CI);
    for (const [token, what] of TOKENS) {
      expect(found.filter((d) => what.test(d.message)).map((d) => d.position?.line), token).toEqual([lineOf(text, token)]);
    }
  });

  it.each(["ghp", "gho", "ghu", "ghs", "ghr"])("finds a GitHub token with the prefix %s_, at its line", async (prefix) => {
    // The file is searched for each prefix before the pattern runs: a prefix left out of that
    // search would hide its tokens.
    const token = `${prefix}_${"Q7w8E9r0T1".repeat(4)}`;
    const { diagnostics, tree } = await lintCase({ name: `github-${prefix}`, rule: "secrets/literal", edit: { [CI]: (text) => `${text}# pasted: ${token}\n` }, expect: { file: CI } });
    const lines = diagnostics.filter((d) => d.rule === "secrets/literal" && d.file === CI && /GitHub token/.test(d.message)).map((d) => d.position?.line);
    expect(lines).toEqual([lineOf(tree.get(CI)!, token)]);
  });
});
