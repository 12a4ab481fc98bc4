import type { Item } from '../../boardDoc';
import { str, who } from '../exportHelpers';
import { roleName } from '../roleMarket/exportText';
import { CONDITIONS } from './conditions';

const STATUS: Record<string, string> = { present: 'aanwezig', work: 'werkpunt', na: 'niet van toepassing' };

/** A plan step as "stap: wat — wie — wanneer"; a condition as "voorwaarde X: status". */
export function actionPlanExportText(item: Item): string {
  if (item.kind === 'planCondition') {
    const name = CONDITIONS.find((c) => c.id === item.conditionId)?.name.nl ?? str(item, 'conditionId');
    const note = str(item, 'note');
    return `voorwaarde "${name}": ${STATUS[str(item, 'status')] ?? str(item, 'status')}${note ? ` — ${note}` : ''}`;
  }
  const roles = Array.isArray(item.roleIds) ? item.roleIds.filter((r) => typeof r === 'string').map(roleName) : [];
  return [
    `${item.firstStep ? 'eerste stap' : 'stap'}: ${str(item, 'what')}`,
    `wie: ${who(item)}`,
    `wanneer: ${str(item, 'when')}`,
    ...(roles.length ? [`rollen: ${roles.join(', ')}`] : []),
  ].join(' — ');
}
