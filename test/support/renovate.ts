/**
 * Renovate's regex manager, as it treats a file: each `matchStrings` pattern compiled with the
 * `g` flag only (Renovate's `handleAny`), and an update replacing the current value inside the
 * matched text, then that text in the file (its auto-replace).
 */
export interface RenovateMatch {
  datasource: string;
  depName: string;
  registryUrl?: string;
  extractVersion?: string;
  currentValue: string;
  /** The matched text and where it starts. */
  replaceString: string;
  index: number;
}

interface RenovateConfig {
  customManagers: Array<{ customType: string; matchStrings: string[] }>;
}

export function renovateMatches(config: RenovateConfig, content: string): RenovateMatch[] {
  const manager = config.customManagers.find((m) => m.customType === "regex");
  if (!manager) throw new Error("renovate.json has no regex manager");
  return manager.matchStrings.flatMap((pattern) =>
    [...content.matchAll(new RegExp(pattern, "g"))].map((m) => ({ ...(m.groups as unknown as RenovateMatch), replaceString: m[0], index: m.index })),
  );
}

/** The file after Renovate updates `match` to `newValue`. */
export function renovateReplace(content: string, match: RenovateMatch, newValue: string): string {
  const replaced = match.replaceString.replace(match.currentValue, newValue);
  if (content.slice(match.index, match.index + match.replaceString.length) !== match.replaceString) throw new Error("the file changed since the match");
  return content.slice(0, match.index) + replaced + content.slice(match.index + match.replaceString.length);
}
