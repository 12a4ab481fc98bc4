import type { ParticipantInfo } from '../../shared/controlDoc';

/** Dutch name particles, too common as words to replace on their own. */
const PARTICLES = new Set([
  'van',
  'der',
  'den',
  'de',
  'het',
  'ter',
  'ten',
  'von',
  'del',
  'da',
  'el',
  'al',
  'bin',
  'ben',
]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A function that replaces participants' names in free text (a note that mentions a colleague, a researcher's
 * observation) by their pseudonyms: the full name, and each part of it of three letters or more, as whole words,
 * ignoring case. Errs on the side of replacing too much.
 */
export function nameScrubber(participants: ParticipantInfo[], pseudonym: Map<string, string>): (s: string) => string {
  const pairs: Array<[string, string]> = [];
  for (const p of participants) {
    const alias = pseudonym.get(p.id);
    if (alias) for (const form of nameForms(p.name)) pairs.push([form, alias]);
  }
  return foldedReplacer(pairs);
}

/** One code point folded for name matching: decomposed, marks dropped, lower case (`ı`, `ß` mapped by hand). */
function foldChar(c: string): string {
  const f = c.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return f.replace(/ı/g, 'i').replace(/ß/g, 'ss');
}

/** Folds a whole text for name matching: `Zoë`, `ZOE`, `Zoe` + U+0308 and `zoe` all fold to `zoe`. */
export const foldName = (s: string): string => [...s].map(foldChar).join('');

/**
 * Replaces names in a text whatever form they were typed in: as typed, NFC or NFD, any case, with or without
 * diacritics ("Sukru Dogan" for "Şükrü Doğan"). `pairs` maps each name (or part of a name) to its replacement; the
 * longest match wins, matches are whole words. Text that matches nothing comes back unchanged (byte for byte).
 */
export function foldedReplacer(pairs: Array<[string, string]>): (s: string) => string {
  const lookup = new Map<string, string>();
  for (const [name, by] of [...pairs].sort((a, b) => b[0].length - a[0].length)) {
    const f = foldName(name.trim());
    if (f && !lookup.has(f)) lookup.set(f, by);
  }
  if (lookup.size === 0) return (s) => s;
  const keys = [...lookup.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (s) => {
    // Fold code point by code point, remembering where each folded character came from in the original.
    const from: number[] = [];
    let folded = '';
    let at = 0;
    for (const c of s) {
      const f = foldChar(c);
      for (let i = 0; i < f.length; i++) from.push(at);
      folded += f;
      at += c.length;
    }
    from.push(s.length);
    let out = '';
    let last = 0;
    let changed = false;
    for (const m of folded.matchAll(re)) {
      const start = from[m.index] ?? s.length;
      let end = from[m.index + m[0].length] ?? s.length;
      // A match ends after the combining marks that follow its last letter ("Zoe" + U+0308).
      while (end < s.length && /\p{M}/u.test(s[end] ?? '')) end++;
      if (start < last) continue;
      out += s.slice(last, start) + (lookup.get(m[0]) ?? m[0]);
      last = end;
      changed = true;
    }
    return changed ? out + s.slice(last) : s;
  };
}

/** The name and each part of it worth replacing on its own (three letters or more, no particle). */
export function nameForms(name: string): string[] {
  const full = name.trim();
  if (!full) return [];
  const parts = full.split(/[\s\-']+/).filter((p) => [...p].length >= 3 && !PARTICLES.has(foldName(p)));
  return [full, ...parts];
}
