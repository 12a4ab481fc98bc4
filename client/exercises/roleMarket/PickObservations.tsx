import { useState } from 'react';
import { PICK_OBSERVATION, pickObservationFields, type RolePick } from '../../../shared/exercises/roleMarket';
import { addDayTwoItem } from '../dayTwo/boardWrites';
import { useItems } from '../dayTwo/useItems';
import { useResearcherName } from '../dayTwo/useWorkspace';
import { useRoleMarketT } from './i18n';

/** A researcher's observation notes on one pick, and a small form to add one. */
export function PickObservations({ pick, sessionId }: { pick: RolePick; sessionId: string }) {
  const t = useRoleMarketT();
  const [name] = useResearcherName();
  const notes = useItems(sessionId, PICK_OBSERVATION).filter((n) => n.pickId === pick.id);
  const [text, setText] = useState('');
  const id = `obs-${pick.id}`;
  return (
    <div className="daytwo-stack">
      {notes.length > 0 && (
        <ul aria-label={t('observations')} data-testid="pick-observations">
          {notes.map((n) => (
            <li key={n.id}>
              {String(n.text)}
              {typeof n.researcherName === 'string' && n.researcherName ? ` — ${n.researcherName}` : ''}
            </li>
          ))}
        </ul>
      )}
      <form
        className="field field--inline"
        onSubmit={(e) => {
          e.preventDefault();
          const res = addDayTwoItem(
            pickObservationFields,
            { kind: PICK_OBSERVATION, sessionId, groupId: pick.groupId, authorId: 'researcher' },
            { pickId: pick.id, text, ...(name ? { researcherName: name } : {}) },
          );
          if (res.ok) setText('');
        }}
      >
        <label htmlFor={id} className="visually-hidden">
          {t('addObservation')}
        </label>
        <input
          id={id}
          className="input input--small"
          value={text}
          maxLength={500}
          placeholder={t('addObservation')}
          onChange={(e) => setText(e.target.value)}
          data-testid="observation-input"
          data-researcher={name}
        />
        <button type="submit" className="button button--small" data-testid="observation-add">
          {t('addNote')}
        </button>
      </form>
    </div>
  );
}
