/** Installation order the helmfile gives the identity provider (S35) and its database (S19). */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fileText } from "../support/generated.ts";

interface HelmfileRelease {
  name: string;
  namespace: string;
  needs?: string[];
}

const releases = (parse(fileText("helmfile.yaml.gotmpl").split(/^---$/m)[1]!, { version: "1.1" }) as { releases: HelmfileRelease[] }).releases;
const release = (name: string) => releases.find((r) => r.name === name)!;

describe("helmfile needs around Keycloak", () => {
  it("S35 S19 keycloakx waits for the PostgreSQL cluster that holds its database, and for nothing else", () => {
    expect(release("keycloakx").needs).toEqual(["postgres/postgres-cluster"]);
  });

  it("S35 A12 Argo CD, which logs in through Keycloak, is installed after it", () => {
    expect(release("argo-cd").needs).toContain("keycloak/keycloakx");
  });
});
