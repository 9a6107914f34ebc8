/**
 * A Helm repository on 127.0.0.1 that tests build: chart archives made with `tar` from files the
 * test gives, an `index.yaml` listing them with their sha256, and git-style tag archives. Requests
 * are counted and can be made to fail, to exercise retries.
 */
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import * as tar from "tar";
import { tempDir } from "./cli.ts";

/** Files of a chart by path inside its folder. */
export type ChartFiles = Record<string, string | Buffer>;

/** A gzipped tar archive holding `files` under the folder `top`. */
export async function archive(top: string, files: ChartFiles): Promise<Buffer> {
  const dir = tempDir("streamforge-archive-");
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, top, path)), { recursive: true });
    writeFileSync(join(dir, top, path), content);
  }
  const out = join(tempDir("streamforge-archive-out-"), `${top}.tgz`);
  await tar.c({ gzip: true, file: out, cwd: dir, portable: true }, [top]);
  return readFileSync(out);
}

export const sha256Hex = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

export interface TestRepo {
  url: string;
  /** Requests by path. */
  hits: Map<string, number>;
  /** Answers the next N requests of a path with this status. */
  failNext(path: string, times: number, status?: number): void;
  /** Serves bytes at a path. */
  put(path: string, body: Buffer | string): void;
  close(): Promise<void>;
}

export async function serve(): Promise<TestRepo> {
  const bodies = new Map<string, Buffer>();
  const hits = new Map<string, number>();
  const failures = new Map<string, { times: number; status: number }>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const failure = failures.get(path);
    if (failure && failure.times > 0) {
      failure.times--;
      res.writeHead(failure.status).end();
      return;
    }
    const body = bodies.get(path);
    if (!body) res.writeHead(404).end();
    else res.writeHead(200, { "content-length": body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    failNext: (path, times, status = 503) => void failures.set(path, { times, status }),
    put: (path, body) => void bodies.set(path, Buffer.isBuffer(body) ? body : Buffer.from(body)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Publishes chart archives under `<prefix>/` with an index listing them (relative URLs, as GitHub Pages repositories do). */
export async function publish(repo: TestRepo, prefix: string, charts: Array<{ name: string; version: string; files: ChartFiles; digest?: string }>): Promise<Record<string, Buffer>> {
  const entries: Record<string, Array<Record<string, unknown>>> = {};
  const archives: Record<string, Buffer> = {};
  for (const chart of charts) {
    const bytes = await archive(chart.name, { "Chart.yaml": `apiVersion: v2\nname: ${chart.name}\nversion: ${chart.version}\n`, ...chart.files });
    const file = `${chart.name}-${chart.version}.tgz`;
    repo.put(`${prefix}/${file}`, bytes);
    archives[`${chart.name}@${chart.version}`] = bytes;
    (entries[chart.name] ??= []).push({ name: chart.name, version: chart.version, urls: [file], digest: chart.digest ?? sha256Hex(bytes) });
  }
  repo.put(`${prefix}/index.yaml`, stringify({ apiVersion: "v1", entries }));
  return archives;
}
