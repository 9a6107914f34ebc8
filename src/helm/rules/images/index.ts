import type { Rule } from "../../../core/lint/context.ts";
import { unpinnedImage } from "./unpinned.ts";

export const imageRules: Rule[] = [unpinnedImage];
