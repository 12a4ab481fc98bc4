import { runCommand } from '../../sync/commands';
import { ResearcherBar } from '../dayTwo/ResearcherBar';
import { useMembers, useNames, useResearcherName } from '../dayTwo/useWorkspace';
import type { ConsoleProps, PhoneProps, ResearcherProps, ScreenProps } from '../types';
import { Pager } from '../../views/screen/Pager';
import { useFitText } from '../../views/screen/useFitText';
import { useClosingT } from './i18n';
import { SummaryEditor } from './SummaryEditor';
import { chooseSpokesperson, useSpokesperson, useSummaries, type Summary } from './useSummaries';
import { useControlStore } from '../../store/controlStore';
import '../dayTwo/dayTwo.css';
import './closing.css';

function SummaryCard({ s, large }: { s: Summary; large?: boolean }) {
  const t = useClosingT();
  const names = useNames();
  const who = s.by === 'researcher' ? `${t('researcher')}: ${s.name}` : `${names.group(s.groupId)} · ${s.name}`;
  return (
    <article
      className={large ? 'closing-spotlight' : 'daytwo-card'}
      data-testid={large ? 'closing-spotlight' : 'closing-summary'}
    >
      <p className={large ? 'closing-spotlight__who' : 'muted'}>{who}</p>
      <p className={large ? 'closing-spotlight__text' : 'closing-text'}>{s.text}</p>
    </article>
  );
}

/**
 * Phone: the cooperation's spokesperson writes its summary; the others see who speaks for them and what, and any of
 * them can take the role over (the group decides, not whoever saved first). A new spokesperson starts from the text so
 * far and saves it as their own; the former one's text stays in the record.
 */
export function ClosingPhone({ session, participantId, groupId, locked }: PhoneProps) {
  const t = useClosingT();
  const names = useNames();
  const { speaker, summary, pick } = useSpokesperson(session.id, groupId);
  if (!groupId) return null;
  const group = names.group(groupId);
  const other = speaker !== null && speaker !== participantId;
  const own = summary && summary.authorId === participantId ? summary : undefined;
  return (
    <section className="daytwo-stack" aria-labelledby="closing-title">
      <h2 id="closing-title">{t('yours', { group })}</h2>
      <p className="muted">{t('hint')}</p>
      {speaker && (
        <p data-testid="closing-spokesperson">
          {speaker === participantId
            ? t('youSpokesperson', { group })
            : t('spokesperson', { name: names.person(speaker), group })}
        </p>
      )}
      {other ? (
        <>
          {summary && <SummaryCard s={summary} />}
          <button
            type="button"
            className="button"
            disabled={locked}
            onClick={() => chooseSpokesperson(session.id, groupId, participantId, participantId, pick)}
            data-testid="closing-take-over"
          >
            {t('takeOver')}
          </button>
        </>
      ) : (
        <SummaryEditor
          key={own?.id ?? summary?.id ?? 'new'}
          sessionId={session.id}
          groupId={groupId}
          authorId={participantId}
          by="spokesperson"
          name={names.person(participantId)}
          existing={own}
          startText={own ? undefined : summary?.text}
          locked={locked}
          onSaved={() => {
            if (speaker === null) chooseSpokesperson(session.id, groupId, participantId, participantId, pick);
          }}
        />
      )}
    </section>
  );
}

/** Console: who speaks for each cooperation; the facilitator can choose another member. */
function SpokespersonPicker({ sessionId, groupId }: { sessionId: string; groupId: string }) {
  const t = useClosingT();
  const names = useNames();
  const members = useMembers(groupId);
  const { speaker, pick } = useSpokesperson(sessionId, groupId);
  const id = `closing-speaker-${groupId}`;
  return (
    <div className="field field--inline">
      <label htmlFor={id}>{t('speakerFor', { group: names.group(groupId) })}</label>
      <select
        id={id}
        className="input input--small"
        value={speaker ?? ''}
        onChange={(e) => e.target.value && chooseSpokesperson(sessionId, groupId, e.target.value, 'facilitator', pick)}
        data-testid="closing-speaker-select"
        data-group-id={groupId}
      >
        <option value="">{t('nobodyYet')}</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Researcher: write your own summary (under the name you gave) and read the others. */
export function ClosingResearcher({ session }: ResearcherProps) {
  const t = useClosingT();
  const [name] = useResearcherName();
  const all = useSummaries(session.id);
  const mine = all.find((s) => s.by === 'researcher' && s.name === name);
  return (
    <div className="daytwo-stack" data-testid="closing-researcher">
      <ResearcherBar />
      <section className="daytwo-card daytwo-stack" aria-labelledby="closing-r-title">
        <h3 id="closing-r-title">{t('researcherTitle')}</h3>
        {name ? (
          <SummaryEditor
            key={name}
            sessionId={session.id}
            groupId={null}
            authorId="researcher"
            by="researcher"
            name={name}
            existing={mine}
            locked={false}
          />
        ) : (
          <p>{t('needName')}</p>
        )}
      </section>
      {all.map((s) => (
        <SummaryCard key={s.id} s={s} />
      ))}
    </div>
  );
}

/** Console: step through the summaries on the screen (the screen's spotlight). */
export function ClosingConsole({ session, spotlightItemId }: ConsoleProps) {
  const t = useClosingT();
  const all = useSummaries(session.id);
  const groups = useControlStore((s) => s.groups);
  const at = all.findIndex((s) => s.id === spotlightItemId);
  const show = (i: number) => void runCommand({ type: 'spotlight.set', itemId: all[i]?.id ?? null });
  return (
    <div className="daytwo-stack">
      <section aria-label={t('speakers')} className="daytwo-stack">
        {groups.map((g) => (
          <SpokespersonPicker key={g.id} sessionId={session.id} groupId={g.id} />
        ))}
      </section>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={at <= 0}
          onClick={() => show(at - 1)}
          data-testid="closing-previous"
        >
          {t('previous')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={at >= all.length - 1}
          onClick={() => show(at + 1)}
          data-testid="closing-next"
        >
          {t('next')}
        </button>
        <button type="button" className="button" disabled={at < 0} onClick={() => show(-1)}>
          {t('stop')}
        </button>
        {at >= 0 && <span>{t('ofTotal', { n: at + 1, total: all.length })}</span>}
      </div>
      {all.length === 0 && <p className="muted">{t('none')}</p>}
      <ol className="daytwo-stack rolemarket-list">
        {all.map((s, i) => (
          <li key={s.id} aria-current={i === at ? 'step' : undefined}>
            <SummaryCard s={s} />
            <button type="button" className="button button--small" onClick={() => show(i)}>
              {t('show')}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Screen: the summary being presented, full size; before that, who has summed up. */
export function ClosingScreen({ session, spotlightItemId }: ScreenProps) {
  const t = useClosingT();
  const names = useNames();
  const all = useSummaries(session.id);
  const current = all.find((s) => s.id === spotlightItemId);
  if (current) return <ClosingSpotlight s={current} />;
  return (
    <div className="screen-stack" data-testid="closing-screen">
      <p className="closing-screen__count">{t('waiting', { count: all.length })}</p>
      <Pager className="screen-wall" label={t('waiting', { count: all.length })}>
        {all.map((s) => (
          <li key={s.id} className="screen-card">
            <p className="screen-card__text" data-contribution>
              {s.by === 'researcher' ? `${t('researcher')}: ${s.name}` : `${names.group(s.groupId)} · ${s.name}`}
            </p>
          </li>
        ))}
      </Pager>
    </div>
  );
}

/** The summary being presented, filling the screen; a long one steps down in size, never below the minimum. */
function ClosingSpotlight({ s }: { s: Summary }) {
  const t = useClosingT();
  const names = useNames();
  const fit = useFitText<HTMLElement>(24);
  const who = s.by === 'researcher' ? `${t('researcher')}: ${s.name}` : `${names.group(s.groupId)} · ${s.name}`;
  return (
    <article className="closing-spotlight" data-testid="closing-spotlight" ref={fit}>
      <p className="closing-spotlight__who">{who}</p>
      <p className="closing-spotlight__text" data-contribution>
        {s.text}
      </p>
    </article>
  );
}
