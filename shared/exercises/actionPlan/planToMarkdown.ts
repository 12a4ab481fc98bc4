import { CONDITIONS, CONDITIONS_SOURCE, type ConditionStatus } from './conditions';

export interface PlanForExport {
  cooperation: string;
  steps: Array<{ what: string; who: string; when: string; firstStep: boolean; roles: string[] }>;
  marks: Array<{ conditionId: string; status: ConditionStatus; note: string }>;
}

const STATUS = { present: 'aanwezig', work: 'werkpunt', na: 'n.v.t.' } as const;

/** The plan as a Markdown document (Dutch), for the cooperation to download and take home. */
export function planToMarkdown(plan: PlanForExport): string {
  const lines = [`# Plan van aanpak — ${plan.cooperation}`, '', '## Stappen', ''];
  const steps = [...plan.steps].sort((a, b) => Number(b.firstStep) - Number(a.firstStep));
  if (steps.length === 0) lines.push('_Nog geen stappen._');
  for (const [i, s] of steps.entries()) {
    lines.push(`${i + 1}. **${s.what}**${s.firstStep ? ' _(eerste stap)_' : ''}`);
    lines.push(`   - Wie: ${s.who}`, `   - Wanneer: ${s.when}`);
    if (s.roles.length) lines.push(`   - Rollen: ${s.roles.join(', ')}`);
  }
  lines.push('', '## Voorwaarden voor duurzame samenwerking', '');
  const marks = new Map(plan.marks.map((m) => [m.conditionId, m]));
  for (const c of CONDITIONS) {
    const m = marks.get(c.id);
    lines.push(`- ${c.name.nl}: ${m ? STATUS[m.status] : 'nog niet besproken'}${m?.note ? ` — ${m.note}` : ''}`);
  }
  lines.push('', `Bron van de voorwaarden: ${CONDITIONS_SOURCE.nl}`, '');
  return lines.join('\n');
}
