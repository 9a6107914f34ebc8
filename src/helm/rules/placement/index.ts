import type { Rule } from "../../../core/lint/context.ts";
import { unknownNode } from "./unknown-node.ts";
import { gpuNode } from "./gpu-node.ts";

export const placementRules: Rule[] = [unknownNode, gpuNode];
