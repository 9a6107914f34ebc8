import type { Command } from "../io.ts";
import { gen } from "./gen.ts";
import { lint } from "./lint.ts";
import { cert } from "./cert.ts";
import { dns } from "./dns.ts";
import { outdated } from "./outdated.ts";
import { bump } from "./bump.ts";
import { promote } from "./promote.ts";
import { schema } from "./schema.ts";

/** Every command, in the order `--help` lists them. */
export const commands: Command[] = [gen, lint, outdated, bump, promote, cert, dns, schema];
