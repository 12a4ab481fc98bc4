import { useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Code } from '../../shared/research/codebook';
import { useLang } from '../i18n/i18n';
import { addCode } from './researchActions';
import { draftActions, useDraftStore } from './draftStore';
import { useResearchT } from './i18n';
import { useResearchStore } from './researchStore';

const label = (c: Code, lang: string) => (lang === 'en' && c.nameEn ? c.nameEn : c.name);
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Codes of the observation: chips to remove, and a search box where Enter adds the best match or a new code. */
export function CodePicker(props: {
  researcherName: string;
  inputRef: RefObject<HTMLInputElement | null>;
  onDone: () => void;
}) {
  const t = useResearchT();
  const lang = useLang();
  const codes = useResearchStore((s) => s.codes);
  const chosen = useDraftStore((d) => d.codes);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const matches = useMemo(() => {
    const q = fold(query.trim());
    if (!q) return [];
    // Best first: an exact name, then names starting with the query, then the shortest of the rest.
    const rank = (c: Code) => {
      const names = [fold(c.name), fold(c.nameEn ?? '')];
      if (names.includes(q)) return 0;
      return names.some((n) => n.startsWith(q)) ? 1 : 2;
    };
    return codes
      .filter((c) => c.codable && !chosen.includes(c.id))
      .filter((c) => fold(c.name).includes(q) || fold(c.nameEn ?? '').includes(q))
      .sort((a, b) => rank(a) - rank(b) || a.name.length - b.name.length)
      .slice(0, 8);
  }, [codes, chosen, query]);

  const pick = (c: Code | null) => {
    const code = c ?? addCode(query, props.researcherName);
    if (code) draftActions.addCode(code.id);
    setQuery('');
    setActive(0);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, matches.length));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!query.trim()) return props.onDone();
      pick(matches[active] ?? null);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setQuery('');
      props.onDone();
    }
  };

  return (
    <div className="field">
      <span className="rlabel" id="codes-label">
        {t('codes')}
      </span>
      <ul className="chips" aria-labelledby="codes-label" data-testid="draft-codes">
        {chosen.map((id) => (
          <li key={id}>
            <button
              type="button"
              className="chip chip--on"
              onClick={() => draftActions.toggleCode(id)}
              aria-pressed="true"
            >
              {byId.get(id) ? label(byId.get(id)!, lang) : id} ×
            </button>
          </li>
        ))}
      </ul>
      <label className="visually-hidden" htmlFor="code-search">
        {t('codeSearch')}
      </label>
      <input
        id="code-search"
        ref={props.inputRef}
        className="input"
        placeholder={t('codeSearch')}
        value={query}
        autoComplete="off"
        role="combobox"
        aria-expanded={query.trim().length > 0}
        aria-controls="code-options"
        aria-activedescendant={query.trim() ? `code-option-${active}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        data-testid="code-search"
      />
      {query.trim() && (
        <ul id="code-options" role="listbox" className="code-options" aria-label={t('codes')}>
          {matches.map((c, i) => (
            <li
              key={c.id}
              id={`code-option-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'code-option code-option--active' : 'code-option'}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(c);
              }}
            >
              {label(c, lang)}
            </li>
          ))}
          <li
            id={`code-option-${matches.length}`}
            role="option"
            aria-selected={active === matches.length}
            className={active === matches.length ? 'code-option code-option--active' : 'code-option'}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(null);
            }}
          >
            {t('newCode', { name: query.trim() })}
          </li>
        </ul>
      )}
    </div>
  );
}
