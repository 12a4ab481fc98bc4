import { makeUseT } from '../../i18n/i18n';

/** The projector's own strings (plurals as `_one`/`_other` pairs; see `plural`). */
export const useScreenT = makeUseT({
  nl: {
    page: 'Pagina {n} van {total}',
    paused: 'gepauzeerd',
    joined_one: '{count} deelnemer',
    joined_other: '{count} deelnemers',
    ready: '{ready} van {total} klaar',
    hands_one: '{count} hand omhoog',
    hands_other: '{count} handen omhoog',
    roomStatus: 'Stand van de zaal',
    votes: 'Stemming',
    dots_one: '{count} stip',
    dots_other: '{count} stippen',
    noVotes: 'Nog geen stippen',
    focus: 'Uitgelicht: {name}',
  },
  en: {
    page: 'Page {n} of {total}',
    paused: 'paused',
    joined_one: '{count} participant',
    joined_other: '{count} participants',
    ready: '{ready} of {total} ready',
    hands_one: '{count} hand raised',
    hands_other: '{count} hands raised',
    roomStatus: 'Room status',
    votes: 'Vote',
    dots_one: '{count} dot',
    dots_other: '{count} dots',
    noVotes: 'No dots yet',
    focus: 'Focused: {name}',
  },
});

type PluralBase<K extends string> = K extends `${infer B}_one` ? B : never;

/** `key_one` for a count of 1, else `key_other` (Dutch and English share this rule). */
export function plural<K extends string>(
  t: (key: K, vars?: Record<string, string | number>) => string,
  key: PluralBase<K>,
  count: number,
  vars: Record<string, string | number> = {},
): string {
  return t(`${key}_${count === 1 ? 'one' : 'other'}` as K, { count, ...vars });
}
