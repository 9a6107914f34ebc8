import { describe, expect, it } from "vitest";
import { vmMac } from "../../../src/core/model/infra.ts";
import { prod } from "../../../src/platform/streamforge.ts";

const node = prod.nodes[0]!;

describe("vmMac: the MAC of a VM's net0", () => {
  it("is 02:00:00 (locally administered, unicast) followed by the VMID's three low bytes, most significant first", () => {
    expect(vmMac({ ...node, vm: { ...node.vm, vmid: 0x123456, mac: undefined } })).toBe("02:00:00:12:34:56");
    expect(vmMac({ ...node, vm: { ...node.vm, vmid: 201, mac: undefined } })).toBe("02:00:00:00:00:C9");
  });

  it("gives distinct VMIDs distinct MACs (no byte dropped or repeated)", () => {
    const macs = [0x010203, 0x030201, 0x000102, 0x010200].map((vmid) => vmMac({ ...node, vm: { ...node.vm, vmid, mac: undefined } }));
    expect(new Set(macs).size).toBe(4);
  });

  it("is the pinned MAC, upper-cased, when the model pins one", () => {
    expect(vmMac({ ...node, vm: { ...node.vm, vmid: 201, mac: "bc:24:11:aa:bb:cc" } })).toBe("BC:24:11:AA:BB:CC");
  });
});
