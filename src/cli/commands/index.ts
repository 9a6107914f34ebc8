import type { Command } from "../io.ts";
import { gen } from "./gen.ts";
import { cert } from "./cert.ts";

/** Every command, in the order `--help` lists them. */
export const commands: Command[] = [gen, cert];
