import type { Rule } from "../../../core/lint/context.ts";
import { literalSecret } from "./literal-secret.ts";

export const secretRules: Rule[] = [literalSecret];
