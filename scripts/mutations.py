#!/usr/bin/env python3
"""
Applies each one-line mutation of issue 12 to a scratch copy of the repository, runs the stated
tests, and prints which test fails for each (a mutation no test fails "survives").
Run from the repository root: python3 scripts/mutations.py
"""
import json, os, shutil, subprocess, sys, tempfile

MUTATIONS = [
    ("spansOverlap boundary", "src/core/model/net.ts", "return a.first <= b.last && b.first <= a.last;", "return a.first < b.last && b.first < a.last;"),
    ("CPU capacity: at the limit counts as over", "src/proxmox/rules/capacity.ts", "if (!cpuReported && cpu > cpuLimit)", "if (!cpuReported && cpu >= cpuLimit)"),
    ("CPU capacity: overcommit ignored", "src/proxmox/rules/capacity.ts", "const cpuLimit = host.cores * overcommit;", "const cpuLimit = host.cores;"),
    ("YAML 1.1 -> 1.2 quoting", "src/core/yaml.ts", 'version: "1.1"', 'version: "1.2"'),
    ("VM MAC derivation (bytes swapped)", "src/core/model/infra.ts", "(id >>> 16) & 0xff, (id >>> 8) & 0xff", "(id >>> 8) & 0xff, (id >>> 16) & 0xff"),
    ("ArangoDB agents' storage class dropped", "src/helm/manifests/arangodb-deployment.ts", "agents: { count: db.cluster.agents, storageClassName: db.storageClass }", "agents: { count: db.cluster.agents }"),
    ("Keycloak's needs emptied", "src/platform/streamforge.ts", 'chart: chart("codecentric", "keycloakx"), needs: ["postgres-cluster"]', 'chart: chart("codecentric", "keycloakx"), needs: []'),
    ("kube_vip_services_enabled flipped", "src/kubespray/emit.ts", "kube_vip_services_enabled: false", "kube_vip_services_enabled: true"),
]
TESTS = ["test/core/model/net.test.ts", "test/proxmox/rules/capacity.test.ts", "test/core/yaml.test.ts", "test/core/model/infra.test.ts",
         "test/helm/manifests/data-platform.test.ts", "test/platform/releases.test.ts", "test/kubespray/emit.test.ts"]

repo = os.getcwd()
top = tempfile.mkdtemp(prefix="streamforge-mutations-")
scratch = os.path.join(top, "repo")
os.mkdir(scratch)
# Tests that compare with upstream data find it beside the repository, as in the real layout.
os.symlink(os.path.realpath(os.path.join(repo, "..", "shared")), os.path.join(top, "shared"))
subprocess.run(f"git archive HEAD | tar -x -C {scratch}", shell=True, check=True)
os.symlink(os.path.join(repo, "node_modules"), os.path.join(scratch, "node_modules"))

def failing():
    out = os.path.join(scratch, "results.json")
    subprocess.run(["npx", "vitest", "run", *TESTS, "--reporter=json", f"--outputFile={out}"], cwd=scratch, capture_output=True)
    data = json.load(open(out))
    return [f"{os.path.relpath(f['name'], scratch)} > {t['fullName']}" for f in data["testResults"] for t in f["assertionResults"] if t["status"] == "failed"]

base = failing()
if base:
    sys.exit(f"the tests fail without mutation: {base}")
survivors = 0
for name, path, old, new in MUTATIONS:
    full = os.path.join(scratch, path)
    text = open(full).read()
    assert text.count(old) == 1, f"{name}: '{old}' not found once in {path}"
    open(full, "w").write(text.replace(old, new))
    killed = failing()
    open(full, "w").write(text)
    survivors += not killed
    print(f"{'KILLED ' if killed else 'SURVIVED'} {name}")
    for t in killed:
        print(f"    {t}")
shutil.rmtree(top)
sys.exit(1 if survivors else 0)
