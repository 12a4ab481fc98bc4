import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fill } from '../../client/i18n/fill';

/** Every message file: the main dictionaries, the research console's and each exercise's own. */
const files = [
  'client/i18n/nl.ts',
  'client/i18n/en.ts',
  'client/i18n/staff.ts',
  'client/research/i18n.ts',
  ...readdirSync('client/exercises', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join('client/exercises', d.name, 'i18n.ts'))
    .filter((f) => {
      try {
        return readFileSync(f).length > 0;
      } catch {
        return false;
      }
    }),
];
/** Each quoted template with a variable in it. */
const templates = files.flatMap((f) =>
  [...readFileSync(f, 'utf8').matchAll(/'((?:[^'\\\n]|\\.)*\{[^']*)'|"((?:[^"\\\n]|\\.)*\{[^"]*)"/g)].map(
    (m) => [f, (m[1] ?? m[2])!] as const,
  ),
);
const ONE = { count: 1, budget: 1, max: 1, min: 1, n: 1, total: 1, online: 1, ready: 1, round: 1 };
const PLURAL_AFTER_ONE =
  /\b1 (stippen|rollen|keuzes|bomen|notities|krachten|antwoorden|lijnen|bijdragen|wijzigingen|dots|roles|picks|trees|notes|strengths|answers|lines|contributions|changes)\b/;

describe('plurals through client/i18n', () => {
  it('picks the singular for one and the plural for more, in Dutch and English', () => {
    expect(fill('nl', '{count|# stip|# stippen}', { count: 1 })).toBe('1 stip');
    expect(fill('nl', '{count|# stip|# stippen}', { count: 0 })).toBe('0 stippen');
    expect(fill('nl', 'Nog {count} van {budget|# stip|# stippen}.', { count: 2, budget: 3 })).toBe(
      'Nog 2 van 3 stippen.',
    );
    expect(fill('en', '{count|# role|# roles}', { count: 1 })).toBe('1 role');
    expect(fill('en', '{count|# role|# roles}', { count: 5 })).toBe('5 roles');
    expect(fill('en', '{missing|a|b} {x}', { x: 'y' })).toBe('{missing|a|b} y');
  });

  it('never says "1 stippen", "1 rollen", "1 keuzes"… in any message file', () => {
    expect(templates.length).toBeGreaterThan(50);
    const wrong = templates
      .map(([f, t]) => [f, fill(f.includes('/en.ts') ? 'en' : 'nl', t, ONE)] as const)
      .filter(([, s]) => PLURAL_AFTER_ONE.test(s));
    expect(wrong).toEqual([]);
  });
});
