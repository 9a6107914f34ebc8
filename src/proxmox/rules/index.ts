/** Proxmox and cross-layer checks (S1, A4-A6): the VMs match the model, the inventory and their hosts. */
import type { PlatformRule } from "../../core/lint/context.ts";
import { rule as apiParam } from "./api-param.ts";
import { rule as identity } from "./identity.ts";
import { rule as vmidUnique } from "./vmid-unique.ts";
import { rule as macUnique } from "./mac-unique.ts";
import { rule as capacity } from "./capacity.ts";
import { rule as controlPlaneSpread } from "./control-plane-spread.ts";
import { rule as gpuHost } from "./gpu-host.ts";
import { rule as dataDisk } from "./data-disk.ts";

export const proxmoxRules: PlatformRule[] = [apiParam, identity, vmidUnique, macUnique, capacity, controlPlaneSpread, gpuHost, dataDisk];
