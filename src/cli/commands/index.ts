import type { Command } from "../io.ts";
import { gen } from "./gen.ts";

/** Every command, in the order `--help` lists them. */
export const commands: Command[] = [gen];
