import type { Rule } from "../../../core/lint/context.ts";
import { unknownClass } from "./unknown-class.ts";
import { rwxClass } from "./rwx-class.ts";
import { invalidSize } from "./invalid-size.ts";

export const storageRules: Rule[] = [unknownClass, rwxClass, invalidSize];
