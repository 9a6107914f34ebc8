// src/diagnostics/suggest.ts
function editDistance(a, b) {
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
function closest(word, known) {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best;
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
  const lower = word.toLowerCase();
  for (const candidate of known) {
    const c = candidate.toLowerCase();
    if (c !== lower && lower.length >= 3 && (c.startsWith(lower) || lower.startsWith(c))) return candidate;
  }
  return void 0;
}
function didYouMean(word, known) {
  const match = closest(word, known);
  return match === void 0 ? void 0 : `did you mean "${match}"?`;
}

export {
  didYouMean
};
