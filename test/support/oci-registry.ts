/**
 * An OCI registry on 127.0.0.1 that tests build, speaking the part of the registry HTTP API v2
 * that `helm pull oci://` uses: manifests by tag (served only to a client that accepts the OCI
 * manifest media type), blobs by digest, paged tag lists, and optionally the anonymous
 * bearer-token flow (401 with a challenge, a token service, tokens checked per repository).
 */
import { createServer, type Server } from "node:http";
import { archive, sha256Hex, type ChartFiles } from "./helm-repo.ts";

const MANIFEST = "application/vnd.oci.image.manifest.v1+json";
const CONFIG = "application/vnd.cncf.helm.config.v1+json";
const CHART = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

export interface PushedChart {
  archive: Buffer;
  manifestDigest: string;
  chartDigest: string;
}

export interface PushOptions {
  /** The chart layer's media type (default Helm's). */
  layerMediaType?: string;
  /** The manifest's config media type (default Helm's). */
  configMediaType?: string;
  /** Serve these bytes as the chart blob instead of the archive the manifest names. */
  servedBlob?: Buffer;
  /** Tag to push under (default: the version with `+` as `_`, as Helm pushes). */
  tag?: string;
}

export interface TestRegistry {
  /** `oci://127.0.0.1:<port>`. */
  url: string;
  /** Requests by path (query left off). */
  hits: Map<string, number>;
  /** Query strings the token service was asked with. */
  tokenRequests: URLSearchParams[];
  push(path: string, chart: { name: string; version: string; files: ChartFiles }, options?: PushOptions): Promise<PushedChart>;
  /** Adds tags (no manifest) to a repository, for tag lists. */
  tag(repository: string, ...tags: string[]): void;
  /** Requires bearer tokens; `refuse` makes the token service answer 401; `field` names the token in its answer. */
  auth(mode: { refuse?: boolean; field?: "token" | "access_token" } | false): void;
  /** Tags per page of tags/list (default: all in one). */
  pageSize: number;
  close(): Promise<void>;
}

export async function serveRegistry(): Promise<TestRegistry> {
  const manifests = new Map<string, Buffer>(); // `${repo}:${tag}`
  const blobs = new Map<string, Buffer>(); // `${repo}@${digest}`
  const tags = new Map<string, string[]>();
  const hits = new Map<string, number>();
  const tokenRequests: URLSearchParams[] = [];
  const issued = new Map<string, string>(); // token -> scope
  let authMode: { refuse?: boolean; field?: "token" | "access_token" } | false = false;
  let origin = "";
  const registry: TestRegistry = {
    url: "",
    hits,
    tokenRequests,
    pageSize: Infinity,
    async push(path, chart, options = {}) {
      const repo = `${path}/${chart.name}`;
      const bytes = await archive(chart.name, { "Chart.yaml": `apiVersion: v2\nname: ${chart.name}\nversion: ${chart.version}\n`, ...chart.files });
      const config = Buffer.from(JSON.stringify({ name: chart.name, version: chart.version, apiVersion: "v2" }));
      const chartDigest = `sha256:${sha256Hex(bytes)}`;
      const configDigest = `sha256:${sha256Hex(config)}`;
      const manifest = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: MANIFEST,
          config: { mediaType: options.configMediaType ?? CONFIG, digest: configDigest, size: config.length },
          layers: [{ mediaType: options.layerMediaType ?? CHART, digest: chartDigest, size: bytes.length }],
        }),
      );
      const tag = options.tag ?? chart.version.replaceAll("+", "_");
      manifests.set(`${repo}:${tag}`, manifest);
      blobs.set(`${repo}@${chartDigest}`, options.servedBlob ?? bytes);
      blobs.set(`${repo}@${configDigest}`, config);
      registry.tag(repo, tag);
      return { archive: bytes, manifestDigest: `sha256:${sha256Hex(manifest)}`, chartDigest };
    },
    tag(repo, ...more) {
      tags.set(repo, [...new Set([...(tags.get(repo) ?? []), ...more])]);
    },
    auth(mode) {
      authMode = mode;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const error = (res: import("node:http").ServerResponse, status: number, code: string) =>
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ code, message: code.toLowerCase() }] }));
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", origin);
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    if (url.pathname === "/token") {
      tokenRequests.push(url.searchParams);
      if (authMode && authMode.refuse) return error(res, 401, "UNAUTHORIZED");
      const token = `t${issued.size}`;
      issued.set(token, url.searchParams.get("scope") ?? "");
      return res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ [authMode ? (authMode.field ?? "token") : "token"]: token }));
    }
    const m = url.pathname.match(/^\/v2\/(.+)\/(manifests|blobs|tags)\/(.+)$/);
    if (!m) return error(res, 404, "NOT_FOUND");
    const [, repo, kind, ref] = m as unknown as [string, string, string, string];
    if (authMode) {
      const scope = `repository:${repo}:pull`;
      const token = req.headers.authorization?.replace(/^Bearer /, "");
      if (!token || issued.get(token) !== scope) {
        res.setHeader("www-authenticate", `Bearer realm="${origin}/token",service="test-registry",scope="${scope}"`);
        return error(res, 401, "UNAUTHORIZED");
      }
    }
    if (kind === "manifests") {
      const body = manifests.get(`${repo}:${ref}`);
      // A registry serves a manifest only in a media type the client accepts.
      if (!body || !(req.headers.accept ?? "").includes(MANIFEST)) return error(res, 404, "MANIFEST_UNKNOWN");
      return res.writeHead(200, { "content-type": MANIFEST, "docker-content-digest": `sha256:${sha256Hex(body)}`, "content-length": body.length }).end(body);
    }
    if (kind === "blobs") {
      const body = blobs.get(`${repo}@${ref}`);
      if (!body) return error(res, 404, "BLOB_UNKNOWN");
      return res.writeHead(200, { "content-type": "application/octet-stream", "content-length": body.length }).end(body);
    }
    if (ref !== "list") return error(res, 404, "NOT_FOUND");
    const all = tags.get(repo);
    if (!all) return error(res, 404, "NAME_UNKNOWN");
    const last = url.searchParams.get("last");
    const from = last === null ? 0 : all.indexOf(last) + 1;
    const page = all.slice(from, from + registry.pageSize);
    if (from + registry.pageSize < all.length) res.setHeader("link", `</v2/${repo}/tags/list?n=${registry.pageSize}&last=${encodeURIComponent(page.at(-1)!)}>; rel="next"`);
    return res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ name: repo, tags: page }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  origin = `http://127.0.0.1:${port}`;
  registry.url = `oci://127.0.0.1:${port}`;
  return registry;
}
