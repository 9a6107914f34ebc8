/**
 * Charts in OCI registries, fetched as Helm fetches them (helm/helm v3.19.5, pkg/registry/): the
 * registry HTTP API v2 gives the manifest of the chart's tag, the manifest names the chart
 * archive as a layer of Helm's chart media type, and the archive is the blob of that digest.
 * The manifest's digest is what the lock file records; the blob is checked against the layer's
 * digest and size. Registries that want a token for anonymous pulls get one by the bearer-token
 * flow (a 401 names the token service); credentials are never taken.
 *
 * Only reading is done here, so no code or media type of Helm's pushing side is needed.
 */
import { createHash } from "node:crypto";
import { parseOciRepositoryUrl } from "../core/model/oci-url.ts";
import { DEFAULT_FETCH, FetchError, fetchAnswer, type FetchOptions, type HttpAnswer } from "./fetch.ts";

export const OCI_SCHEME = "oci://";
/** The manifest media type Helm pushes charts with (OCI image manifest). */
export const OCI_MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
/** Media types as helm/helm pkg/registry/constants.go names them. */
export const HELM_CONFIG_MEDIA_TYPE = "application/vnd.cncf.helm.config.v1+json";
export const HELM_CHART_LAYER_MEDIA_TYPE = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
/** Charts pushed by Helm before 3.8 carry this layer type; Helm still reads it (with a warning). */
export const HELM_LEGACY_CHART_LAYER_MEDIA_TYPE = "application/tar+gzip";

/** Whether a repository URL names an OCI registry path rather than a Helm repository. */
export const isOciUrl = (url: string): boolean => url.startsWith(OCI_SCHEME);

/**
 * OCI tags cannot hold `+`: Helm pushes a chart version's build metadata with `_` instead and
 * reads it back the other way (helm/helm pkg/registry/reference.go, client.go `Tags`).
 */
export const ociTag = (version: string): string => version.replaceAll("+", "_");
export const versionOfTag = (tag: string): string => tag.replaceAll("_", "+");

/** A repository inside a registry: `ghcr.io` and `org/charts/metallb`. */
export interface OciRepository {
  registry: string;
  repository: string;
}

/** A failure of one registry request, for a person: the chart reference and one line of reason. */
export class OciError extends Error {
  override name = "OciError";
  constructor(
    readonly reference: string,
    readonly reason: string,
  ) {
    super(`${reference}: ${reason}`);
  }
}

/** The OCI repository of `chart` under the registry path `url` (`oci://ghcr.io/org/charts`). */
export function chartRepository(url: string, chart: string): OciRepository {
  const parsed = parseOciRepositoryUrl(url);
  if (!parsed) throw new OciError(url, "expected oci://<registry host>[:port]/<path>, the path in lowercase without tag or digest");
  return { registry: parsed.registry, repository: parsed.path ? `${parsed.path}/${chart}` : chart };
}

/** `oci://registry/repository[:tag]`, as Helm writes a chart reference. */
export const referenceOf = (repo: OciRepository, tag?: string): string => `${OCI_SCHEME}${repo.registry}/${repo.repository}${tag === undefined ? "" : `:${tag}`}`;

/**
 * The registry's API base: https, but plain http for a registry on the loopback interface, as
 * Docker treats `localhost` registries (a local registry or a test serves no certificate).
 */
export function apiBase(registry: string): string {
  const host = registry.replace(/:\d+$/, "");
  const loopback = host === "localhost" || /^127\.\d+\.\d+\.\d+$/.test(host) || host === "[::1]";
  return `${loopback ? "http" : "https"}://${registry}/v2`;
}

/** The parameters of a `WWW-Authenticate: Bearer realm="..",service="..",scope=".."` challenge. */
export function bearerChallenge(header: string | null): Record<string, string> | undefined {
  const match = header?.match(/^\s*Bearer\s+(.*)$/i);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const m of match[1]!.matchAll(/([a-zA-Z_]+)\s*=\s*(?:"([^"]*)"|([^,\s]*))/g)) params[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? "";
  return params.realm ? params : undefined;
}

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
}

export interface OciManifest {
  schemaVersion: number;
  mediaType?: string;
  config: Descriptor;
  layers: Descriptor[];
}

/** What a chart pull gives: the chart archive and the digests that pin it. */
export interface OciChart {
  /** `oci://registry/repository:tag`. */
  reference: string;
  /** `sha256:<hex>` of the manifest bytes (what `helm pull` prints as Digest). */
  manifestDigest: string;
  /** `sha256:<hex>` of the chart archive, the layer's digest. */
  chartDigest: string;
  archive: Buffer;
}

const sha256 = (bytes: Buffer) => `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** The error codes of a registry's JSON error body (`{"errors":[{"code":"MANIFEST_UNKNOWN"}]}`), if any. */
function errorCodes(answer: HttpAnswer): string {
  try {
    const body = JSON.parse(answer.body.toString("utf8")) as { errors?: Array<{ code?: unknown }> };
    const codes = (body.errors ?? []).map((e) => e.code).filter((c): c is string => typeof c === "string");
    return codes.length ? ` (${codes.join(", ")})` : "";
  } catch {
    return "";
  }
}

function isDescriptor(value: unknown): value is Descriptor {
  const d = value as Descriptor | null;
  return d !== null && typeof d === "object" && typeof d.mediaType === "string" && typeof d.digest === "string" && typeof d.size === "number";
}

/**
 * A client of registries' API v2 for one `pull` or `outdated` run: it keeps the tokens it was
 * given, by token service and scope, so several charts of one registry ask once.
 */
export class OciClient {
  private readonly tokens = new Map<string, string>();
  constructor(private readonly fetch: FetchOptions = DEFAULT_FETCH) {}

  /** GETs an API path of `repo`, answering a bearer challenge once with an anonymous token. */
  private async get(repo: OciRepository, path: string, reference: string, accept?: string): Promise<HttpAnswer> {
    const url = `${apiBase(repo.registry)}/${repo.repository}/${path}`;
    const headers: Record<string, string> = accept ? { accept } : {};
    const scope = `repository:${repo.repository}:pull`;
    const key = `${repo.registry} ${scope}`;
    const ask = async (token?: string) => {
      try {
        return await fetchAnswer(url, this.fetch, token ? { ...headers, authorization: `Bearer ${token}` } : headers);
      } catch (error) {
        if (error instanceof FetchError) throw new OciError(reference, error.message);
        throw error;
      }
    };
    const cached = this.tokens.get(key);
    let answer = await ask(cached);
    if (answer.status === 401) {
      const challenge = bearerChallenge(answer.headers.get("www-authenticate"));
      if (!challenge) throw new OciError(reference, `the registry refused an anonymous pull (HTTP 401${/^\s*basic/i.test(answer.headers.get("www-authenticate") ?? "") ? ", it asks for a password" : ", no bearer challenge"}); pull takes no credentials`);
      const token = await this.token(challenge, scope, reference);
      this.tokens.set(key, token);
      answer = await ask(token);
      if (answer.status === 401 || answer.status === 403) throw new OciError(reference, `the registry refused the anonymous token of ${challenge.realm} (HTTP ${answer.status}${errorCodes(answer)})`);
    }
    if (answer.status === 403) throw new OciError(reference, `the registry refused an anonymous pull (HTTP 403${errorCodes(answer)}); pull takes no credentials`);
    return answer;
  }

  /** An anonymous token from the challenge's realm (Docker's token protocol: `token` or `access_token`). */
  private async token(challenge: Record<string, string>, scope: string, reference: string): Promise<string> {
    const realm = new URL(challenge.realm!);
    if (challenge.service) realm.searchParams.set("service", challenge.service);
    realm.searchParams.set("scope", challenge.scope ?? scope);
    let answer: HttpAnswer;
    try {
      answer = await fetchAnswer(realm.href, this.fetch, { accept: "application/json" });
    } catch (error) {
      if (error instanceof FetchError) throw new OciError(reference, `token service ${error.message}`);
      throw error;
    }
    if (answer.status !== 200) throw new OciError(reference, `the token service ${realm.origin}${realm.pathname} refused an anonymous token (HTTP ${answer.status}); pull takes no credentials`);
    let body: { token?: unknown; access_token?: unknown };
    try {
      body = JSON.parse(answer.body.toString("utf8")) as typeof body;
    } catch {
      throw new OciError(reference, `the token service ${realm.origin}${realm.pathname} answered no JSON`);
    }
    const token = typeof body.token === "string" && body.token ? body.token : typeof body.access_token === "string" && body.access_token ? body.access_token : undefined;
    if (!token) throw new OciError(reference, `the token service ${realm.origin}${realm.pathname} answered without a token`);
    return token;
  }

  /** The manifest of `tag` and its digest, checked to be an OCI image manifest. */
  async manifest(repo: OciRepository, tag: string): Promise<{ manifest: OciManifest; digest: string }> {
    const reference = referenceOf(repo, tag);
    const answer = await this.get(repo, `manifests/${encodeURIComponent(tag)}`, reference, OCI_MANIFEST_MEDIA_TYPE);
    if (answer.status === 404) throw new OciError(reference, `no such tag${errorCodes(answer)}`);
    if (answer.status !== 200) throw new OciError(reference, `the registry answered HTTP ${answer.status}${errorCodes(answer)}`);
    const digest = sha256(answer.body);
    const said = answer.headers.get("docker-content-digest");
    if (said && DIGEST.test(said) && said !== digest) throw new OciError(reference, `the manifest's bytes have digest ${digest}, the registry says ${said}`);
    let manifest: OciManifest;
    try {
      manifest = JSON.parse(answer.body.toString("utf8")) as OciManifest;
    } catch {
      throw new OciError(reference, "the manifest is not JSON");
    }
    const type = manifest.mediaType ?? answer.headers.get("content-type")?.split(";")[0]!.trim();
    if (type !== OCI_MANIFEST_MEDIA_TYPE) throw new OciError(reference, `wrong media type: the manifest is ${type ?? "untyped"}, not ${OCI_MANIFEST_MEDIA_TYPE}`);
    if (manifest.schemaVersion !== 2 || !isDescriptor(manifest.config) || !Array.isArray(manifest.layers) || !manifest.layers.every(isDescriptor)) {
      throw new OciError(reference, "the manifest lacks schemaVersion 2, a config or its layers");
    }
    return { manifest, digest };
  }

  /** A blob's bytes, checked against its descriptor's digest and size. */
  async blob(repo: OciRepository, descriptor: Descriptor, reference: string): Promise<Buffer> {
    if (!DIGEST.test(descriptor.digest)) throw new OciError(reference, `layer digest ${descriptor.digest} is not sha256:<64 hex digits>`);
    const answer = await this.get(repo, `blobs/${descriptor.digest}`, reference);
    if (answer.status === 404) throw new OciError(reference, `the registry has no blob ${descriptor.digest}${errorCodes(answer)}`);
    if (answer.status !== 200) throw new OciError(reference, `blob ${descriptor.digest}: the registry answered HTTP ${answer.status}${errorCodes(answer)}`);
    const digest = sha256(answer.body);
    if (digest !== descriptor.digest) throw new OciError(reference, `digest mismatch: the blob served for ${descriptor.digest} has ${digest}`);
    if (answer.body.length !== descriptor.size) throw new OciError(reference, `blob ${descriptor.digest} has ${answer.body.length} bytes, the manifest says ${descriptor.size}`);
    return answer.body;
  }

  /** Pulls a chart version as `helm pull oci://...` does, without the provenance layer. */
  async pullChart(repo: OciRepository, version: string): Promise<OciChart> {
    const tag = ociTag(version);
    const reference = referenceOf(repo, tag);
    const { manifest, digest } = await this.manifest(repo, tag);
    if (manifest.config.mediaType !== HELM_CONFIG_MEDIA_TYPE) throw new OciError(reference, `wrong media type: the config is ${manifest.config.mediaType}, not ${HELM_CONFIG_MEDIA_TYPE}: not a Helm chart`);
    const layer = manifest.layers.find((l) => l.mediaType === HELM_CHART_LAYER_MEDIA_TYPE) ?? manifest.layers.find((l) => l.mediaType === HELM_LEGACY_CHART_LAYER_MEDIA_TYPE);
    if (!layer) throw new OciError(reference, `wrong media type: no layer is ${HELM_CHART_LAYER_MEDIA_TYPE} (layers: ${manifest.layers.map((l) => l.mediaType).join(", ") || "none"})`);
    const archive = await this.blob(repo, layer, reference);
    return { reference, manifestDigest: digest, chartDigest: layer.digest, archive };
  }

  /** Every tag of a repository (`/v2/<repo>/tags/list`, following `Link: <...>; rel="next"` pages). */
  async tags(repo: OciRepository): Promise<string[]> {
    const reference = referenceOf(repo);
    const out: string[] = [];
    let path: string | undefined = "tags/list";
    for (let page = 0; path !== undefined; page++) {
      if (page === 100) throw new OciError(reference, "the tag list goes on for more than 100 pages");
      const answer = await this.get(repo, path, reference, "application/json");
      if (answer.status === 404) throw new OciError(reference, `no such repository${errorCodes(answer)}`);
      if (answer.status !== 200) throw new OciError(reference, `tags/list: the registry answered HTTP ${answer.status}${errorCodes(answer)}`);
      let body: { tags?: unknown };
      try {
        body = JSON.parse(answer.body.toString("utf8")) as typeof body;
      } catch {
        throw new OciError(reference, "tags/list answered no JSON");
      }
      if (body.tags !== null && body.tags !== undefined && !(Array.isArray(body.tags) && body.tags.every((t) => typeof t === "string"))) throw new OciError(reference, "tags/list answered no list of tags");
      out.push(...((body.tags as string[] | null | undefined) ?? []));
      // The next page is a URL relative to the registry (distribution spec: `Link: </v2/...?last=x&n=y>; rel="next"`).
      const next = answer.headers.get("link")?.match(/<([^>]+)>\s*;\s*rel="?next"?/)?.[1];
      const nextUrl = next ? new URL(next, `${apiBase(repo.registry)}/`) : undefined;
      const prefix = `/v2/${repo.repository}/`;
      path = nextUrl?.pathname.startsWith(prefix) ? nextUrl.pathname.slice(prefix.length) + nextUrl.search : undefined;
    }
    return out;
  }
}
