import type { Session } from './programme';

/** Where the template's content comes from; shown wherever it appears (the publication asks to name it). */
export const TEMPLATE_SOURCE =
  'Ponzoni, E. & Distelbrink, M. (2016). Opvoedondersteuning in de multi-etnische wijk. Verbindingen tussen wijkteams en informele ondersteuners. Kennisplatform Integratie & Samenleving / Verwey-Jonker Instituut.';

export const DEFAULT_CONSENT_TEXT = {
  nl: 'Deze werkplaats is ook onderzoek. Onderzoekers leggen vast wat je hier schrijft en zegt, onder een pseudoniem. Je kunt op elk moment vragen om je bijdragen te laten verwijderen.',
  en: 'This workshop is also research. Researchers record what you write and say here, under a pseudonym. You can ask at any time for your contributions to be erased.',
};

/**
 * The default two-day programme (DESIGN.md §1), after chapter 1 of the source ("Werkvormen – dag één / dag twee").
 * Session ids are stable so exports of different workshops line up.
 */
export const DEFAULT_PROGRAMME: Session[] = [
  {
    id: 'opening',
    day: 1,
    kind: 'opening',
    grouping: 'plenary',
    plannedMinutes: 20,
    optional: false,
    title: { nl: 'Opening', en: 'Opening' },
    prompt: {
      nl: 'Welkom! Meld je aan met de code of QR-code. Wat hoop je de komende twee dagen te halen?',
      en: 'Welcome! Join with the code or QR code. What do you hope to take away from these two days?',
    },
    settings: {},
  },
  {
    id: 'pitch',
    day: 1,
    kind: 'pitch',
    grouping: 'perCooperation',
    plannedMinutes: 45,
    optional: false,
    title: { nl: 'Pitch', en: 'Pitch' },
    prompt: {
      nl: 'Bereid met je samenwerkingsverband een korte en krachtige pitch voor over jullie eigen samenwerking.',
      en: 'Prepare with your cooperation a short, powerful pitch about your own cooperation.',
    },
    settings: { pitchMinutes: 3 },
  },
  {
    id: 'kader',
    day: 1,
    kind: 'framework',
    grouping: 'plenary',
    plannedMinutes: 30,
    optional: false,
    title: { nl: 'Kader', en: 'Framework' },
    prompt: {
      nl: 'Een onderzoeker presenteert het kader: twee perspectieven en de vruchtbare bodem. Stel je vraag hier.',
      en: 'A researcher presents the framework: two perspectives and the fertile ground. Ask your question here.',
    },
    settings: {},
  },
  {
    id: 'krachten-rollen',
    day: 1,
    kind: 'strengths',
    grouping: 'bySide',
    plannedMinutes: 90,
    optional: false,
    title: { nl: 'Krachten en rollen', en: 'Strengths and roles' },
    prompt: {
      nl: 'Benoem eerst de kracht van de ánder: wat kan de andere partij dat jij niet kunt?',
      en: 'First name the strength of the other party: what can they do that you cannot?',
    },
    settings: {},
  },
  {
    id: 'boom',
    day: 1,
    kind: 'tree',
    grouping: 'mixed',
    plannedMinutes: 60,
    optional: false,
    title: { nl: 'Boom van samenwerking', en: 'Tree of cooperation' },
    prompt: {
      nl: 'Wortels: structurele voorwaarden. Appels: doelen en opbrengsten. Gieter: wat geeft energie om door te gaan?',
      en: 'Roots: structural conditions. Apples: goals and yields. Watering can: what gives the energy to keep going?',
    },
    settings: {},
  },
  {
    id: 'vooroordelen',
    day: 1,
    kind: 'prejudiceGame',
    grouping: 'plenary',
    plannedMinutes: 45,
    optional: true,
    title: { nl: 'Vooroordelenspel', en: 'Prejudice game' },
    prompt: {
      nl: 'Herken je deze spanning tussen het formele en het informele veld? Antwoorden zijn anoniem.',
      en: 'Do you recognise this tension between the formal and informal field? Answers are anonymous.',
    },
    settings: {},
  },
  {
    id: 'visie',
    day: 2,
    kind: 'vision',
    grouping: 'perCooperation',
    plannedMinutes: 60,
    optional: false,
    title: { nl: 'Visie', en: 'Vision' },
    prompt: {
      nl: 'Leg jullie gezamenlijke toekomstvisie op samenwerking vast in een tekening en een tekst.',
      en: 'Capture your shared vision of future cooperation in a drawing and a statement.',
    },
    settings: {},
  },
  {
    id: 'rollenmarkt',
    day: 2,
    kind: 'roleMarket',
    grouping: 'perCooperation',
    plannedMinutes: 60,
    optional: false,
    title: { nl: 'Rollenmarkt', en: 'Role market' },
    prompt: {
      nl: 'Kies een paar rollen die passen bij jullie samenwerkingsverband. Op wie slaat de rol, en waarom?',
      en: 'Pick a few roles that fit your cooperation. Who does the role apply to, and why?',
    },
    settings: { minPicks: 3, maxPicks: 5 },
  },
  {
    id: 'consult',
    day: 2,
    kind: 'consult',
    grouping: 'perCooperation',
    plannedMinutes: 60,
    optional: false,
    title: { nl: 'Consult', en: 'Consult' },
    prompt: {
      nl: 'Ga op consult bij een andere gemeente. Wat is hun vraag, wat is jullie advies?',
      en: 'Go on consultation with another municipality. What is their question, what is your advice?',
    },
    settings: { rounds: 2, roundMinutes: 20 },
  },
  {
    id: 'plan',
    day: 2,
    kind: 'actionPlan',
    grouping: 'perCooperation',
    plannedMinutes: 60,
    optional: false,
    title: { nl: 'Plan van aanpak', en: 'Action plan' },
    prompt: {
      nl: 'Welke concrete stappen maken jullie samenwerking duurzaam? Wat, wie, wanneer?',
      en: 'Which concrete steps make your cooperation durable? What, who, when?',
    },
    settings: {},
  },
  {
    id: 'afsluiting',
    day: 2,
    kind: 'closing',
    grouping: 'plenary',
    plannedMinutes: 30,
    optional: false,
    title: { nl: 'Afsluiting', en: 'Closing' },
    prompt: {
      nl: 'Wat neem je mee uit deze twee dagen? Eén deelnemer per gemeente vat samen.',
      en: 'What do you take away from these two days? One participant per municipality sums up.',
    },
    settings: {},
  },
];
