// Types of scripts/build-time.mjs (plain JavaScript), for the tests that use it.
export const SNAPSHOT_MODULE: string;
export const TEMPLATE_MODULE: string;
export const KINDS_MODULE: string;
export const BUNDLED_KINDS: readonly string[];
export function bundleKinds(outDir: string): Promise<void>;
export function kubernetesModelsApiVersions(root: string): string[];
export interface CatalogueSnapshot {
  text: string;
  json: string;
}
export type TemplateOptions = Record<string, boolean>;
export interface TemplateCall {
  where: string;
  source: string;
  options: TemplateOptions;
}
export interface PrecompiledTemplate extends TemplateCall {
  key: string;
  spec: string;
}
export function catalogueSnapshot(root: string, file?: string): Promise<CatalogueSnapshot | undefined>;
export function templateCalls(file: string, text: string): TemplateCall[];
export function templateKey(source: string, options: TemplateOptions): string;
export function precompiledTemplates(root: string): PrecompiledTemplate[];
export function templateModule(templates: readonly PrecompiledTemplate[]): string;
/** kubernetes-models' libraries for the prebundled kinds: the JavaScript of a `KindsRuntime` and the esbuild plugin its bundle needs. */
export interface KindsRuntimeBuild {
  source: string;
  plugin: import("esbuild").Plugin;
}
export function kindsRuntime(root: string): Promise<KindsRuntimeBuild | undefined>;
export function buildTimeData(root: string, data: { snapshot: CatalogueSnapshot | undefined; templates: readonly PrecompiledTemplate[]; kinds?: readonly string[]; runtime?: KindsRuntimeBuild }): { name: string; setup(build: unknown): void };
