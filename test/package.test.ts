/**
 * The package as another repository uses it: compiled with `tsc` (what `npm run build` runs),
 * installed under node_modules/@streamforge/platform with only what `files` publishes, imported by
 * its name, and its CLI run from `dist/` with plain node.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tempDir } from "./support/cli.ts";

const ROOT = resolve(import.meta.dirname, "..");

describe("the built package", () => {
  it("imports by name, generates the embedded model, types resolve, and its CLI runs", () => {
    const work = tempDir("streamforge-consumer-");
    const pkg = join(work, "node_modules/@streamforge/platform");
    mkdirSync(pkg, { recursive: true });
    execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.json"), "--outDir", join(pkg, "dist")], { cwd: ROOT });
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    writeFileSync(join(pkg, "package.json"), JSON.stringify(manifest));
    for (const entry of manifest.files as string[]) if (entry !== "dist") cpSync(join(ROOT, entry), join(pkg, entry), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(pkg, "node_modules"));
    writeFileSync(
      join(work, "use.mjs"),
      [
        'import { streamforge, generate, hostOf, kafkaBootstrap, applyOverride } from "@streamforge/platform";',
        'const prod = streamforge.environments.find((e) => e.name === "prod");',
        "const files = generate(streamforge);",
        'const staging = applyOverride(prod, { name: "staging", domain: "staging.dmz.home" });',
        "console.log(JSON.stringify({ files: files.length, grafana: hostOf(prod, \"grafana\"), staging: hostOf(staging, \"grafana\"), kafka: kafkaBootstrap({ platform: streamforge, env: prod }) }));",
      ].join("\n"),
    );
    const out = JSON.parse(execFileSync(process.execPath, ["use.mjs"], { cwd: work, encoding: "utf8" }));
    expect(out).toEqual({ files: expect.any(Number), grafana: "grafana.dmz.home", staging: "grafana.staging.dmz.home", kafka: "k3-kafka-bootstrap.kafka.svc.cluster.local:9093" });
    expect(out.files).toBeGreaterThan(150);

    // The declarations are usable: a consumer type-checks against them.
    writeFileSync(join(work, "check.ts"), 'import type { Platform, Environment } from "@streamforge/platform";\nexport const name = (p: Platform, e: Environment): string => `${p.name}/${e.domain}`;\n');
    writeFileSync(join(work, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ["check.ts"] }));
    execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: work });

    // The bin runs from dist with plain node and writes the tree.
    const cli = execFileSync(process.execPath, [join(pkg, "dist/cli/main.js"), "gen", "--out", join(work, "out")], { cwd: work, encoding: "utf8" });
    expect(cli).toMatch(/^wrote \d+, removed 0, unchanged 0\n$/);
    expect(readFileSync(join(work, "out/helmfile.yaml.gotmpl"), "utf8")).toBe(readFileSync(join(ROOT, "helmfile.yaml.gotmpl"), "utf8"));
  }, 180_000);
});
