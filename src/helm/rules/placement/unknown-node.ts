import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { didYouMean } from "../../../core/diagnostics/suggest.ts";
import type { Rule } from "../../../core/lint/context.ts";
import { nodePins } from "./node-selectors.ts";

/** A selector naming a node the environment lacks leaves the pod pending forever. */
export const unknownNode: Rule = {
  id: "placement/unknown-node",
  description: "every node selector names a node of the environment",
  aboutModel: true,
  check(ctx) {
    const names = ctx.env.nodes.map((n) => n.name);
    const out: Diagnostic[] = [];
    const hint = (node: string) => didYouMean(node, names) ?? `nodes of ${ctx.env.name}: ${names.join(", ")}`;
    // Settings of components not installed are absent, and pin nothing.
    const { kafkaUi, runner } = ctx.env.components;
    const modelPins: Array<[string, Array<string | number>]> = [
      ...(kafkaUi ? [[kafkaUi.node, ["components", "kafkaUi", "node"]] as [string, string[]]] : []),
      ...(runner ? [[runner.node, ["components", "runner", "node"]] as [string, string[]]] : []),
    ];
    for (const [node, path] of modelPins) {
      if (!names.includes(node)) out.push(ctx.model(this.id, path, `node "${node}" is not a node of ${ctx.env.name}`, { hint: hint(node) }));
    }
    if (!ctx.searchFiles) return out;
    for (const pin of nodePins(ctx)) {
      if (names.includes(pin.node)) continue;
      const message = `node selector names "${pin.node}", which is not a node of ${ctx.env.name}`;
      out.push(pin.text ? ctx.atText(this.id, pin.site, pin.text, message, { hint: hint(pin.node) }) : ctx.at(this.id, pin.site, message, { hint: hint(pin.node) }));
    }
    return out;
  },
};
