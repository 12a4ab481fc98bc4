import { useCallback } from 'react';
import { create } from 'zustand';
import type { LocalisedText } from '../../shared/programme';
import { fill } from './fill';
import { nl, type MessageKey as CoreKey } from './nl';
import type { StaffKey } from './staff';

export type Lang = 'nl' | 'en';
/** Every message: the phone's and common ones (nl.ts, en.ts) and the staff pages' (staff.ts, loaded with them). */
export type MessageKey = CoreKey | StaffKey;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const STORAGE_KEY = 'werkplaats:lang';
/** The English strings, loaded on demand (Dutch is the default, so most phones never download them). */
let en: Record<CoreKey, string> | null = null;
/** Strings registered by a page's own dictionary module (`staff.ts`). */
const moreNl: Partial<Record<MessageKey, string>> = {};
const moreEn: Partial<Record<MessageKey, string>> = {};

/** Adds a page's strings (called by `staff.ts` when a staff page's code is loaded). */
export function registerMessages(nlMore: Record<string, string>, enMore: Record<string, string>): void {
  Object.assign(moreNl, nlMore);
  Object.assign(moreEn, enMore);
}
let loadingEn: Promise<void> | null = null;

function loadDictionary(lang: Lang): Promise<void> {
  if (lang === 'nl' || en) return Promise.resolve();
  loadingEn ??= import('./en').then(
    (m) => {
      en = m.en;
    },
    (err: unknown) => {
      loadingEn = null;
      throw err;
    },
  );
  return loadingEn;
}

function storedLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl'; // Private mode may forbid storage; Dutch is the default anyway.
  }
}

/** The language shown; English only once its strings have arrived (`langReady`). */
export const useLangStore = create<{ lang: Lang }>(() => ({ lang: 'nl' }));

/** Keeps <html lang> in step, so screen readers pronounce the page in the right language. */
const applyLang = (lang: Lang) => {
  if (typeof document !== 'undefined') document.documentElement.setAttribute('lang', lang);
};

/** Shows a language once its strings are here (at once for Dutch); Dutch stays if English cannot be loaded. */
function show(lang: Lang): Promise<void> {
  return loadDictionary(lang).then(
    () => {
      applyLang(lang);
      useLangStore.setState({ lang });
    },
    () => {
      // Offline before the English strings were ever fetched: the page stays in Dutch.
    },
  );
}

/** Settles when the stored language can be shown; main.tsx renders the first time after it (no flash of Dutch). */
export const langReady: Promise<void> = show(typeof window === 'undefined' ? 'nl' : storedLang());

export function setLang(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisted, but still switched for this page.
  }
  void show(lang);
}

function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const own = lang === 'en' && en ? (en[key as CoreKey] ?? moreEn[key]) : undefined;
  return fill(lang, own ?? nl[key as CoreKey] ?? moreNl[key] ?? key, vars);
}

/** Translates outside React (the current language at call time). */
export const t: Translate = (key, vars) => translate(useLangStore.getState().lang, key, vars);

export const useLang = (): Lang => useLangStore((s) => s.lang);

/** A translate function that re-renders the component when the language changes. */
export function useT(): Translate {
  const lang = useLang();
  return useCallback<Translate>((key, vars) => translate(lang, key, vars), [lang]);
}

/** Picks the current language from a text the programme carries in both languages. */
export const localise = (text: LocalisedText | undefined, lang: Lang): string => (text ? text[lang] || text.nl : '');

/** An exercise's own strings, in both languages; kept in the exercise's folder so exercises never share a file. */
export interface ExerciseDictionary<K extends string> {
  nl: Record<K, string>;
  en: Record<K, string>;
}

/**
 * A translate hook for one exercise's dictionary (`client/exercises/<kind>/i18n.ts`), with the same `{var}`
 * substitution and `{count|one|other}` plurals as the main one.
 */
export function makeUseT<K extends string>(dict: ExerciseDictionary<K>) {
  return function useExerciseT() {
    const lang = useLang();
    return useCallback(
      (key: K, vars?: Record<string, string | number>) => {
        return fill(lang, dict[lang][key] ?? dict.nl[key] ?? key, vars);
      },
      [lang],
    );
  };
}
