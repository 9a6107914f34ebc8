/**
 * The walk over every value of the model points each finding at its own place: the path it
 * builds along the walk (one array, grown and shrunk) must hold exactly the keys above the value.
 */
import { describe, expect, it } from "vitest";
import { checkSemantics, MAX_NUMBER, MAX_STRING } from "../../../src/core/check/model-semantics.ts";
import { streamforge } from "../../../src/platform/streamforge.ts";

describe("the model's value checks", () => {
  it("point each finding at its value, also after lists and maps walked before it", () => {
    const platform = structuredClone(streamforge);
    const long = "x".repeat(MAX_STRING + 1);
    platform.environments[0]!.nodes[2]!.name = long;
    platform.environments[1]!.components.kafka!.topics[1]!.name = long;
    (platform.environments[1]!.cluster as { apiPort: number }).apiPort = MAX_NUMBER * 4;
    const pointers = checkSemantics(platform).map((d) => d.pointer);
    expect(pointers).toEqual(["/environments/0/nodes/2/name", "/environments/1/cluster/apiPort", "/environments/1/components/kafka/topics/1/name"]);
  });
});
