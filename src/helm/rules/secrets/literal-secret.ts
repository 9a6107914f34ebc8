import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { isObject, type Rule } from "../../../core/lint/context.ts";

/** Keys whose value would be the secret itself (not the name of a Secret holding it). */
const SECRET_KEY = /(password|passwd|passphrase|token|apikey|api_key|secretkey|secret_key|accesskey|access_key|privatekey|private_key|credentials?|clientsecret|client_secret)$/i;
/** Keys that hold a reference: the name of a Secret, a key inside one, a file path. */
const REFERENCE_KEY = /(^existing|secretname$|secretref$|ref$|name$|file$|path$|^secret$|secret$|key$|keys$)/i;
/** Values that are references or placeholders rather than secrets. */
const REFERENCE_VALUE = /^(\$\{.*\}|\{\{.*\}\}|\$__file\{.*\}|\$__env\{.*\}|vault:.*|file:.*|env:.*|secret:.*|\/.*)$/;

function literal(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "" && !REFERENCE_VALUE.test(value.trim());
}

/** No secret value in any generated file (A13): values name existing Secrets or Vault paths. */
export const literalSecret: Rule = {
  id: "secrets/literal",
  description: "no literal secret value (password, token, key, credentials) in any generated file",
  check(ctx) {
    const out: Diagnostic[] = [];
    const hint = "reference an existing Secret (existingSecret, secretKeyRef) or a Vault path instead (A13)";
    for (const { value, key, parent, site } of ctx.values()) {
      // `{name: DB_PASSWORD, value: "..."}`: env entries carry the key in `name`.
      if (key === "value" && isObject(parent) && typeof parent.name === "string" && SECRET_KEY.test(parent.name) && literal(value)) {
        out.push(ctx.at(this.id, site, `env ${parent.name} has a literal value`, { hint }));
      } else if (typeof key === "string" && SECRET_KEY.test(key) && !REFERENCE_KEY.test(key) && literal(value)) {
        out.push(ctx.at(this.id, site, `"${key}" has a literal value`, { hint }));
      }
    }
    for (const doc of ctx.kubeObjects) {
      if (doc.kind !== "Secret") continue;
      for (const field of ["data", "stringData"]) {
        if (isObject(doc.object[field]) && Object.keys(doc.object[field]).length) {
          out.push(ctx.at(this.id, { ...doc, pointer: `${doc.pointer}/${field}` }, `Secret carries literal ${field}`, { hint }));
        }
      }
    }
    return out;
  },
};
