import type { LocalisedText } from '../../programme';
import { TEMPLATE_SOURCE } from '../../template';

/** A condition for durable cooperation, from the source; the action plan's checklist. */
export interface Condition {
  id: string;
  /** Chapter 2: the fertile ground and what feeds a running cooperation; chapter 5: what makes it last. */
  group: 'bodem' | 'voeden' | 'duurzaam';
  name: LocalisedText;
  /** What the condition means, in a sentence, after the source. */
  explain: LocalisedText;
}

/** The checklist's sections in order. */
export const CONDITION_GROUPS = ['bodem', 'voeden', 'duurzaam'] as const;

/** Where the checklist comes from, shown with it. */
export const CONDITIONS_SOURCE = {
  nl: `Hoofdstuk 2 ("Vruchtbare bodem", naar Ponzoni 2012; "Voeden van de samenwerking") en hoofdstuk 5 ("Aandachtspunten voor duurzame samenwerking") van: ${TEMPLATE_SOURCE}`,
  en: `Chapter 2 ("Fertile ground", after Ponzoni 2012; "Feeding the cooperation") and chapter 5 ("Points of attention for durable cooperation") of: ${TEMPLATE_SOURCE}`,
};

const c = (
  id: string,
  group: Condition['group'],
  [nl, en]: [string, string],
  [explainNl, explainEn]: [string, string],
): Condition => ({ id, group, name: { nl, en }, explain: { nl: explainNl, en: explainEn } });

/**
 * The four basic conditions ("vruchtbare bodem") with the two the workshop added to them, the nine that feed a
 * running cooperation (chapter 2), and the points of attention for making it last (chapter 5).
 */
export const CONDITIONS: Condition[] = [
  c(
    'urgency',
    'bodem',
    ['Gevoel van urgentie', 'Sense of urgency'],
    [
      'Alle partijen zien waarom het de moeite waard is om in samenwerking te investeren, vóór de vraag hoe.',
      'Every party sees why cooperation is worth investing in, before asking how.',
    ],
  ),
  c(
    'knowing',
    'bodem',
    ['Kennis van elkaar', 'Knowing each other'],
    [
      'Weten wat de ander precies doet: persoonlijk contact, elkaar bezoeken, tijd in elkaars organisatie.',
      'Knowing what the other actually does: personal contact, visits, time in each other’s organisation.',
    ],
  ),
  c(
    'trust',
    'bodem',
    ['Vertrouwen', 'Trust'],
    [
      'Negatieve beelden van elkaar bespreekbaar maken en de ander de ruimte geven een vooroordeel te ontkrachten.',
      'Naming negative images of each other and giving the other room to disprove a prejudice.',
    ],
  ),
  c(
    'vision',
    'bodem',
    ['Gemeenschappelijke visie', 'Shared vision'],
    [
      'Aanleiding, doel en rollen van de samenwerking samen uitgesproken en tot één gedeelde visie gesmeed.',
      'The reason, aim and roles of the cooperation made explicit and forged into one shared vision.',
    ],
  ),
  c(
    'notInstrumental',
    'bodem',
    ['Geen instrumentele benadering', 'No instrumental approach'],
    [
      'De ander niet alleen inzetten voor de eigen doelen; informele werkers doen dit vaak in hun vrije tijd.',
      'Not merely deploying the other for one’s own goals; informal workers often do this in their spare time.',
    ],
  ),
  c(
    'recognition',
    'bodem',
    ['Erkenning van elkaars deskundigheid', 'Recognising each other’s expertise'],
    [
      'Elkaars kracht en deskundigheid uitdrukkelijk erkennen; dat versterkt de onderlinge verbinding.',
      'Explicitly recognising each other’s strengths and expertise; it strengthens the bond.',
    ],
  ),
  c(
    'consultation',
    'voeden',
    [
      'Regelmatig overleg tussen formele en informele werkers',
      'Regular consultation between formal and informal workers',
    ],
    ['Bijvoorbeeld casusbesprekingen of themabijeenkomsten.', 'For example case discussions or theme meetings.'],
  ),
  c(
    'fees',
    'voeden',
    ['Financiële ruimte voor vrijwilligersvergoedingen of onkosten', 'Room for volunteer fees or expenses'],
    [
      'Informele werkers hoeven hun inzet niet uit eigen zak te betalen.',
      'Informal workers need not pay for their effort out of their own pocket.',
    ],
  ),
  c(
    'guidance',
    'voeden',
    ['Procesbegeleiding', 'Process guidance'],
    [
      'Iemand die er formeel verantwoordelijk voor is, leidt de samenwerking in goede banen.',
      'Someone formally responsible keeps the cooperation on track.',
    ],
  ),
  c(
    'distinction',
    'voeden',
    ['Het onderscheid tussen formeel en informeel bewaken', 'Guarding the distinction between formal and informal'],
    [
      'Wordt informeel een deel van het formele veld, dan gaat een deel van zijn kracht verloren.',
      'When the informal becomes part of the formal field, part of its strength is lost.',
    ],
  ),
  c(
    'expectations',
    'voeden',
    ['Verwachtingen managen: duidelijke afspraken', 'Managing expectations: clear agreements'],
    [
      'Wie doet wat, wanneer en waarvoor: vastgelegd zodat niemand zich gebruikt of overvraagd voelt.',
      'Who does what, when and why: agreed so that nobody feels used or overburdened.',
    ],
  ),
  c(
    'access',
    'voeden',
    ['Elkaar ingang bieden in de eigen wereld', "Giving each other access to one's own world"],
    [
      'Elkaar uitnodigen op bijeenkomsten en toegang geven tot het eigen netwerk.',
      'Inviting each other to meetings and opening up one’s own network.',
    ],
  ),
  c(
    'visible',
    'voeden',
    ['Zichtbaar en bereikbaar blijven voor elkaar', 'Staying visible and reachable for each other'],
    [
      'Ook tussen de momenten van samenwerking door weten waar je elkaar vindt.',
      'Knowing where to find each other between the moments of cooperation as well.',
    ],
  ),
  c(
    'longTerm',
    'voeden',
    ['Samenwerking managen vanuit een lange termijn visie', 'Managing the cooperation with a long-term view'],
    [
      'Niet alleen ad hoc per casus, maar met een structurele, duurzame verbinding als doel.',
      'Not only ad hoc per case, but aiming for a structural, lasting connection.',
    ],
  ),
  c(
    'evaluate',
    'voeden',
    ['Samen evalueren', 'Evaluating together'],
    [
      'Formele en informele werkers kijken samen terug en stellen bij.',
      'Formal and informal workers look back together and adjust.',
    ],
  ),
  c(
    'teamDiversity',
    'duurzaam',
    ['Diversiteit van het team', 'Diversity of the team'],
    [
      'Professionals met een gedeelde achtergrond in wijk- en jeugdteams maken contact met gezinnen makkelijker.',
      'Professionals with a shared background in neighbourhood and youth teams make contact with families easier.',
    ],
  ),
  c(
    'cultureSensitivity',
    'duurzaam',
    ['Cultuursensitiviteit en kennis van culturele achtergrond', 'Cultural sensitivity and background knowledge'],
    [
      'Een open, sensitieve houding met enige kennis van de achtergrond; informele werkers helpen daarbij.',
      'An open, sensitive attitude with some background knowledge; informal workers help with it.',
    ],
  ),
  c(
    'informalPosition',
    'duurzaam',
    ['Bewaken van de informele positie', 'Guarding the informal position'],
    [
      'De onafhankelijke, nabije positie is de kracht van informele werkers; voorkom ook dat zij overvraagd raken.',
      'The independent, close position is the informal workers’ strength; also keep them from being overburdened.',
    ],
  ),
  c(
    'structuralConsultation',
    'duurzaam',
    ['Meer investeren in structureel overleg', 'Investing more in structural consultation'],
    [
      'Vaste overleg- en ontmoetingsmomenten, niet alleen contact als problemen uit de hand lopen.',
      'Regular meetings and consultation, not only contact when problems get out of hand.',
    ],
  ),
  c(
    'broadenSupport',
    'duurzaam',
    ['Draagvlak verbreden', 'Broadening support'],
    [
      'Anderen overtuigen: de eigen organisatie, de achterban, de gemeente. Klein beginnen en successen laten zien.',
      'Convincing others: one’s own organisation, the community, the municipality. Start small and show successes.',
    ],
  ),
  c(
    'municipalityDiversity',
    'duurzaam',
    ['Aandacht voor diversiteit bij de gemeente', 'Attention to diversity at the municipality'],
    [
      'De gemeente stelt de kaders: ruimte voor maatwerk en aandacht voor diversiteit in de uitvoering.',
      'The municipality sets the frame: room for tailored work and attention to diversity in practice.',
    ],
  ),
  c(
    'municipalitySupport',
    'duurzaam',
    ['De gemeente als ondersteuner', 'The municipality as supporter'],
    [
      'De gemeente faciliteert, stimuleert en financiert, en borgt wat werkt, zonder de regie over te nemen.',
      'The municipality facilitates, encourages and funds, and secures what works, without taking over.',
    ],
  ),
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
