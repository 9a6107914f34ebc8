import type { Rule } from "../../context.ts";
import { outsideDomain } from "./outside-domain.ts";
import { duplicateHost } from "./duplicate-host.ts";

export const hostRules: Rule[] = [outsideDomain, duplicateHost];
