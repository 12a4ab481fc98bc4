import type { LocalisedText } from '../../programme';
import { TEMPLATE_SOURCE } from '../../template';

/** A condition for durable cooperation, from the source; the action plan's checklist. */
export interface Condition {
  id: string;
  /** Chapter 2: the fertile ground and what feeds a running cooperation; chapter 5: what makes it last. */
  group: 'bodem' | 'voeden' | 'duurzaam';
  name: LocalisedText;
}

/** The checklist's sections in order. */
export const CONDITION_GROUPS = ['bodem', 'voeden', 'duurzaam'] as const;

/** Where the checklist comes from, shown with it. */
export const CONDITIONS_SOURCE = {
  nl: `Hoofdstuk 2 ("Vruchtbare bodem", naar Ponzoni 2012; "Voeden van de samenwerking") en hoofdstuk 5 ("Aandachtspunten voor duurzame samenwerking") van: ${TEMPLATE_SOURCE}`,
  en: `Chapter 2 ("Fertile ground", after Ponzoni 2012; "Feeding the cooperation") and chapter 5 ("Points of attention for durable cooperation") of: ${TEMPLATE_SOURCE}`,
};

const c = (id: string, group: Condition['group'], [nl, en]: [string, string]): Condition => ({
  id,
  group,
  name: { nl, en },
});

/**
 * The four basic conditions ("vruchtbare bodem") with the two the workshop added to them, the nine that feed a
 * running cooperation (chapter 2), and the points of attention for making it last (chapter 5). Their explanations
 * are in `./explanations.ts`, loaded only with the checklist.
 */
export const CONDITIONS: Condition[] = [
  c('urgency', 'bodem', ['Gevoel van urgentie', 'Sense of urgency']),
  c('knowing', 'bodem', ['Kennis van elkaar', 'Knowing each other']),
  c('trust', 'bodem', ['Vertrouwen', 'Trust']),
  c('vision', 'bodem', ['Gemeenschappelijke visie', 'Shared vision']),
  c('notInstrumental', 'bodem', ['Geen instrumentele benadering', 'No instrumental approach']),
  c('recognition', 'bodem', ['Erkenning van elkaars deskundigheid', 'Recognising each other’s expertise']),
  c('consultation', 'voeden', [
    'Regelmatig overleg tussen formele en informele werkers',
    'Regular consultation between formal and informal workers',
  ]),
  c('fees', 'voeden', [
    'Financiële ruimte voor vrijwilligersvergoedingen of onkosten',
    'Room for volunteer fees or expenses',
  ]),
  c('guidance', 'voeden', ['Procesbegeleiding', 'Process guidance']),
  c('distinction', 'voeden', [
    'Het onderscheid tussen formeel en informeel bewaken',
    'Guarding the distinction between formal and informal',
  ]),
  c('expectations', 'voeden', [
    'Verwachtingen managen: duidelijke afspraken',
    'Managing expectations: clear agreements',
  ]),
  c('access', 'voeden', ['Elkaar ingang bieden in de eigen wereld', "Giving each other access to one's own world"]),
  c('visible', 'voeden', [
    'Zichtbaar en bereikbaar blijven voor elkaar',
    'Staying visible and reachable for each other',
  ]),
  c('longTerm', 'voeden', [
    'Samenwerking managen vanuit een lange termijn visie',
    'Managing the cooperation with a long-term view',
  ]),
  c('evaluate', 'voeden', ['Samen evalueren', 'Evaluating together']),
  c('teamDiversity', 'duurzaam', ['Diversiteit van het team', 'Diversity of the team']),
  c('cultureSensitivity', 'duurzaam', [
    'Cultuursensitiviteit en kennis van culturele achtergrond',
    'Cultural sensitivity and background knowledge',
  ]),
  c('informalPosition', 'duurzaam', ['Bewaken van de informele positie', 'Guarding the informal position']),
  c('structuralConsultation', 'duurzaam', [
    'Meer investeren in structureel overleg',
    'Investing more in structural consultation',
  ]),
  c('broadenSupport', 'duurzaam', ['Draagvlak verbreden', 'Broadening support']),
  c('municipalityDiversity', 'duurzaam', [
    'Aandacht voor diversiteit bij de gemeente',
    'Attention to diversity at the municipality',
  ]),
  c('municipalitySupport', 'duurzaam', ['De gemeente als ondersteuner', 'The municipality as supporter']),
];

export const CONDITION_STATUSES = ['present', 'work', 'na'] as const;
export type ConditionStatus = (typeof CONDITION_STATUSES)[number];

/** A cooperation's checklist as a summary: how many conditions are present, to work on, n/a, and still open. */
export function checklistSummary(marks: ReadonlyArray<{ conditionId: string; status: ConditionStatus }>) {
  const latest = new Map(marks.map((m) => [m.conditionId, m.status]));
  const count = (s: ConditionStatus) => CONDITIONS.filter((c) => latest.get(c.id) === s).length;
  return {
    present: count('present'),
    work: count('work'),
    na: count('na'),
    open: CONDITIONS.filter((c) => !latest.has(c.id)).length,
  };
}
