/**
 * Errors raised on purpose share one base class that carries the exit code the CLI ends with,
 * so `runCli` needs no list of error types.
 */
import { describe, expect, it } from "vitest";
import { InvalidModelError, StreamforgeError, UsageError } from "../../src/core/errors.ts";
import { CertError, CERT_FAILURES } from "../../src/cert/errors.ts";
import { TechnitiumError } from "../../src/dns/technitium.ts";
import { CatalogueError } from "../../src/versions/catalogue-edit.ts";
import { RepositoryError } from "../../src/versions/helm-index.ts";

describe("StreamforgeError", () => {
  it.each([
    ["UsageError", new UsageError("bad flag"), 2],
    ["InvalidModelError", new InvalidModelError([]), 2],
    ["CertError", new CertError("denied", "denied by policy"), CERT_FAILURES.denied.code],
    ["TechnitiumError", new TechnitiumError("server said no"), 3],
    ["CatalogueError", new CatalogueError("no pin"), 1],
    ["RepositoryError", new RepositoryError("bitnami", "https://example.invalid", "404"), 1],
  ] as const)("%s derives from it and carries its exit code", (name, error, code) => {
    expect(error).toBeInstanceOf(StreamforgeError);
    expect(error.name).toBe(name);
    expect(error.exitCode).toBe(code);
  });
});
