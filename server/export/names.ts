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
    const name = p.name.trim();
    if (!alias || !name) continue;
    pairs.push([name, alias]);
    for (const part of name.split(/[\s\-']+/)) {
      if ([...part].length >= 3 && !PARTICLES.has(part.toLowerCase())) pairs.push([part, alias]);
    }
  }
  if (pairs.length === 0) return (s) => s;
  pairs.sort((a, b) => b[0].length - a[0].length);
  const lookup = new Map(pairs.map(([n, a]) => [n.toLocaleLowerCase('nl'), a]));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${pairs.map(([n]) => escape(n)).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (s) => s.replace(re, (m) => lookup.get(m.toLocaleLowerCase('nl')) ?? m);
}
