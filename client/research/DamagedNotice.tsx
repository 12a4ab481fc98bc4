import { useMemo } from 'react';
import { itemProblem } from '../../shared/research/recordCheck';
import { useBoardStore } from '../store/boardStore';
import { useResearchT, type ResearchKey } from './i18n';
import { useResearchStore } from './researchStore';

/** The base fields only: checked on every change, so the kinds' own (large) values are not walked. */
const SHALLOW = { deep: false };

/**
 * Names the board items and research notes that are damaged (a field missing or out of range): they are not shown in
 * the feed or the notes, but they are not hidden either; the export lists them under "Damaged entries".
 */
export function DamagedNotice() {
  const t = useResearchT();
  const items = useBoardStore((s) => s.items);
  const research = useResearchStore((s) => s.damaged);
  const board = useMemo(
    () =>
      Object.entries(items).flatMap(([key, item]) => {
        const reason = itemProblem(item, key, SHALLOW);
        return reason ? [{ id: key, reason }] : [];
      }),
    [items],
  );
  const notes = research.filter((d) => d.type === 'observation');
  const codes = research.filter((d) => d.type === 'code');
  if (board.length + notes.length + codes.length === 0) return null;
  const line = (list: Array<{ id: string; reason: string }>, one: ResearchKey, many: ResearchKey) =>
    list.length === 0 ? null : (
      <p>
        {list.length === 1 ? t(one) : t(many, { count: list.length })}{' '}
        <span className="muted">{list.map((d) => `${d.id} (${d.reason})`).join(' · ')}</span>
      </p>
    );
  return (
    <div className="notice notice--warning" role="status" data-testid="damaged-notice">
      {line(board, 'damagedItemsOne', 'damagedItemsMany')}
      {line(notes, 'damagedNotesOne', 'damagedNotesMany')}
      {line(codes, 'damagedCodesOne', 'damagedCodesMany')}
      <p>{t('damagedHint')}</p>
    </div>
  );
}
