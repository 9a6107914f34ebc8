/** Kubespray checks (S2): what Kubespray would only find out halfway through a playbook run. */
import type { PlatformRule } from "../../core/lint/context.ts";
import { rule as unknownVar } from "./unknown-var.ts";
import { rule as booleanVar } from "./boolean-var.ts";
import { rule as controlPlaneEmpty } from "./control-plane-empty.ts";
import { rule as etcdOdd } from "./etcd-odd.ts";
import { rule as kubeVersion } from "./kube-version.ts";
import { rule as networkRanges } from "./network-ranges.ts";
import { rule as nodePrefix } from "./node-prefix.ts";
import { rule as addonDuplicate } from "./addon-duplicate.ts";

export const kubesprayRules: PlatformRule[] = [unknownVar, booleanVar, controlPlaneEmpty, etcdOdd, kubeVersion, networkRanges, nodePrefix, addonDuplicate];
