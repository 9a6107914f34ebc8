/**
 * The shape of an OCI registry path in `Platform.repositories`: `oci://<host>[:port]/<path>`, the
 * path in the lowercase components the OCI distribution spec allows for repository names, with
 * no tag or digest (the chart's version is its tag). The model check and `pull` share it.
 */
export const OCI_REPOSITORY_URL = /^oci:\/\/([a-z0-9.-]+(?::\d+)?|\[[0-9a-f:]+\](?::\d+)?)(?:\/([a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*))?\/*$/i;

/** Registry host and path of an OCI repository URL, or undefined when it lacks the shape. */
export function parseOciRepositoryUrl(url: string): { registry: string; path: string } | undefined {
  const m = url.match(OCI_REPOSITORY_URL);
  // Hosts are case-insensitive; repository paths must be lowercase.
  if (!m || (m[2] !== undefined && m[2] !== m[2].toLowerCase())) return undefined;
  return { registry: m[1]!, path: m[2] ?? "" };
}
