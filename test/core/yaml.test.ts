import { describe, expect, it } from "vitest";
import { toYaml } from "../../src/core/yaml.ts";

describe("toYaml quotes what YAML 1.1 readers (Ansible's PyYAML, Helm's go-yaml) would not read as a string", () => {
  it("quotes 1.1 booleans: yes, no, on, off, y, n", () => {
    for (const word of ["yes", "no", "on", "off", "y", "n"]) expect(toYaml({ v: word }), word).toBe(`v: "${word}"\n`);
  });

  it("quotes 1.1 numbers: octal 0755, underscores 1_000, sexagesimal 1:30", () => {
    for (const text of ["0755", "1_000", "1:30"]) expect(toYaml({ v: text }), text).toBe(`v: "${text}"\n`);
  });

  it("leaves plain words plain", () => {
    expect(toYaml({ v: "linstor-r2" })).toBe("v: linstor-r2\n");
  });
});
