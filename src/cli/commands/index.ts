import type { Command } from "../io.ts";

/** A command as `--help` lists it; its module (and what it imports) loads only when it runs. */
interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/** Every command, in the order `--help` lists them. */
export const commands: CommandEntry[] = [
  { name: "gen", summary: "write helmfile, environments, values and manifests from the model (or check them)", load: async () => (await import("./gen.ts")).gen },
  { name: "lint", summary: "check the model and the generated files: schemas, manifests, cross-layer rules", load: async () => (await import("./lint.ts")).lint },
  { name: "outdated", summary: "compare pinned chart versions with what their Helm repositories (or OCI registries) publish", load: async () => (await import("./outdated.ts")).outdated },
  { name: "pull", summary: "fetch pinned chart versions into the upstream cache (Helm repository, OCI registry, git tag, or --from)", load: async () => (await import("./pull.ts")).pull },
  { name: "bump", summary: "pin a new chart version, regenerate, re-lint and print a pull-request description", load: async () => (await import("./bump.ts")).bump },
  { name: "promote", summary: "copy pinned chart versions from one environment to another (lab -> prod)", load: async () => (await import("./promote.ts")).promote },
  { name: "cert", summary: "create a key and CSR, get the certificate from cert-manager, save and validate it (S13)", load: async () => (await import("./cert.ts")).cert },
  { name: "secrets", summary: "check the Secrets the model needs before apply, or create the platform's own with random values", load: async () => (await import("./secrets.ts")).secrets },
  { name: "dns", summary: "make Technitium DNS serve the model's zones and records (dns sync)", load: async () => (await import("./dns.ts")).dns },
  { name: "schema", summary: "derive JSON schemas: chart values, CRDs, the model (and chart value types)", load: async () => (await import("./schema.ts")).schema },
];
