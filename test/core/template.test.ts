/**
 * Emitters' Handlebars templates are precompiled when the CLI is bundled (scripts/build-time.mjs):
 * the bundle's templates must render, for what generation gives them, the text the compiled ones
 * render from source, and the build must find every template or refuse to build.
 */
import { describe, expect, it, vi } from "vitest";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { transformSync } from "esbuild";
import { precompiledTemplates, templateCalls, templateModule } from "../../scripts/build-time.mjs";

const ROOT = resolve(import.meta.dirname, "../..");

/** Each render during a test: with the bundle's template and with the one compiled from source. */
const renders = vi.hoisted(() => [] as Array<{ source: string; bundled: string; compiled: string }>);

/** The bundle's `core/template.ts`, as the build writes it, loaded as a module. */
function bundledTemplateModule(): { template: (source: string, options: object) => (context: unknown) => string } {
  const code = transformSync(templateModule(precompiledTemplates(ROOT)), { loader: "ts", format: "cjs" }).code;
  const module = { exports: {} as Record<string, unknown> };
  new Function("require", "module", "exports", code)(createRequire(import.meta.url), module, module.exports);
  return module.exports as ReturnType<typeof bundledTemplateModule>;
}

vi.mock("../../src/core/template.ts", async (importOriginal) => {
  const fromSource = await importOriginal<typeof import("../../src/core/template.ts")>();
  const bundled = bundledTemplateModule();
  return {
    template: (source: string, options: object) => {
      const compiled = fromSource.template(source, options);
      const precompiled = bundled.template(source, options);
      return (context: unknown) => {
        const text = compiled(context);
        renders.push({ source, bundled: precompiled(context), compiled: text });
        return text;
      };
    },
  };
});

describe("precompiled templates", () => {
  it("render what the compiled templates render, for every template generation uses", async () => {
    const { generate } = await import("../../src/pipeline/generate.ts");
    const { streamforge } = await import("../../src/platform/streamforge.ts");
    generate(streamforge);
    const templates = precompiledTemplates(ROOT);
    expect(templates.length).toBeGreaterThanOrEqual(2);
    // Every template the build found was rendered, and every render had a precompiled template.
    expect(new Set(renders.map((r) => r.source))).toEqual(new Set(templates.map((t) => t.source)));
    for (const { bundled, compiled } of renders) expect(bundled).toBe(compiled);
  });

  it("are found with their source as JavaScript reads it and their options", () => {
    const file = 'import { template } from "../core/template.ts";\nconst t = template(\n  `a \\`{{b}}\\` \\${c}\\n`,\n  { noEscape: true, strict: false },\n);\n';
    expect(templateCalls("x.ts", file)).toEqual([{ where: "x.ts:2", source: "a `{{b}}` ${c}\n", options: { noEscape: true, strict: false } }]);
  });

  it("refuse a template the build could not precompile", () => {
    expect(() => templateCalls("x.ts", "const t = template(source, { strict: true });")).toThrow(/x.ts:1: template\(\) takes a template literal/);
    expect(() => templateCalls("x.ts", "const t = template(`{{a}} ${b}`, { strict: true });")).toThrow(/without \$\{\} substitutions/);
    expect(() => templateCalls("x.ts", "const t = template(`{{a}}`, options);")).toThrow(/options as an object literal/);
    expect(() => templateCalls("x.ts", "const t = template(`{{a}}`, { strict: yes });")).toThrow(/"strict: yes" is not name: true\|false/);
  });
});
