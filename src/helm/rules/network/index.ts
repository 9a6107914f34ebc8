import type { Rule } from "../../../core/lint/context.ts";
import { invalidAddress } from "./invalid-address.ts";
import { outsideLan } from "./outside-lan.ts";
import { duplicateNodeIp } from "./duplicate-node-ip.ts";
import { vipConflict } from "./vip-conflict.ts";
import { poolOverlap } from "./pool-overlap.ts";
import { lbIpOutsidePool } from "./lb-ip-outside-pool.ts";
import { lbIpDuplicate } from "./lb-ip-duplicate.ts";
import { cidrOverlap } from "./cidr-overlap.ts";

export const networkRules: Rule[] = [invalidAddress, outsideLan, duplicateNodeIp, vipConflict, poolOverlap, lbIpOutsidePool, lbIpDuplicate, cidrOverlap];
