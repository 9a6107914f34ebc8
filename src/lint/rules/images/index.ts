import type { Rule } from "../../context.ts";
import { unpinnedImage } from "./unpinned.ts";

export const imageRules: Rule[] = [unpinnedImage];
