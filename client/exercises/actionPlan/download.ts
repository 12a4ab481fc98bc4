import { planToMarkdown } from '../../../shared/exercises/actionPlan';
import type { LocalisedText } from '../../../shared/programme';
import type { Mark, Step } from './usePlan';

/** Saves the plan as a Markdown file through the browser (no server round trip). */
export function downloadPlan(
  cooperation: string,
  steps: Step[],
  marks: Mark[],
  who: (s: Step) => string,
  roleName: (id: string) => LocalisedText | null,
): void {
  const md = planToMarkdown({
    cooperation,
    steps: steps.map((s) => ({
      what: s.what,
      who: who(s),
      when: s.when,
      firstStep: s.firstStep,
      roles: s.roleIds.map((id) => roleName(id)?.nl ?? id),
    })),
    marks: marks.map((m) => ({ conditionId: m.conditionId, status: m.status, note: m.note })),
  });
  const url = URL.createObjectURL(new Blob([md], { type: 'text/markdown;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `plan-van-aanpak-${cooperation.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.md`;
  a.click();
  URL.revokeObjectURL(url);
}
