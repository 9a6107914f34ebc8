import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import type { Environment } from "../../../core/model/types.ts";
import type { Rule } from "../../../core/lint/context.ts";

/** TOML in chart config text (gitlab-runner's `runners.config`). */
const TOML_PRIVILEGED = /^\s*privileged\s*=\s*true\b/m;

/**
 * Releases the model allows to run privileged containers, with the reason. Today only the CI
 * runner (S29) declares one.
 */
function privilegedExceptions(env: Environment): Map<string, string> {
  const out = new Map<string, string>();
  const runner = env.components.runner;
  if (runner?.privileged && runner.privilegedReason.trim() !== "") out.set("gitlab-runner", runner.privilegedReason);
  return out;
}

/** Privileged containers own the node; each one is a decision the model must state. */
export const privilegedException: Rule = {
  id: "privileged/exception",
  description: "privileged containers only where the model declares an exception with a reason (reported as a warning)",
  aboutModel: true,
  check(ctx) {
    const allowed = privilegedExceptions(ctx.env);
    const out: Diagnostic[] = [];
    const visits = ctx.searchFiles ? ctx.values() : [];
    for (let index = 0; index < visits.length; index++) {
      const visit = visits[index]!;
      const { value, key } = visit;
      // Every match contains the word: a search for it first spares the regex most strings.
      const inText = typeof value === "string" && value.includes("privileged") && TOML_PRIVILEGED.test(value);
      if (!inText && !(key === "privileged" && value === true)) continue;
      const { site } = visit;
      const release = site.file.release?.name;
      const reason = release ? allowed.get(release) : undefined;
      const report = (message: string, options: { hint?: string; severity?: "warning" }) =>
        inText ? ctx.atText(this.id, site, /privileged\s*=\s*true/, message, options) : ctx.at(this.id, site, message, options);
      if (reason) out.push(report(`${release} runs privileged containers: ${reason}`, { severity: "warning" }));
      else out.push(report(`privileged container in ${release ?? site.file.path} without an exception in the model`, { hint: "drop privileged, or declare the exception and its reason in the model" }));
    }
    const runner = ctx.env.components.runner;
    if (runner?.privileged && runner.privilegedReason.trim() === "") {
      out.push(ctx.model(this.id, ["components", "runner", "privilegedReason"], "the runner is privileged but the model gives no reason", { hint: "state why in components.runner.privilegedReason" }));
    }
    return out;
  },
};
