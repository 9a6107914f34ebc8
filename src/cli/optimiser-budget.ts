/**
 * How soon V8 optimises hot code in a CLI run. A run lives a second or two; with V8's default
 * budget its optimising compiler (TurboFan, on helper threads) compiles hundreds of functions
 * the run soon stops needing, and that compilation grows with the model: on the 50-environment
 * bench model it was 0.8 s of gen's 2.2 s CPU and 2.3 s of lint's 4.8 s, on a machine of 2 cores
 * where the main thread needs one of them. With 8 times the default budget only what stays hot
 * is optimised: the helper threads' CPU fell to 0.34 s (gen) and 1.0 s (lint), the main thread's
 * stayed as it was (medians of 5, per thread; `npm run bench` prints the totals). Output is the
 * same: this is when code is optimised, not what it does.
 */
import { setFlagsFromString } from "node:v8";

/** In bytes of bytecode run between profiler ticks; V8's default is 66 KB (`node --v8-options`). */
const INTERRUPT_BUDGET = 512 * 1024;

/**
 * Raises the budget for this process (for every function not optimised yet). A budget the user
 * chose (`node --interrupt-budget=…`, or in NODE_OPTIONS) is kept.
 */
export function optimiseLater(execArgv: readonly string[], nodeOptions: string | undefined): void {
  if ([...execArgv, ...(nodeOptions ?? "").split(/\s+/)].some((arg) => /^--interrupt[-_]budget\b/.test(arg))) return;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
