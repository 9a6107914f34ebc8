import type { Rule } from "../../../core/lint/context.ts";
import { referencesResolve } from "./references.ts";
import { renderedKinds } from "./rendered-kinds.ts";
import { platformCaTrust } from "./trust.ts";
import { routeIsolation } from "./route-isolation.ts";
import { storageCapacity } from "./capacity.ts";

/** Apply-readiness (design principle 13): references, install order, trust, isolation, capacity. */
export const applyRules: Rule[] = [referencesResolve, renderedKinds, platformCaTrust, routeIsolation, storageCapacity];
