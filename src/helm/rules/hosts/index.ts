import type { Rule } from "../../../core/lint/context.ts";
import { outsideDomain } from "./outside-domain.ts";
import { duplicateHost } from "./duplicate-host.ts";

export const hostRules: Rule[] = [outsideDomain, duplicateHost];
