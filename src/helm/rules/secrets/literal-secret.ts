import type { Diagnostic } from "../../../core/diagnostics/types.ts";
import { isObject, type LintContext, type LintFile, type Rule } from "../../../core/lint/context.ts";
import { toPointer } from "../../../core/diagnostics/locate.ts";
import { PUBLIC_DATA_ANNOTATION } from "../../../core/model/derive.ts";

/** Keys a generated Secret declares free of secret values (role definitions ECK reads from a Secret). */
function publicKeys(object: Record<string, unknown>): Set<string> {
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const annotations = isObject(metadata.annotations) ? metadata.annotations : {};
  const listed = annotations[PUBLIC_DATA_ANNOTATION];
  return new Set(typeof listed === "string" ? listed.split(",").map((k) => k.trim()) : []);
}

/** Keys whose value would be the secret itself (not the name of a Secret holding it). */
const SECRET_KEY = /(password|passwd|passphrase|token|apikey|api_key|secretkey|secret_key|accesskey|access_key|privatekey|private_key|credentials?|clientsecret|client_secret)$/i;
/** Keys that hold a reference: the name of a Secret, a key inside one, a file path. */
const REFERENCE_KEY = /(^existing|secretname$|secretref$|ref$|name$|file$|path$|^secret$|secret$|key$|keys$)/i;
/** Values that are references or placeholders rather than secrets. */
const REFERENCE_VALUE = /^(\$\{.*\}|\{\{.*\}\}|\$__file\{.*\}|\$__env\{.*\}|vault:.*|file:.*|env:.*|secret:.*|\/.*)$/;

/**
 * Credentials recognisable by their shape wherever they are (a script line, a comment), each with
 * a text every match contains: a plain search for it spares the pattern nearly every file.
 */
const TOKEN_SHAPES: Array<[RegExp, string, string]> = [
  [/glpat-[0-9A-Za-z_-]{20,}/, "a GitLab personal access token", "glpat-"],
  [/glrt-[0-9A-Za-z_-]{20,}/, "a GitLab runner token", "glrt-"],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}/, "a GitHub token", "_"],
  [/\bAKIA[0-9A-Z]{16}\b/, "an AWS access key id", "AKIA"],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/, "a Slack token", "xox"],
  [/\b\d{8,10}:AA[0-9A-Za-z_-]{33}\b/, "a Telegram bot token", ":AA"],
  [/-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/, "a private key", "PRIVATE KEY-----"],
];

function literal(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "" && !REFERENCE_VALUE.test(value.trim());
}

/**
 * An object that names a Secret (`secretName`) and, in its other fields, keys inside it: Strimzi's
 * `passwordSecret: {secretName, password: <key>}`. Its `password` is a key name, not a password.
 */
function namesKeyOfSecret(parent: unknown): boolean {
  return isObject(parent) && typeof parent.secretName === "string";
}

/** Literal values in the data of a file the cluster does not receive (whatever the environment). */
function dataFindings(ctx: LintContext, rule: string, file: LintFile, hint: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (file.kind === "values" || file.kind === "manifest" || !/\.(ya?ml|json)$/.test(file.path)) return out;
  file.docs.forEach((data, doc) => {
    // Depth first in document order, as `walk` visits; the path is one stack, made a pointer
    // only for a finding (these files are every environment's Kubespray, Proxmox and DNS data).
    const path: Array<string | number> = [];
    const site = () => ({ file, doc, pointer: toPointer(path) });
    const visit = (value: unknown, key: string | number | undefined, parent: unknown): void => {
      if (key === "value" && isObject(parent) && typeof parent.name === "string" && SECRET_KEY.test(parent.name) && literal(value)) {
        out.push(ctx.at(rule, site(), `env ${parent.name} has a literal value`, { hint }));
      } else if (typeof key === "string" && SECRET_KEY.test(key) && !REFERENCE_KEY.test(key) && literal(value)) {
        out.push(ctx.at(rule, site(), `"${key}" has a literal value`, { hint }));
      }
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          visit(value[i], i, value);
          path.pop();
        }
      } else if (isObject(value)) {
        for (const k of Object.keys(value)) {
          path.push(k);
          visit(value[k], k, value);
          path.pop();
        }
      }
    };
    visit(data, undefined, undefined);
  });
  return out;
}

/** Credentials recognisable by their shape, anywhere in a file's text. */
function shapeFindings(rule: string, file: LintFile, hint: string): Diagnostic[] {
  // Each shape is sought in the whole text first: none of them spans a line, so a text without a
  // match has no line with one, and most files have none.
  const shapes = TOKEN_SHAPES.filter(([shape, , part]) => file.text.includes(part) && shape.test(file.text));
  if (!shapes.length) return [];
  const out: Diagnostic[] = [];
  file.text.split("\n").forEach((line, i) => {
    for (const [shape, what] of shapes) {
      const match = shape.exec(line);
      if (match) out.push({ rule, severity: "error", message: `${what} in the file`, file: file.path, position: { line: i + 1, column: match.index + 1 }, hint });
    }
  });
  return out;
}

/** No secret value in any generated file (A13): values name existing Secrets or Vault paths. */
export const literalSecret: Rule = {
  id: "secrets/literal",
  description: "no literal secret value (password, token, key, credentials) in any generated file",
  check(ctx) {
    const out: Diagnostic[] = [];
    const hint = "reference an existing Secret (existingSecret, secretKeyRef) or a Vault path instead (A13)";
    // `site` is read for a finding only: it builds the value's pointer.
    const visits = ctx.values();
    for (let index = 0; index < visits.length; index++) {
      const visit = visits[index]!;
      const { value, key, parent } = visit;
      // `{name: DB_PASSWORD, value: "..."}`: env entries carry the key in `name`.
      if (key === "value" && isObject(parent) && typeof parent.name === "string" && SECRET_KEY.test(parent.name) && literal(value)) {
        out.push(ctx.at(this.id, visit.site, `env ${parent.name} has a literal value`, { hint }));
      } else if (typeof key === "string" && SECRET_KEY.test(key) && !REFERENCE_KEY.test(key) && !namesKeyOfSecret(parent) && literal(value)) {
        out.push(ctx.at(this.id, visit.site, `"${key}" has a literal value`, { hint }));
      }
    }
    // Files the cluster does not receive are read by people and pipelines: Kubespray's
    // group_vars, GitLab CI templates, Proxmox specs, environments, DNS records. Every
    // environment's context holds the shared files: what a file holds is found once per run.
    for (const file of ctx.files) out.push(...ctx.fileFindings(`${this.id} data`, file, () => dataFindings(ctx, this.id, file, hint)));
    for (const file of ctx.files) out.push(...ctx.fileFindings(`${this.id} shapes`, file, () => shapeFindings(this.id, file, hint)));
    for (const doc of ctx.kubeObjects) {
      if (doc.kind !== "Secret") continue;
      const exempt = publicKeys(doc.object);
      for (const field of ["data", "stringData"]) {
        if (isObject(doc.object[field]) && Object.keys(doc.object[field]).some((k) => !exempt.has(k))) {
          out.push(ctx.at(this.id, { ...doc, pointer: `${doc.pointer}/${field}` }, `Secret carries literal ${field}`, { hint }));
        }
      }
    }
    return out;
  },
};
