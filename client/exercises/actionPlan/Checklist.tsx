import { useState } from 'react';
import {
  CONDITION_GROUPS,
  CONDITION_STATUSES,
  CONDITIONS,
  CONDITIONS_SOURCE,
  PLAN_CONDITION,
  planConditionFields,
  planConditionId,
  type ConditionStatus,
} from '../../../shared/exercises/actionPlan';
import { CONDITION_EXPLANATIONS } from '../../../shared/exercises/actionPlan/explanations';
import { localise, useLang } from '../../i18n/i18n';
import { addDayTwoItem, patchDayTwoItem } from '../dayTwo/boardWrites';
import { usePlanT } from './i18n';
import type { Mark } from './usePlan';

/** The conditions of the source, each marked present / to work on / n/a with a note; editable by the whole cooperation. */
export function Checklist(props: {
  sessionId: string;
  groupId: string;
  participantId: string;
  marks: Mark[];
  locked: boolean;
}) {
  const t = usePlanT();
  const lang = useLang();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const markOf = (id: string) => props.marks.find((m) => m.conditionId === id);
  const save = (conditionId: string, status: ConditionStatus, note: string) => {
    const existing = markOf(conditionId);
    if (existing) return patchDayTwoItem(existing.id, { status, note: note.trim() });
    addDayTwoItem(
      planConditionFields,
      {
        id: planConditionId(props.sessionId, props.groupId, conditionId),
        kind: PLAN_CONDITION,
        sessionId: props.sessionId,
        groupId: props.groupId,
        authorId: props.participantId,
      },
      { conditionId, status, note, editableBy: 'group' },
    );
  };
  return (
    <section className="daytwo-stack plan-noprint" aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t('checklist')}</h2>
      {CONDITION_GROUPS.map((group) => (
        <fieldset key={group} className="daytwo-who">
          <legend>{t(group)}</legend>
          {CONDITIONS.filter((c) => c.group === group).map((c) => {
            const mark = markOf(c.id);
            const note = notes[c.id] ?? mark?.note ?? '';
            return (
              <div
                key={c.id}
                className="plan-condition"
                role="group"
                aria-labelledby={`cond-${c.id}`}
                data-testid="plan-condition"
                data-condition={c.id}
                data-status={mark?.status ?? ''}
              >
                <p id={`cond-${c.id}`} className="plan-condition__name">
                  {localise(c.name, lang)}
                </p>
                <p className="muted plan-condition__explain" data-testid="condition-explain">
                  {localise(CONDITION_EXPLANATIONS[c.id], lang)}
                </p>
                <div className="daytwo-tabs">
                  {CONDITION_STATUSES.map((s) => (
                    <button
                      key={s}
                      type="button"
                      className="button button--small"
                      aria-pressed={mark?.status === s}
                      disabled={props.locked}
                      onClick={() => save(c.id, s, note)}
                      data-testid={`condition-${s}`}
                    >
                      {t(s)}
                    </button>
                  ))}
                </div>
                <label className="visually-hidden" htmlFor={`note-${c.id}`}>
                  {t('note')}: {localise(c.name, lang)}
                </label>
                <input
                  id={`note-${c.id}`}
                  className="input input--small"
                  value={note}
                  maxLength={500}
                  placeholder={t('note')}
                  disabled={props.locked || !mark}
                  onChange={(e) => setNotes({ ...notes, [c.id]: e.target.value })}
                  onBlur={() => mark && note !== mark.note && save(c.id, mark.status, note)}
                />
              </div>
            );
          })}
        </fieldset>
      ))}
      <p className="muted">
        {t('source')}: {localise(CONDITIONS_SOURCE, lang)}
      </p>
    </section>
  );
}
