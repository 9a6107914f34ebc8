/**
 * `bump` and `promote` on a temporary copy of the repository, run the way a user runs them: the
 * real catalogue edit, `gen` and `lint` as child processes, the tree checked byte for byte after.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { copyRepository, tempDir, treeContents } from "../support/cli.ts";
import { repositoryRunner } from "../../src/cli/repository.ts";
import { platformValues, withOverridePointers } from "../support/chart-fixtures.ts";

/**
 * Defaults of a "new metallb version" that has every key the platform sets (the union of the
 * generated values of every environment) and those the reviewed overrides point at.
 */
function metallbDefaults(): Record<string, any> {
  return withOverridePointers("metallb", platformValues("metallb"));
}

/** A "new chart version": defaults with the platform's keys, changed by `edit`, beside a Chart.yaml. */
function chartVersionDir(version: string, edit: (values: Record<string, any>) => void = () => {}): string {
  const dir = join(tempDir("streamforge-chart-"), `metallb-${version}`);
  mkdirSync(dir, { recursive: true });
  const values = metallbDefaults();
  edit(values);
  writeFileSync(join(dir, "values.yaml"), stringify(values));
  writeFileSync(join(dir, "Chart.yaml"), `apiVersion: v2\nname: metallb\nversion: ${version}\nkubeVersion: ">= 1.19.0-0"\n`);
  return join(dir, "values.yaml");
}

/** Runs the copy's own CLI in a child process, as a user runs `npx streamforge` there. */
async function cli(args: string[], repo: string) {
  return repositoryRunner(repo)(args);
}

let pristine: string;
beforeAll(() => {
  pristine = copyRepository();
}, 120_000);

// Each case runs the repository's CLI several times in child processes (pull, gen, lint).
describe("streamforge bump", { timeout: 300_000 }, () => {
  it("a clean patch bump pins the version, derives its schema, regenerates and describes the change", async () => {
    const repo = copyRepository();
    const result = await cli(["bump", "metallb", "0.14.10", "--values", chartVersionDir("0.14.10")], repo);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("## Bump metallb to 0.14.10");
    expect(result.stdout).toMatch(/^\| metallb \| metallb \| prod, lab \| 0\.14\.9 \| 0\.14\.10 \| patch \| CRD API versions carried over/m);
    for (const file of ["versions.yaml", "environments/prod.yaml", "environments/lab.yaml", "schema/charts/metallb/0.14.10.schema.json"]) {
      expect(result.stdout).toContain(`- \`${file}\``);
    }
    expect(result.stdout).toContain("### Values keys the new chart versions no longer accept\n\n- none");
    expect(result.stdout).toContain("- `npm run lint`: passes");
    const before = readFileSync(join(pristine, "versions.yaml"), "utf8").split("\n");
    const after = readFileSync(join(repo, "versions.yaml"), "utf8").split("\n");
    const changed = after.filter((line, i) => line !== before[i]);
    expect(changed).toEqual(['    version: "0.14.10"']);
    expect(parse(readFileSync(join(repo, "environments/prod.yaml"), "utf8")).metallb.version).toBe("0.14.10");
    expect((await cli(["gen", "--check"], repo)).code).toBe(0);
  });

  it("refuses a major bump without --allow-major and leaves the tree as it was", async () => {
    const repo = copyRepository();
    const before = treeContents(repo);
    const result = await cli(["bump", "metallb", "1.0.0", "--values", chartVersionDir("1.0.0")], repo);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("metallb 0.14.9 -> 1.0.0 is a major change");
    expect(result.stderr).toContain("--allow-major");
    expect(treeContents(repo)).toEqual(before);
  });

  it("fails naming the repository when the new version cannot be pulled, and leaves the tree unchanged", async () => {
    const repo = copyRepository();
    const before = treeContents(repo);
    const closed = `file://${tempDir()}/no-repository`;
    const result = await cli(["bump", "metallb", "0.14.10", "--repo-url", `metallb=${closed}`], repo);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`pulling metallb 0.14.10 failed: ${closed}: ${closed}/index.yaml: ENOENT (metallb 0.14.10)`);
    expect(treeContents(repo)).toEqual(before);
  });

  it("a bump whose new schema rejects a key we set fails, names the key and leaves the tree unchanged", async () => {
    const repo = copyRepository();
    const before = treeContents(repo);
    const values = chartVersionDir("0.14.11", (v) => {
      delete v.speaker.frr;
    });
    const result = await cli(["bump", "metallb", "0.14.11", "--values", values], repo);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/- `values\/prod\/metallb\.yaml` `\/speaker(\/frr)?`/);
    expect(result.stderr).toContain("lint fails after the change, so the tree was restored as it was");
    expect(result.stderr).toMatch(/values\/prod\/metallb\.yaml:\d+:\d+ schema\/values/);
    expect(treeContents(repo)).toEqual(before);
  });

  it("--env lab pins only lab, as an override", async () => {
    const repo = copyRepository();
    const result = await cli(["bump", "metallb", "0.14.10", "--env", "lab", "--values", chartVersionDir("0.14.10")], repo);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\| metallb \| metallb \| lab \| 0\.14\.9 \| 0\.14\.10 \| patch \|/m);
    expect(parse(readFileSync(join(repo, "environments/lab.yaml"), "utf8")).metallb.version).toBe("0.14.10");
    expect(readFileSync(join(repo, "environments/prod.yaml"), "utf8")).toBe(readFileSync(join(pristine, "environments/prod.yaml"), "utf8"));
    expect(readFileSync(join(repo, "versions.yaml"), "utf8")).toContain(
      '  lab:\n    metallb:\n      # renovate: datasource=helm depName=metallb registryUrl=https://metallb.github.io/metallb\n      version: "0.14.10"\n      kubeVersion: ">= 1.19.0-0"\n      crdApiVersions: [metallb.io/v1beta1, metallb.io/v1beta2]\n',
    );
  });

  it("usage errors exit 2", async () => {
    expect((await cli(["bump", "metallb"], pristine)).code).toBe(2);
  });
});

describe("streamforge promote", { timeout: 300_000 }, () => {
  it("copies lab's versions to prod, with the same checks and description, and drops the override", async () => {
    const repo = copyRepository();
    expect((await cli(["bump", "metallb", "0.14.10", "--env", "lab", "--values", chartVersionDir("0.14.10")], repo)).code).toBe(0);
    const result = await cli(["promote", "lab", "prod"], repo);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("## Promote lab versions to prod");
    expect(result.stdout).toMatch(/^\| metallb \| metallb \| prod \| 0\.14\.9 \| 0\.14\.10 \| patch \|/m);
    expect(result.stdout).toContain("- `environments/prod.yaml`");
    expect(parse(readFileSync(join(repo, "environments/prod.yaml"), "utf8")).metallb.version).toBe("0.14.10");
    const catalogue = readFileSync(join(repo, "versions.yaml"), "utf8");
    expect(catalogue).toContain("  lab: {}\n");
    expect(catalogue).toContain('    version: "0.14.10"\n');
    expect((await cli(["gen", "--check"], repo)).code).toBe(0);
    // Three child CLIs (bump, promote, gen --check), each generating and linting the whole tree.
  }, 180_000);

  it("says so when there is nothing to promote (exit 1)", async () => {
    const result = await cli(["promote", "lab", "prod"], pristine);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("prod already runs the versions lab runs: nothing to promote\n");
  });
});
