import type { Item } from '../../boardDoc';
import type { Side } from '../../programme';
import { ADDED_STATEMENT_SOURCE, DEFAULT_STATEMENTS, type PrejudiceStatement } from './statements';
import { PREJUDICE_ANSWER, PREJUDICE_STATEMENT } from './index';

/** Counts per answer value (index 0 = 1 "niet herkenbaar" … 4 = 5 "zeer herkenbaar"), per side. */
export type Distribution = Record<Side, [number, number, number, number, number]>;

const empty = (): [number, number, number, number, number] => [0, 0, 0, 0, 0];

/** The distribution of one statement's answers, per side. */
export function tallyAnswers(items: readonly Item[], sessionId: string, statementId: string): Distribution {
  const out: Distribution = { formal: empty(), informal: empty() };
  for (const i of items) {
    if (i.kind !== PREJUDICE_ANSWER || i.sessionId !== sessionId || i.statementId !== statementId || i.hidden) continue;
    const v = Number(i.value);
    const side = i.side === 'formal' || i.side === 'informal' ? i.side : null;
    if (side && v >= 1 && v <= 5) out[side][v - 1] = (out[side][v - 1] ?? 0) + 1;
  }
  return out;
}

/** The game's statements: the defaults from the source, then those added during the session (visible ones). */
export function sessionStatements(items: readonly Item[], sessionId: string): PrejudiceStatement[] {
  const added = items
    .filter((i) => i.kind === PREJUDICE_STATEMENT && i.sessionId === sessionId && !i.hidden)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
    .map((i) => ({
      id: i.id,
      text: { nl: String(i.text), en: String(i.text) },
      source: ADDED_STATEMENT_SOURCE,
      cite: ADDED_STATEMENT_SOURCE,
    }));
  return [...DEFAULT_STATEMENTS, ...added];
}
