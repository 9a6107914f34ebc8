#!/usr/bin/env node
/** Entry point from source (`node --import tsx src/cli/main.ts`); the bundled CLI starts at `bundle.ts`. */
import { runProcess } from "./process.ts";

await runProcess();
