/** "Did you mean" suggestions: the closest known word by edit distance. */

/** Levenshtein distance, case-insensitive (a wrong case is one mistake, not many). */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[t.length] ?? 0;
}

/**
 * The known word closest to `word`, when it is close enough to be a plausible typo: at most a
 * third of the word's length in edits (and at least one), ties broken by the known order; else a
 * known word that starts with it (or that it starts with).
 */
export function closest(word: string, known: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    if (candidate === word) continue;
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (bestDistance <= limit) return best;
  // A name cut short or with a suffix dropped (`homelab-ca` for `homelab-ca-issuer`).
  const lower = word.toLowerCase();
  for (const candidate of known) {
    const c = candidate.toLowerCase();
    if (c !== lower && lower.length >= 3 && (c.startsWith(lower) || lower.startsWith(c))) return candidate;
  }
  return undefined;
}

/** `did you mean "x"?`, or undefined when nothing is close. */
export function didYouMean(word: string, known: Iterable<string>): string | undefined {
  const match = closest(word, known);
  return match === undefined ? undefined : `did you mean "${match}"?`;
}
