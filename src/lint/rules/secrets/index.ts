import type { Rule } from "../../context.ts";
import { literalSecret } from "./literal-secret.ts";

export const secretRules: Rule[] = [literalSecret];
