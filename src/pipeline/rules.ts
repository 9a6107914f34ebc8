/** Every rule `lint` runs, by world and area: the one rule registry. */
import type { Rule } from "../core/lint/context.ts";
import { networkRules } from "../helm/rules/network/index.ts";
import { placementRules } from "../helm/rules/placement/index.ts";
import { storageRules } from "../helm/rules/storage/index.ts";
import { hostRules } from "../helm/rules/hosts/index.ts";
import { tlsRules } from "../helm/rules/tls/index.ts";
import { orderingRules } from "../helm/rules/ordering/index.ts";
import { secretRules } from "../helm/rules/secrets/index.ts";
import { imageRules } from "../helm/rules/images/index.ts";
import { privilegedRules } from "../helm/rules/privileged/index.ts";
import { versionRules } from "../helm/rules/versions/index.ts";
import { dnsRules } from "../dns/rules/index.ts";
import { kubesprayRules } from "../kubespray/rules/index.ts";
import { proxmoxRules } from "../proxmox/rules/index.ts";

export const rules: Rule[] = [
  ...networkRules,
  ...placementRules,
  ...storageRules,
  ...hostRules,
  ...tlsRules,
  ...orderingRules,
  ...secretRules,
  ...imageRules,
  ...privilegedRules,
  ...versionRules,
  ...dnsRules,
  ...kubesprayRules,
  ...proxmoxRules,
];
