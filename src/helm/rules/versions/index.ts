/** Version checks: pins, compatibility with the cluster, APIs the pinned versions serve. */
import type { Rule } from "../../../core/lint/context.ts";
import { exactPin } from "./exact-pin.ts";
import { kubeVersionAccepted } from "./kube-version.ts";
import { retiredApi } from "./retired-api.ts";
import { crdServed } from "./crd-served.ts";
import { strimziKraft } from "./strimzi-kraft.ts";
import { glusterfsInTree } from "./glusterfs.ts";
import { gatewayExperimental } from "./gateway-channel.ts";

export const versionRules: Rule[] = [exactPin, kubeVersionAccepted, retiredApi, crdServed, strimziKraft, glusterfsInTree, gatewayExperimental];
