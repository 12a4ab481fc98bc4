/** A small seeded PRNG (mulberry32): the same seed always gives the same draw, so a draw can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws a pitch order: a Fisher–Yates shuffle of the group ids, deterministic for a seed. */
export function drawOrder(groupIds: readonly string[], seed: number): string[] {
  const out = [...groupIds];
  const rnd = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The order to show: the stored one (groups that no longer exist left out, new groups appended). */
export function effectiveOrder(stored: readonly string[] | undefined, groupIds: readonly string[]): string[] {
  const known = new Set(groupIds);
  const kept = (stored ?? []).filter((id) => known.has(id));
  return [...kept, ...groupIds.filter((id) => !kept.includes(id))];
}
