/**
 * The public surface of @streamforge/platform: the model types, the embedded StreamForge model,
 * the derived-fact helpers other repositories reuse, and the generator.
 *
 * The service kit is the subpath `@streamforge/platform/service-kit`; the JSON schemas are
 * `@streamforge/platform/schema/*`.
 *
 * @packageDocumentation
 */
export type {
  Platform,
  Environment,
  Network,
  ClusterSpec,
  ClusterNode,
  NodeRole,
  VmSpec,
  ProxmoxSpec,
  ProxmoxHost,
  StorageClass,
  ExternalHost,
  SecretRef,
  ChartRef,
  Release,
  WebUi,
  TcpRoute,
  IngressSpec,
  Components,
  IpRange,
  IPv4,
  Cidr,
  Quantity,
  VersionPin,
  DnsLabel,
  Fqdn,
  Port,
  Count,
  CompleteEnvironment,
  CompletePlatform,
  CertificatePolicy,
  ChartFacts,
  CiService,
  CiSpec,
  ContainerImage,
  GitlabPredefinedVariable,
  GitRepository,
} from "./model/types.ts";
export type { Plan } from "./write/writer.ts";
export type { Drift } from "./write/drift.ts";
export type { RenderOptions as DiagnosticRenderOptions } from "./diagnostics/render.ts";
export type { SubchartInput } from "./schema/derive.ts";
export { applyOverride, type Override } from "./model/override.ts";
export { settingsOf, settingsOfAdapter, missingSettings, MissingSettingsError, type ComponentKey } from "./model/components.ts";
export {
  hostOf,
  webHosts,
  apiFqdn,
  nameservers,
  namespaceOf,
  releaseOf,
  isEnabled,
  serviceHost,
  kafkaBootstrap,
  mailRelay,
  oidcIssuer,
  nodeOf,
  onNode,
  defaultStorageClass,
  type Context,
} from "./model/derive.ts";
export { streamforge, prod, lab } from "./platform/streamforge.ts";
export { chartVersions, images, softwareVersions } from "./platform/versions.ts";
export { generate, type GenerateOptions } from "./pipeline/generate.ts";
export type { FileRecord } from "./emit/files.ts";
export { runGen, render, UsageError, InvalidModelError, type GenOptions, type GenResult } from "./pipeline/gen.ts";
export { validateModel } from "./check/model-schema.ts";
export { deriveValuesSchema, type ChartOverrides, type DeriveInput, type JsonSchema } from "./schema/derive.ts";
export { crdSchemasOf, type CrdSchema } from "./schema/crds.ts";
export { loadChartSchema, loadCrdSchema, compileSchema } from "./schema/index.ts";
export type { Diagnostic, Severity, Position } from "./diagnostics/types.ts";
export { lint, ruleCatalogue, type LintOptions } from "./lint/index.ts";
export { render as renderDiagnostics, FORMATS as DIAGNOSTIC_FORMATS, type Format as DiagnosticFormat } from "./diagnostics/render.ts";
