import { useMemo } from 'react';
import { useLang } from '../i18n/i18n';
import { itemProblem } from '../../shared/research/recordCheck';
import { useSessionItems } from '../store/boardStore';
import { useResearchT } from './i18n';
import { useResearchStore } from './researchStore';
import { clock, useNames } from './useNames';

/** The base fields only: checked on every change, so the kinds' own (large) values are not walked. */
const SHALLOW = { deep: false };

/** What happened in a session: contributions per group, who wrote, edits, hidden items, observations and codes. */
export function SessionSummary({ sessionId }: { sessionId: string }) {
  const t = useResearchT();
  const lang = useLang();
  const names = useNames();
  const time = clock(lang);
  const all = useSessionItems(sessionId);
  // Damaged items are counted in the damaged notice, not here (their times may be unprintable).
  const list = useMemo(() => all.filter((i) => itemProblem(i, undefined, SHALLOW) === null), [all]);
  const observations = useResearchStore((s) => s.observations);
  const codes = useResearchStore((s) => s.codes);
  const s = useMemo(() => {
    const obs = observations.filter((o) => o.sessionId === sessionId);
    const perGroup = new Map<string, number>();
    for (const i of list) perGroup.set(i.groupId ?? '', (perGroup.get(i.groupId ?? '') ?? 0) + 1);
    const codeCount = new Map<string, number>();
    for (const o of obs) for (const c of o.codes) codeCount.set(c, (codeCount.get(c) ?? 0) + 1);
    const times = list.map((i) => i.createdAt);
    return {
      count: list.length,
      contributors: new Set(list.map((i) => i.authorId).filter(Boolean)).size,
      hidden: list.filter((i) => i.hidden).length,
      edited: list.filter((i) => i.updatedAt > i.createdAt + 1000).length,
      observations: obs.length,
      perGroup: [...perGroup].sort((a, b) => b[1] - a[1]),
      topCodes: [...codeCount].sort((a, b) => b[1] - a[1]).slice(0, 5),
      from: times.length ? Math.min(...times) : null,
      to: times.length ? Math.max(...times) : null,
    };
  }, [list, observations, sessionId]);
  const codeName = (id: string) => codes.find((c) => c.id === id)?.name ?? id;
  return (
    <section className="panel" aria-labelledby="summary-title" data-testid="session-summary">
      <h2 id="summary-title">{t('summary')}</h2>
      <dl className="summary">
        <dt>{t('contributions')}</dt>
        <dd data-testid="summary-count">{s.count}</dd>
        <dt>{t('contributors')}</dt>
        <dd>{s.contributors}</dd>
        <dt>{t('editedCount')}</dt>
        <dd>{s.edited}</dd>
        <dt>{t('hiddenCount')}</dt>
        <dd>{s.hidden}</dd>
        <dt>{t('observations')}</dt>
        <dd data-testid="summary-observations">{s.observations}</dd>
      </dl>
      {s.from !== null && s.to !== null && (
        <p className="muted">{t('span', { from: time.format(s.from), to: time.format(s.to) })}</p>
      )}
      {s.perGroup.length > 0 && (
        <>
          <h3>{t('perGroup')}</h3>
          <ul>
            {s.perGroup.map(([g, n]) => (
              <li key={g}>
                {g ? names.group(g) : t('plenary')}: {n}
              </li>
            ))}
          </ul>
        </>
      )}
      {s.topCodes.length > 0 && (
        <>
          <h3>{t('topCodes')}</h3>
          <ul>
            {s.topCodes.map(([c, n]) => (
              <li key={c}>
                {codeName(c)}: {n}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
