import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { isObject, type Rule } from "../../../core/lint/context.ts";

/** The tag of an image reference, or undefined when it has none (a digest counts as pinned). */
function imageTag(image: string): string | undefined {
  if (image.includes("@")) return "@digest";
  const last = image.slice(image.lastIndexOf("/") + 1);
  const colon = last.indexOf(":");
  return colon < 0 ? undefined : last.slice(colon + 1);
}

/** `latest` (or a tag left empty on purpose) redeploys whatever was pushed last. */
export const unpinnedImage: Rule = {
  id: "images/unpinned",
  description: "every image tag that is set is pinned: not empty and not latest",
  check(ctx) {
    const out: Diagnostic[] = [];
    // `site` is read for a candidate only: it builds the value's pointer.
    const visits = ctx.values();
    for (let index = 0; index < visits.length; index++) {
      const visit = visits[index]!;
      const { value, key, parent } = visit;
      // Chart style: image: {repository, tag}.
      if (key === "tag" && isObject(parent) && ("repository" in parent || "registry" in parent || "image" in parent)) {
        const tag = typeof value === "number" ? String(value) : value;
        if (tag === "" || tag === "latest") out.push(ctx.at(this.id, visit.site, `image tag is ${tag === "" ? "empty" : '"latest"'}`, { hint: "pin an exact version, or leave the key out to use the chart's appVersion" }));
      } else if (key === "image" && typeof value === "string") {
        const tag = imageTag(value);
        const inPod = visit.file.kind === "manifest";
        if (tag === "latest" || tag === "" || (tag === undefined && inPod)) {
          out.push(ctx.at(this.id, visit.site, `image "${value}" is not pinned${tag === undefined ? " (no tag means latest)" : ""}`, { hint: "use repository:version" }));
        }
      }
    }
    return out;
  },
};
