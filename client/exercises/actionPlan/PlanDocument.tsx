import { checklistSummary, CONDITIONS, CONDITIONS_SOURCE } from '../../../shared/exercises/actionPlan';
import type { LocalisedText } from '../../../shared/programme';
import { localise, useLang } from '../../i18n/i18n';
import { deleteDayTwoItem } from '../dayTwo/boardWrites';
import { useNames } from '../dayTwo/useWorkspace';
import { usePlanT } from './i18n';
import type { Mark, Step } from './usePlan';

/** The plan as a document: the view the cooperation prints (A4) and researchers read. */
export function PlanDocument(props: {
  groupId: string;
  steps: Step[];
  marks: Mark[];
  canRemove?: boolean;
  /** A role's name by its id (day one's catalogue, `usePlan`). */
  roleName: (id: string) => LocalisedText | null;
}) {
  const t = usePlanT();
  const lang = useLang();
  const names = useNames();
  const summary = checklistSummary(props.marks);
  const roleName = (id: string) => localise(props.roleName(id) ?? undefined, lang) || id;
  return (
    <article className="plan-print daytwo-stack" data-testid="plan-document">
      <h2>{t('title', { group: names.group(props.groupId) })}</h2>
      <h3>{t('steps')}</h3>
      {props.steps.length === 0 ? (
        <p className="muted">{t('noSteps')}</p>
      ) : (
        <ol className="daytwo-stack">
          {props.steps.map((s) => (
            <li key={s.id} data-testid="plan-step">
              <strong>{s.what}</strong>
              {s.firstStep && <em> ({t('first')})</em>}
              <br />
              {t('who')}: {names.who(s)} · {t('whenShort')}: {s.when}
              {s.roleIds.length > 0 && <> · {s.roleIds.map(roleName).join(', ')}</>}
              {props.canRemove && (
                <button
                  type="button"
                  className="button button--small plan-noprint"
                  onClick={() => deleteDayTwoItem(s.id)}
                >
                  {t('remove')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      <h3>{t('checklist')}</h3>
      <p data-testid="plan-summary">{t('summary', summary)}</p>
      <ul className="plan-print__only">
        {CONDITIONS.map((c) => {
          const m = props.marks.find((x) => x.conditionId === c.id);
          return (
            <li key={c.id}>
              {localise(c.name, lang)}: {m ? t(m.status) : t('open')}
              {m?.note ? ` — ${m.note}` : ''}
            </li>
          );
        })}
      </ul>
      <p className="muted">
        {t('source')}: {localise(CONDITIONS_SOURCE, lang)}
      </p>
    </article>
  );
}
