import type { Rule } from "../../context.ts";
import { privilegedException } from "./exception.ts";

export const privilegedRules: Rule[] = [privilegedException];
