export const KEYWORD_MAX = 40;
export const KEYWORD_COUNT = 3;

/**
 * Each keyword is a field of its own (`keyword0`…`keyword2`), so two teammates filling different slots at the same
 * moment both keep theirs (one array field would keep only the last writer's whole array). `keywords` is the array
 * older pitches were written with; it is still read where a slot has no field of its own.
 */
export const keywordField = (i: number): string => `keyword${i}`;

/** A pitch item's keywords, slot by slot (empty string for an empty slot). */
export function keywordsOf(item: Record<string, unknown>): string[] {
  const legacy = Array.isArray(item.keywords) ? item.keywords : [];
  return Array.from({ length: KEYWORD_COUNT }, (_, i) => {
    const own = item[keywordField(i)];
    const v = typeof own === 'string' ? own : legacy[i];
    return typeof v === 'string' ? v : '';
  });
}
