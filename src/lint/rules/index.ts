/** Every rule `lint` runs, by area. */
import type { Rule } from "../context.ts";
import { networkRules } from "./network/index.ts";
import { placementRules } from "./placement/index.ts";
import { storageRules } from "./storage/index.ts";
import { hostRules } from "./hosts/index.ts";
import { tlsRules } from "./tls/index.ts";
import { orderingRules } from "./ordering/index.ts";
import { secretRules } from "./secrets/index.ts";
import { imageRules } from "./images/index.ts";
import { privilegedRules } from "./privileged/index.ts";
import { versionRules } from "./versions/index.ts";
import { dnsRules } from "./dns/index.ts";
import { applyRules } from "./apply/index.ts";

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
  ...applyRules,
];
