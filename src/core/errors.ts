/** Errors every layer may raise and the CLI maps to exit codes. */
import type { Diagnostic } from "./diagnostics/types.ts";

/**
 * The base of every error raised on purpose: its message is meant for a person (the CLI prints
 * it, and `hint`, without a stack trace) and `exitCode` is the code the command ends with.
 * Anything else that escapes a command is a bug, reported with exit code 2.
 *
 * Exit codes: 1 a check found problems or a change was refused, 2 a usage error or an invalid
 * model, 3 and up a command's own failures (listed in its `--help`).
 */
export class StreamforgeError extends Error {
  override name = "StreamforgeError";
  constructor(
    message: string,
    readonly exitCode: number,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** A mistake in how a command was called (exit code 2); the CLI prints the command's usage too. */
export class UsageError extends StreamforgeError {
  override name = "UsageError";
  constructor(message: string) {
    super(message, 2);
  }
}

/** The model does not match `schema/platform.schema.json`; nothing was generated or written. */
export class InvalidModelError extends StreamforgeError {
  override name = "InvalidModelError";
  constructor(readonly diagnostics: Diagnostic[]) {
    super(
      `the model is invalid (${diagnostics.length} problem(s)); nothing was written\n` +
        diagnostics.map((d) => `${d.file}: ${d.pointer || "/"}: ${d.message}${d.hint ? ` (${d.hint})` : ""}`).join("\n"),
      2,
    );
  }
}

/**
 * A release's adapter (values or manifests) threw, or returned something that is not values. It
 * names the release, its position in the model (for a pointer) and the environment; the
 * generator's callers turn it into an `InvalidModelError` against the model file, so nothing is
 * written.
 */
export class AdapterError extends StreamforgeError {
  override name = "AdapterError";
  constructor(
    readonly release: string,
    readonly releaseIndex: number,
    readonly adapter: string,
    readonly environment: string,
    problem: string,
    options?: { cause: unknown },
  ) {
    super(`adapter "${adapter}" of release "${release}" in environment ${environment} ${problem}`, 2);
    if (options) this.cause = options.cause;
  }

  /** The error as a diagnostic against the model file, pointing at the release's `adapter`. */
  diagnostic(file: string): Diagnostic {
    return { rule: "model/adapter-failed", severity: "error", file, pointer: `/releases/${this.releaseIndex}/adapter`, message: this.message, hint: "fix the adapter (it must return the chart's values for every environment the release is installed in)" };
  }
}
