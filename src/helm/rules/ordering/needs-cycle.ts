import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { toPointer } from "../../../core/diagnostics/locate.ts";
import { didYouMean } from "../../../core/diagnostics/suggest.ts";
import type { LintContext, Rule } from "../../../core/lint/context.ts";

/** Helmfile refuses a `needs` graph with a cycle or an unknown release. */
export const needsCycle: Rule = {
  id: "ordering/needs-cycle",
  description: "release needs name existing releases and form no cycle",
  aboutModel: true,
  check(ctx) {
    // The same in every environment (the platform's releases): found once per run.
    return ctx.output.once(this.id, () => needsFindings(ctx, this.id));
  },
};

function needsFindings(ctx: LintContext, rule: string): Diagnostic[] {
  const { platform } = ctx;
  const names = platform.releases.map((r) => r.name);
  const out: Diagnostic[] = [];
  const at = (i: number, j: number | undefined, message: string, hint: string): Diagnostic => ({
    rule,
    severity: "error",
    message,
    file: ctx.modelFile,
    pointer: toPointer(j === undefined ? ["releases", i, "needs"] : ["releases", i, "needs", j]),
    hint,
  });
  platform.releases.forEach((r, i) =>
    r.needs.forEach((n, j) => {
      if (!names.includes(n)) out.push(at(i, j, `release ${r.name} needs "${n}", which is not a release`, didYouMean(n, names) ?? "name an existing release"));
    }),
  );
  const state = new Map<string, "visiting" | "done">();
  const reported = new Set<string>();
  const visit = (name: string, path: string[]): void => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") {
      const cycle = [...path.slice(path.indexOf(name)), name];
      const key = [...cycle].sort().join(",");
      if (!reported.has(key)) {
        reported.add(key);
        const i = names.indexOf(name);
        out.push(at(i, undefined, `needs form a cycle: ${cycle.join(" -> ")}`, "remove one of these needs"));
      }
      return;
    }
    state.set(name, "visiting");
    for (const n of platform.releases.find((r) => r.name === name)?.needs ?? []) if (names.includes(n)) visit(n, [...path, name]);
    state.set(name, "done");
  };
  for (const name of names) visit(name, []);
  return out;
}
