import type { Rule } from "../../../core/lint/context.ts";
import { missingTls } from "./missing-tls.ts";
import { unknownIssuer } from "./unknown-issuer.ts";

export const tlsRules: Rule[] = [missingTls, unknownIssuer];
