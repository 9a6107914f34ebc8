/** Where workloads are pinned to nodes: host name selectors and affinities in values, manifests and chart config text. */
import { isObject, type RuleContext, type Site } from "../../../core/lint/context.ts";

const HOSTNAME_LABEL = "kubernetes.io/hostname";

interface NodePin {
  node: string;
  site: Site;
  /** The object that holds the selector (a pod spec, a chart values block). */
  holder: unknown;
  /** Set when the pin is inside a config string; the line to point at. */
  text?: RegExp;
}

/** TOML in chart config strings (gitlab-runner): `"kubernetes.io/hostname" = "k2w-9"`. */
const TOML_PIN = /"kubernetes\.io\/hostname"\s*=\s*"([^"]*)"/g;

/** Per context: the placement rules ask for the pins of the same environment, gpu-node once per GPU pod. */
const pinCache = new WeakMap<RuleContext, NodePin[]>();

export function nodePins(ctx: RuleContext): NodePin[] {
  let found = pinCache.get(ctx);
  if (!found) pinCache.set(ctx, (found = findNodePins(ctx)));
  return [...found];
}

function findNodePins(ctx: RuleContext): NodePin[] {
  const out: NodePin[] = [];
  const visits = ctx.values();
  for (let index = 0; index < visits.length; index++) {
    const visit = visits[index]!;
    const { value, key, parent } = visit;
    if (key === HOSTNAME_LABEL && typeof value === "string") out.push({ node: value, site: visit.site, holder: parent });
    else if (isObject(value) && value.key === HOSTNAME_LABEL && Array.isArray(value.values) && (value.operator === "In" || value.operator === undefined)) {
      const { site } = visit;
      value.values.forEach((node, i) => typeof node === "string" && out.push({ node, site: { ...site, pointer: `${site.pointer}/values/${i}` }, holder: value }));
    } else if (typeof value === "string" && value.includes(HOSTNAME_LABEL)) {
      for (const match of value.matchAll(TOML_PIN)) out.push({ node: match[1] ?? "", site: visit.site, holder: parent, text: new RegExp(`"kubernetes\\.io/hostname"\\s*=\\s*"${(match[1] ?? "").replace(/[^\w-]/g, "\\$&")}"`) });
    }
  }
  return out;
}
