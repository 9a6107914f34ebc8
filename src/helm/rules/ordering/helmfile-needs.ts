/**
 * `needs` of the helmfile on disk: Helmfile matches each entry against `<namespace>/<name>` of a
 * release in the same file, and a typo there is only found at `helmfile apply`. Checked on the file
 * (not the model) so a hand edit is reported at its line.
 */
import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { didYouMean } from "../../../core/diagnostics/suggest.ts";
import { isObject, type Rule } from "../../../core/lint/context.ts";

export const helmfileNeeds: Rule = {
  id: "ordering/helmfile-needs",
  description: "every `needs` entry of helmfile.yaml.gotmpl names a release of the file as <namespace>/<name>",
  check(ctx) {
    const file = ctx.files.find((f) => f.path === "helmfile.yaml.gotmpl");
    if (!file) return [];
    const out: Diagnostic[] = [];
    file.docs.forEach((data, doc) => {
      if (!isObject(data) || !Array.isArray(data.releases)) return;
      const releases = data.releases.filter(isObject);
      const known = releases.map((r) => `${String(r.namespace)}/${String(r.name)}`);
      releases.forEach((release, i) => {
        if (!Array.isArray(release.needs)) return;
        release.needs.forEach((need, j) => {
          if (typeof need === "string" && known.includes(need)) return;
          const hint = (typeof need === "string" ? didYouMean(need, known) : undefined) ?? "needs are written <namespace>/<release> of a release in this file";
          out.push(ctx.at(this.id, { file, doc, pointer: `/releases/${i}/needs/${j}` }, `release ${String(release.name)} needs ${JSON.stringify(need)}, which is no release of the helmfile`, { hint }));
        });
      });
    });
    return out;
  },
};
