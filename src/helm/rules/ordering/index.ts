import type { Rule } from "../../../core/lint/context.ts";
import { crdNeeds } from "./crd-needs.ts";
import { needsCycle } from "./needs-cycle.ts";
import { helmfileNeeds } from "./helmfile-needs.ts";

export const orderingRules: Rule[] = [crdNeeds, needsCycle, helmfileNeeds];
