/**
 * Proxmox VE output of one environment (S1, A5, A6), under `proxmox/<env>/`:
 * - `vms/<node>.yaml`: one spec per VM. `params` uses the names and value formats of the API's
 *   `POST /nodes/{node}/qemu` (and so of `qm create` / `qm set`);
 * - `cloud-init/<node>.yaml`: the VM's cloud-init user-data;
 * - `create-vms.sh`: an idempotent script that clones, sets, resizes and starts the VMs.
 *
 * SSH keys are a reference, never a value: the API's `sshkeys` takes the URL-encoded key itself,
 * which would put the operator's key into a committed file and make the output differ per
 * operator. The spec names the key file under `files.sshkeys` instead, and the script hands that
 * file to `qm set --sshkeys <file>` (the `qm` form of the parameter) and to the user-data.
 */
import { template } from "../core/template.ts";
import type { ClusterNode, Environment, Platform } from "../core/model/types.ts";
import type { FileRecord } from "../core/files.ts";
import { header } from "../core/files.ts";
import { yamlContent, yamlWithComments } from "../core/yaml.ts";
import { nameservers } from "../core/model/derive.ts";
import { guestPrerequisites, lanPrefix, nodeFqdn, proxmoxPaths, userDataSnippet, vmMac } from "../core/model/infra.ts";

/** A VM spec as written to `vms/<node>.yaml`. */
interface VmSpecFile {
  /** The Proxmox node the VM runs on (the `{node}` of the API path). */
  node: string;
  /** The cloud-init template the VM is cloned from, and the node that holds it. */
  template: { vmid: number; node: string };
  /** Parameters of `POST /nodes/{node}/qemu`, in the API's names and formats. */
  params: Record<string, string | number>;
  /** Parameters whose value the script reads from a file at run time (paths, not values). */
  files: { sshkeys: string; userData: string };
}

/** Proxmox tags of a VM: `pve-tag-list` items are lower case, separated by `;`. */
function vmTags(platform: Platform, env: Environment, node: ClusterNode): string {
  return [platform.name, env.name, node.role, ...(node.gpu ? ["gpu"] : [])].map((t) => t.toLowerCase()).join(";");
}

/** The `POST /nodes/{node}/qemu` parameters of one node's VM. */
function vmParams(platform: Platform, env: Environment, node: ClusterNode): Record<string, string | number> {
  const { vm } = node;
  const px = env.proxmox;
  const passthrough = vm.pciPassthrough !== undefined;
  const params: Record<string, string | number | undefined> = {
    vmid: vm.vmid,
    name: node.name,
    tags: vmTags(platform, env, node),
    onboot: 1,
    agent: "enabled=1,fstrim_cloned_disks=1",
    ostype: "l26",
    // PCI Express passthrough needs the q35 chipset.
    machine: passthrough ? "q35" : undefined,
    cpu: px.cpuType,
    sockets: 1,
    cores: vm.cores,
    memory: String(vm.memoryMiB),
    scsihw: "virtio-scsi-single",
    scsi0: `${px.storage}:${vm.osDiskGiB}`,
    // The Linstor data disk (S14): replicated by DRBD, so left out of Proxmox backups.
    scsi1: vm.dataDiskGiB !== undefined ? `${px.storage}:${vm.dataDiskGiB},backup=0` : undefined,
    net0: `model=virtio,bridge=${px.bridge},macaddr=${vmMac(node)}`,
    ipconfig0: `ip=${node.ip}/${lanPrefix(env)},gw=${env.network.gateway}`,
    nameserver: nameservers(env).join(" "),
    searchdomain: env.domain,
    ciuser: px.ciUser,
    cicustom: `user=${px.snippetStorage}:snippets/${userDataSnippet(env, node)}`,
    hostpci0: passthrough ? `host=${vm.pciPassthrough},pcie=1` : undefined,
  };
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined));
}

function vmSpec(platform: Platform, env: Environment, node: ClusterNode): VmSpecFile {
  return {
    node: node.vm.host,
    template: { vmid: env.proxmox.templateVmid, node: env.proxmox.templateHost },
    params: vmParams(platform, env, node),
    files: { sshkeys: env.proxmox.sshPublicKeyFile, userData: `cloud-init/${node.name}.yaml` },
  };
}

/**
 * The user-data of one VM: host name, login user, qemu-guest-agent, and what the node's role
 * needs of the OS (`guestPrerequisites`: kernel headers for DRBD, the NFS client).
 */
export function userData(env: Environment, node: ClusterNode): Record<string, unknown> {
  const prerequisites = guestPrerequisites(env, node);
  return {
    hostname: node.name,
    fqdn: nodeFqdn(env, node),
    manage_etc_hosts: true,
    // Replaces the image's default user, so top-level `ssh_authorized_keys` lands on this one.
    user: {
      name: env.proxmox.ciUser,
      groups: ["sudo"],
      shell: "/bin/bash",
      sudo: "ALL=(ALL) NOPASSWD:ALL",
      lock_passwd: true,
    },
    ssh_pwauth: false,
    disable_root: true,
    package_update: true,
    packages: ["qemu-guest-agent", ...prerequisites.packages],
    runcmd: [["systemctl", "enable", "--now", "qemu-guest-agent"], ...prerequisites.commands],
  };
}

/**
 * The user-data file. cloud-init only reads user-data whose first line is `#cloud-config`, so
 * the generated header is the second line here.
 */
function userDataFile(env: Environment, node: ClusterNode): { content: string; documents: unknown[] } {
  return yamlWithComments(
    "#cloud-config\n" + header("#"),
    [userData(env, node)],
    `# create-vms.sh appends ssh_authorized_keys here, read from ${env.proxmox.sshPublicKeyFile}:\n` + "# the key is referenced, never committed.\n",
  );
}

/** Quotes a word for bash when it needs it. */
function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** `~/x` as bash expands it inside double quotes. */
function homePath(path: string): string {
  return path.startsWith("~/") ? `$HOME/${path.slice(2)}` : path;
}

const SCRIPT = template(
  `#!/usr/bin/env bash
{{header}}#
# Creates the VMs of environment "{{env}}" on Proxmox VE: clone the cloud-init template, set,
# resize, start. Idempotent: a VM whose VMID already exists is skipped (delete a half-created VM
# to create it again). Run as root on a node of the Proxmox cluster; the other nodes are reached
# over root SSH, which a Proxmox cluster sets up between its nodes.
set -euo pipefail

here="$(cd "$(dirname "\${BASH_SOURCE[0]}")" && pwd)"
ssh_key_file={{sshKeyDefault}}
template_vmid={{templateVmid}}
template_node={{templateNode}}
storage={{storage}}
snippet_storage={{snippetStorage}}

# Runs a command on a Proxmox node: locally, or over SSH.
on_node() {
  local node="$1"
  shift
  if [ "$node" = "$(hostname)" ]; then
    "$@"
  else
    ssh -o BatchMode=yes "root@$node" "$(printf '%q ' "$@")"
  fi
}

# Copies a local file to a path on a Proxmox node.
put_file() {
  local node="$1" src="$2" dest="$3"
  if [ "$node" = "$(hostname)" ]; then
    install -m 0644 "$src" "$dest"
  else
    ssh -o BatchMode=yes "root@$node" "cat > $(printf '%q' "$dest")" < "$src"
  fi
}

# --cicustom reads user-data from a storage whose content types include "snippets"; a fresh
# Proxmox "local" storage has none. Storage configuration is cluster-wide, so this runs once.
ensure_snippets_content() {
  local content
  content="$(pvesh get "/storage/$snippet_storage" --output-format json | perl -MJSON::PP -0777 -ne 'print decode_json($_)->{content} // ""')"
  case ",$content," in
    *,snippets,*) ;;
    *)
      echo "add snippets content to storage $snippet_storage"
      pvesm set "$snippet_storage" --content "\${content:+$content,}snippets"
      ;;
  esac
}

# The cluster's next-free-VMID check fails for a VMID that is taken.
vm_exists() {
  ! pvesh get /cluster/nextid --vmid "$1" >/dev/null 2>&1
}

# The VM's user-data, then the operator's public keys as ssh_authorized_keys.
user_data_with_keys() {
  local key q="'"
  cat "$1"
  printf 'ssh_authorized_keys:\\n'
  while IFS= read -r key || [ -n "$key" ]; do
    [ -n "$key" ] || continue
    # A YAML single-quoted scalar: a quote inside is written twice.
    printf "  - '%s'\\n" "\${key//$q/$q$q}"
  done < "$ssh_key_file"
}

# create_vm VMID NAME NODE OS_DISK_GIB SNIPPET USER_DATA [qm set options...]
create_vm() {
  local vmid="$1" name="$2" node="$3" os_disk="$4" snippet="$5" user_data="$6"
  shift 6
  if vm_exists "$vmid"; then
    echo "skip $name: VMID $vmid exists"
    return 0
  fi
  echo "create $name (VMID $vmid) on $node"
  on_node "$template_node" qm clone "$template_vmid" "$vmid" --name "$name" --full 1 --storage "$storage"
  if [ "$node" != "$template_node" ]; then
    on_node "$template_node" qm migrate "$vmid" "$node"
  fi
  local tmp snippet_path
  tmp="$(mktemp)"
  user_data_with_keys "$here/$user_data" > "$tmp"
  snippet_path="$(on_node "$node" pvesm path "$snippet_storage:snippets/$snippet")"
  put_file "$node" "$tmp" "$snippet_path"
  put_file "$node" "$ssh_key_file" "/tmp/$name.pub"
  rm -f "$tmp"
  on_node "$node" qm set "$vmid" --sshkeys "/tmp/$name.pub" "$@"
  on_node "$node" rm -f "/tmp/$name.pub"
  on_node "$node" qm resize "$vmid" scsi0 "\${os_disk}G"
  on_node "$node" qm start "$vmid"
}

if [ ! -r "$ssh_key_file" ]; then
  echo "no public key at $ssh_key_file (set SSH_PUBLIC_KEY_FILE)" >&2
  exit 1
fi

ensure_snippets_content

{{#each vms}}
{{command}}
{{/each}}
`,
  { noEscape: true, strict: true },
);

/** Parameters the script does not pass to `qm set`: the clone has its VMID and name, and its OS disk is resized. */
const NOT_SET = new Set(["vmid", "name", "scsi0"]);

function createScript(platform: Platform, env: Environment): string {
  const px = env.proxmox;
  const vms = env.nodes.map((node) => {
    const spec = vmSpec(platform, env, node);
    const args = Object.entries(spec.params)
      .filter(([key]) => !NOT_SET.has(key))
      .map(([key, value]) => `--${key} ${shellQuote(String(value))}`);
    const positional = [String(node.vm.vmid), node.name, node.vm.host, String(node.vm.osDiskGiB), userDataSnippet(env, node), spec.files.userData];
    return { command: [`create_vm ${positional.map(shellQuote).join(" ")}`, ...args.map((a) => `  ${a}`)].join(" \\\n") };
  });
  return SCRIPT({
    header: header("#"),
    env: env.name,
    // Double quotes so that `$HOME` expands; the environment may name another file.
    sshKeyDefault: `"\${SSH_PUBLIC_KEY_FILE:-${homePath(px.sshPublicKeyFile)}}"`,
    templateVmid: px.templateVmid,
    templateNode: shellQuote(px.templateHost),
    storage: shellQuote(px.storage),
    snippetStorage: shellQuote(px.snippetStorage),
    vms,
  });
}

export function emitProxmox(platform: Platform, env: Environment): FileRecord[] {
  const paths = proxmoxPaths(env.name);
  const records: FileRecord[] = [];
  for (const node of env.nodes) {
    records.push({ path: paths.spec(node.name), ...yamlContent(vmSpec(platform, env, node)), env: env.name });
    records.push({ path: paths.userData(node.name), ...userDataFile(env, node), env: env.name });
  }
  records.push({ path: paths.script, content: createScript(platform, env), env: env.name });
  return records;
}

/**
 * The VM specs `emitProxmox` writes for `env`, as data by path, without writing any file: what
 * lint's rules comparing environments (one VMID space, one MAC space, the shared hosts' capacity)
 * need of an environment a `--env` run does not check.
 */
export function vmSpecData(platform: Platform, env: Environment): Array<{ path: string; node: string; params: Record<string, string | number> }> {
  const paths = proxmoxPaths(env.name);
  return env.nodes.map((node) => {
    const spec = vmSpec(platform, env, node);
    return { path: paths.spec(node.name), node: spec.node, params: spec.params };
  });
}
