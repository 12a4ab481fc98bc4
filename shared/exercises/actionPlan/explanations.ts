import type { LocalisedText } from '../../programme';

/**
 * What each condition of the checklist (`./conditions.ts`) means, in a sentence, after the source (chapters 2 and 5).
 * A module of its own so only the checklist's views download it.
 */
const RAW: Record<string, [string, string]> = {
  urgency: [
    'Alle partijen zien waarom het de moeite waard is om in samenwerking te investeren, vóór de vraag hoe.',
    'Every party sees why cooperation is worth investing in, before asking how.',
  ],
  knowing: [
    'Weten wat de ander precies doet: persoonlijk contact, elkaar bezoeken, tijd in elkaars organisatie.',
    'Knowing what the other actually does: personal contact, visits, time in each other’s organisation.',
  ],
  trust: [
    'Negatieve beelden van elkaar bespreekbaar maken en de ander de ruimte geven een vooroordeel te ontkrachten.',
    'Naming negative images of each other and giving the other room to disprove a prejudice.',
  ],
  vision: [
    'Aanleiding, doel en rollen van de samenwerking samen uitgesproken en tot één gedeelde visie gesmeed.',
    'The reason, aim and roles of the cooperation made explicit and forged into one shared vision.',
  ],
  notInstrumental: [
    'De ander niet alleen inzetten voor de eigen doelen; informele werkers doen dit vaak in hun vrije tijd.',
    'Not merely deploying the other for one’s own goals; informal workers often do this in their spare time.',
  ],
  recognition: [
    'Elkaars kracht en deskundigheid uitdrukkelijk erkennen; dat versterkt de onderlinge verbinding.',
    'Explicitly recognising each other’s strengths and expertise; it strengthens the bond.',
  ],
  consultation: [
    'Bijvoorbeeld casusbesprekingen of themabijeenkomsten.',
    'For example case discussions or theme meetings.',
  ],
  fees: [
    'Informele werkers hoeven hun inzet niet uit eigen zak te betalen.',
    'Informal workers need not pay for their effort out of their own pocket.',
  ],
  guidance: [
    'Iemand die er formeel verantwoordelijk voor is, leidt de samenwerking in goede banen.',
    'Someone formally responsible keeps the cooperation on track.',
  ],
  distinction: [
    'Wordt informeel een deel van het formele veld, dan gaat een deel van zijn kracht verloren.',
    'When the informal becomes part of the formal field, part of its strength is lost.',
  ],
  expectations: [
    'Wie doet wat, wanneer en waarvoor: vastgelegd zodat niemand zich gebruikt of overvraagd voelt.',
    'Who does what, when and why: agreed so that nobody feels used or overburdened.',
  ],
  access: [
    'Elkaar uitnodigen op bijeenkomsten en toegang geven tot het eigen netwerk.',
    'Inviting each other to meetings and opening up one’s own network.',
  ],
  visible: [
    'Ook tussen de momenten van samenwerking door weten waar je elkaar vindt.',
    'Knowing where to find each other between the moments of cooperation as well.',
  ],
  longTerm: [
    'Niet alleen ad hoc per casus, maar met een structurele, duurzame verbinding als doel.',
    'Not only ad hoc per case, but aiming for a structural, lasting connection.',
  ],
  evaluate: [
    'Formele en informele werkers kijken samen terug en stellen bij.',
    'Formal and informal workers look back together and adjust.',
  ],
  teamDiversity: [
    'Professionals met een gedeelde achtergrond in wijk- en jeugdteams maken contact met gezinnen makkelijker.',
    'Professionals with a shared background in neighbourhood and youth teams make contact with families easier.',
  ],
  cultureSensitivity: [
    'Een open, sensitieve houding met enige kennis van de achtergrond; informele werkers helpen daarbij.',
    'An open, sensitive attitude with some background knowledge; informal workers help with it.',
  ],
  informalPosition: [
    'De onafhankelijke, nabije positie is de kracht van informele werkers; voorkom ook dat zij overvraagd raken.',
    'The independent, close position is the informal workers’ strength; also keep them from being overburdened.',
  ],
  structuralConsultation: [
    'Vaste overleg- en ontmoetingsmomenten, niet alleen contact als problemen uit de hand lopen.',
    'Regular meetings and consultation, not only contact when problems get out of hand.',
  ],
  broadenSupport: [
    'Anderen overtuigen: de eigen organisatie, de achterban, de gemeente. Klein beginnen en successen laten zien.',
    'Convincing others: one’s own organisation, the community, the municipality. Start small and show successes.',
  ],
  municipalityDiversity: [
    'De gemeente stelt de kaders: ruimte voor maatwerk en aandacht voor diversiteit in de uitvoering.',
    'The municipality sets the frame: room for tailored work and attention to diversity in practice.',
  ],
  municipalitySupport: [
    'De gemeente faciliteert, stimuleert en financiert, en borgt wat werkt, zonder de regie over te nemen.',
    'The municipality facilitates, encourages and funds, and secures what works, without taking over.',
  ],
};

export const CONDITION_EXPLANATIONS: Record<string, LocalisedText> = Object.fromEntries(
  Object.entries(RAW).map(([id, [nl, en]]) => [id, { nl, en }]),
);
