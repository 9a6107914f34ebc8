/** Errors every layer may raise and the CLI maps to exit codes. */
import type { Diagnostic } from "./diagnostics/types.ts";

/** A mistake in how a command was called (exit code 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The model does not match `schema/platform.schema.json`; nothing was generated or written. */
export class InvalidModelError extends Error {
  override name = "InvalidModelError";
  constructor(readonly diagnostics: Diagnostic[]) {
    super(
      `the model is invalid (${diagnostics.length} problem(s)); nothing was written\n` +
        diagnostics.map((d) => `${d.file}: ${d.pointer || "/"}: ${d.message}${d.hint ? ` (${d.hint})` : ""}`).join("\n"),
    );
  }
}
