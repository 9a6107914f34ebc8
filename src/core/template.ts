/**
 * Handlebars templates of the emitters. Each is written `template(\`...\`, { ... })`: a literal
 * source and literal options, so that the bundled CLI (scripts/build-time.mjs) finds and
 * precompiles every one when it is built and carries only the Handlebars runtime. From source
 * (tests, `tsx`), a template is compiled on first use.
 */
import Handlebars from "handlebars";

/** Compile options of a template (part of what is precompiled). */
export interface TemplateOptions {
  noEscape?: boolean;
  strict?: boolean;
}

/** The template of `source`, rendered by calling it with its context. */
export function template<T>(source: string, options: TemplateOptions): (context: T) => string {
  let compiled: HandlebarsTemplateDelegate<T> | undefined;
  return (context) => (compiled ??= Handlebars.compile<T>(source, options))(context);
}
