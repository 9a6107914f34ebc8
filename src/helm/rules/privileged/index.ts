import type { Rule } from "../../../core/lint/context.ts";
import { privilegedException } from "./exception.ts";

export const privilegedRules: Rule[] = [privilegedException];
