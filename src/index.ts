/**
 * The public surface of @streamforge/platform: the model types, the embedded StreamForge model,
 * the derived-fact helpers other repositories reuse, the generator, and the extension point for
 * releases a consumer defines itself (`defineAdapter`, `defineManifests`, `extendPlatform`,
 * `withAdapters`).
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
} from "./core/model/types.ts";
export type { Plan } from "./core/write/writer.ts";
export type { Drift } from "./core/write/drift.ts";
export type { RenderOptions as DiagnosticRenderOptions } from "./core/diagnostics/render.ts";
export type { SubchartInput } from "./core/schema/derive.ts";
export { applyOverride, type Override } from "./core/model/override.ts";
export { settingsOf, settingsOfAdapter, MissingSettingsError, type ComponentKey } from "./core/model/components.ts";
export { missingSettings } from "./core/check/model-meaning.ts";
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
} from "./core/model/derive.ts";
export { streamforge, prod, lab } from "./platform/streamforge.ts";
export { chartVersions, images, softwareVersions } from "./platform/versions.ts";
export { generate, type GenerateOptions } from "./pipeline/generate-checked.ts";
export type { FileRecord } from "./core/files.ts";
export { runGen, render, writeRecords, type GenOptions, type GenResult } from "./pipeline/gen.ts";
export { UsageError, InvalidModelError, AdapterError } from "./core/errors.ts";
export {
  defineAdapter,
  defineManifests,
  withAdapters,
  extendPlatform,
  adaptersOf,
  AdapterDefinitionError,
  PLATFORM_ADAPTERS,
  type AdapterDefinition,
  type AdapterFunction,
  type AdapterContext,
  type ValuesAdapterDefinition,
  type ManifestAdapterDefinition,
  type ManifestBuilderContext,
  type ManifestObject,
  type ValuesSchema,
  type SchemaSource,
  type ChartSource,
  type ReleaseDefinition,
  type AdapterContract,
  type AdapterContractSource,
  type ContractContext,
  type ContractObjectKind,
  type ValuesPointer,
  type ValuesReferenceDeclaration,
  type StorageClaimDeclaration,
  type CreatedObjectDeclaration,
  type CaSettingDeclaration,
  type RenderedKindDeclaration,
  type PrerequisiteDeclaration,
  type PrerequisiteKeyDeclaration,
} from "./core/model/extensions.ts";
export { validateModel } from "./pipeline/validate.ts";
export { deriveValuesSchema, type ChartOverrides, type DeriveInput, type JsonSchema } from "./core/schema/derive.ts";
export { crdSchemasOf, type CrdSchema } from "./core/schema/crds.ts";
export { loadChartSchema, loadCrdSchema, compileSchema } from "./core/schema/index.ts";
export type { Diagnostic, Severity, Position } from "./core/diagnostics/types.ts";
export { lint, ruleCatalogue, type LintOptions } from "./pipeline/lint.ts";
export { render as renderDiagnostics, FORMATS as DIAGNOSTIC_FORMATS, type Format as DiagnosticFormat } from "./core/diagnostics/render.ts";
