import { useState } from 'react';
import {
  CONSULT_TAKEAWAY,
  consultKey,
  consultTakeawayFields,
  type ConsultRound,
} from '../../../shared/exercises/consult';
import { addDayTwoItem } from '../dayTwo/boardWrites';
import { useItems } from '../dayTwo/useItems';
import { useNames } from '../dayTwo/useWorkspace';
import { useConsultT } from './i18n';
import { DeletedItemUndo, OwnItemActions } from '../../components/OwnItemActions';

/** The consults a cooperation took part in, as `consultKey`s with a readable label. */
export function consultsOf(
  rounds: readonly ConsultRound[],
  groupId: string,
  label: (r: number, host: string, visitors: string[]) => string,
) {
  return rounds.flatMap((r) =>
    r.consults
      .filter((c) => c.hostId === groupId || c.visitorIds.includes(groupId))
      .map((c) => ({ key: consultKey(r.round, c.hostId), label: label(r.round, c.hostId, c.visitorIds) })),
  );
}

/** "Wat nemen we mee": back in the own cooperation, notes linked to the consults they came from. */
export function Takeaways(props: {
  sessionId: string;
  groupId: string;
  rounds: readonly ConsultRound[];
  write?: { participantId: string; locked: boolean };
  /** The console: edit and delete any takeaway (the page shows `<DeletedItemUndo />` once). */
  moderate?: boolean;
}) {
  const t = useConsultT();
  const names = useNames();
  const label = (round: number, host: string, visitors: string[]) =>
    t('consultWith', { round, host: names.group(host), visitors: visitors.map(names.group).join(t('and')) });
  const mine = consultsOf(props.rounds, props.groupId, label);
  const items = useItems(props.sessionId, CONSULT_TAKEAWAY, props.groupId);
  const [text, setText] = useState('');
  const [links, setLinks] = useState<string[]>([]);
  const w = props.write;
  return (
    <section className="daytwo-stack" aria-labelledby="takeaways-title">
      <h2 id="takeaways-title">{t('takeaways')}</h2>
      <ul className="daytwo-stack rolemarket-list" data-testid="takeaways">
        {items.map((i) => (
          <li key={i.id} className="daytwo-card" data-testid="takeaway">
            <p>{String(i.text)}</p>
            <p className="muted">
              {(i.consultKeys as string[]).map((k) => mine.find((m) => m.key === k)?.label ?? k).join(' · ')}
            </p>
            {(props.moderate || (w && i.authorId === w.participantId)) && (
              <OwnItemActions item={i} locked={w?.locked} />
            )}
          </li>
        ))}
      </ul>
      {w && <DeletedItemUndo />}
      {w && (
        <form
          className="daytwo-stack"
          onSubmit={(e) => {
            e.preventDefault();
            const res = addDayTwoItem(
              consultTakeawayFields,
              { kind: CONSULT_TAKEAWAY, sessionId: props.sessionId, groupId: props.groupId, authorId: w.participantId },
              { text, consultKeys: links },
            );
            if (res.ok) {
              setText('');
              setLinks([]);
            }
          }}
        >
          <label htmlFor="takeaway-input">{t('takeawayLabel')}</label>
          <textarea
            id="takeaway-input"
            className="input"
            rows={2}
            maxLength={500}
            value={text}
            disabled={w.locked}
            onChange={(e) => setText(e.target.value)}
            data-testid="takeaway-input"
          />
          <fieldset className="daytwo-who">
            <legend>{t('linkTo')}</legend>
            {mine.map((m) => (
              <label key={m.key} className="choice">
                <input
                  type="checkbox"
                  checked={links.includes(m.key)}
                  onChange={(e) => setLinks(e.target.checked ? [...links, m.key] : links.filter((l) => l !== m.key))}
                  data-testid="takeaway-link"
                />
                {m.label}
              </label>
            ))}
          </fieldset>
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={w.locked || !text.trim()}
            data-testid="takeaway-add"
          >
            {t('addTakeaway')}
          </button>
        </form>
      )}
    </section>
  );
}
