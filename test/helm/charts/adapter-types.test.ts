/**
 * Adapters are typed by their chart version's values (derived from `schema/charts/`): a key the
 * chart does not have is a compile error. `npx tsc -p tsconfig.test.json` checks the
 * `@ts-expect-error` lines below; each fails the type check if the error it expects goes away.
 */
import { describe, expect, it } from "vitest";
import type { ValuesAdapter } from "../../../src/helm/charts/adapter.ts";
import { chartAdapters } from "../../../src/helm/charts/index.ts";
import type { TraefikValues } from "../../../src/helm/charts/types/traefik.ts";
import type { MetallbValues } from "../../../src/helm/charts/types/metallb.ts";

// A misspelt top-level key.
// @ts-expect-error `deploymnet` is not a key of traefik 36.1.0
const misspelt: ValuesAdapter<TraefikValues> = () => ({ deploymnet: { replicas: 2 } });

// A misspelt nested key inside a closed object.
// @ts-expect-error `frr.enable` is not a key of metallb 0.14.9 (it is `enabled`)
const nested: ValuesAdapter<MetallbValues> = () => ({ speaker: { frr: { enable: false } } });

// A value of the wrong type.
// @ts-expect-error traefik's `deployment.replicas` is a number
const wrongType: ValuesAdapter<TraefikValues> = () => ({ deployment: { replicas: "2" } });

// Free-form maps accept any key.
const freeForm: ValuesAdapter<TraefikValues> = () => ({ deployment: { podAnnotations: { "example.com/any": "x" } } });

// The registry keeps each adapter's own values type (`satisfies`, not a widening annotation).
const registryTraefik: ValuesAdapter<TraefikValues> = chartAdapters.traefik;

describe("typed adapters", () => {
  it("compile-time checks above are in place (this file type-checks only when they hold)", () => {
    expect([misspelt, nested, wrongType, freeForm, registryTraefik].every((f) => typeof f === "function")).toBe(true);
  });
});
