// The API reference (docs/api/) from the JSDoc of the package's public entry points.
// `npm run docs:api` writes it; test/docs/api.test.ts fails when it is stale.
import { OptionDefaults } from "typedoc";

/** @type {Partial<import("typedoc").TypeDocOptions & import("typedoc-plugin-markdown").PluginOptions>} */
export default {
  entryPoints: ["src/index.ts", "src/service-kit/index.ts"],
  tsconfig: "tsconfig.json",
  plugin: ["typedoc-plugin-markdown"],
  out: "docs/api",
  readme: "none",
  // No source links: they carry line numbers, which would make every edit a docs change.
  disableSources: true,
  excludePrivate: true,
  hideGenerator: true,
  cleanOutputDir: true,
  entryFileName: "README.md",
  outputFileStrategy: "modules",
  // Type errors are `npm run typecheck`'s job; skipping the check keeps this fast.
  skipErrorChecking: true,
  // The model's JSON-schema annotations (ts-json-schema-generator) are documentation too.
  blockTags: [...OptionDefaults.blockTags, "@pattern", "@asType", "@minimum", "@maximum", "@maxLength"],
  logLevel: "Warn",
};
