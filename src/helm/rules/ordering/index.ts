import type { Rule } from "../../../core/lint/context.ts";
import { crdNeeds } from "./crd-needs.ts";
import { needsCycle } from "./needs-cycle.ts";

export const orderingRules: Rule[] = [crdNeeds, needsCycle];
