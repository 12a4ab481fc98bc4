import { SOURCE_ROLES } from '../catalogue/roles';
import { STRENGTH_DIMENSIONS } from '../catalogue/strengths';
import { TEMPLATE_SOURCE } from '../template';

/** One code of the researchers' codebook; categories (`codable: false`) group codes under them. */
export interface Code {
  id: string;
  name: string;
  /** English name, when the code comes from the source. */
  nameEn?: string;
  parentId: string | null;
  codable: boolean;
  description?: string;
  /** Where the code comes from: the source's chapter, or `researcher` for codes added during the workshop. */
  source: string;
  /** Sort key: default codes keep the source's order; researchers' codes sort after them. */
  order: number;
  /** The researcher who added it; absent for the source's codes. */
  createdBy?: string;
  createdAt: number;
  /** `#rrggbb`, for the analysis software. */
  color?: string;
}

/** Category id of the codes researchers add themselves. */
export const OWN_CODES_CATEGORY = 'own';

const S = (where: string) => `${TEMPLATE_SOURCE} ${where}`;

type Seed = Omit<Code, 'order' | 'createdAt' | 'codable' | 'parentId'>;

function category(id: string, name: string, nameEn: string, color: string, source: string, children: Seed[]): Code[] {
  const cat: Code = { id, name, nameEn, parentId: null, codable: false, source, color, order: 0, createdAt: 0 };
  return [cat, ...children.map((c) => ({ ...c, parentId: id, codable: true, color, order: 0, createdAt: 0 }))];
}

const ch2 = S('Hoofdstuk 2, Voorwaarden voor het ontstaan van samenwerking.');
const ch4 = S('Hoofdstuk 4, Voorbeelden van samenwerkingsvormen.');
const ch5 = S('Hoofdstuk 5, Aandachtspunten voor duurzame samenwerking.');
const c = (id: string, name: string, nameEn: string, source: string, description?: string): Seed => ({
  id,
  name,
  nameEn,
  source,
  ...(description ? { description } : {}),
});

/**
 * The default codebook, taken from the source (Ponzoni & Distelbrink 2016, named in every code's `source`): the four
 * strength dimensions (ch. 3), the roles of Figuur 3 and 4, the two perspectives (ch. 2), the forms of cooperation
 * (ch. 4) and the conditions for cooperation (ch. 2 and 5). Ids are stable, so exports of different workshops line up.
 */
export const DEFAULT_CODEBOOK: Code[] = [
  ...category(
    'strength',
    'Krachten',
    'Strengths',
    '#2e7d32',
    S('Hoofdstuk 3.'),
    STRENGTH_DIMENSIONS.map((d) => c(`strength:${d.id}`, d.name.nl, d.name.en, S('Hoofdstuk 3.'))),
  ),
  ...category(
    'role',
    'Rollen',
    'Roles',
    '#1565c0',
    S('Figuur 3 en 4.'),
    SOURCE_ROLES.map((r) => c(`role:${r.side}:${r.id}`, r.name.nl, r.name.en, r.source, r.description.nl)),
  ),
  ...category('perspective', 'Perspectieven', 'Perspectives', '#6a1b9a', S('Hoofdstuk 2, Twee perspectieven.'), [
    c(
      'perspective:accessibility',
      'Perspectief van de toegankelijkheid',
      'Accessibility perspective',
      S('Hoofdstuk 2.'),
    ),
    c('perspective:civil-society', 'Perspectief van de civil society', 'Civil society perspective', S('Hoofdstuk 2.')),
    c('perspective:family', 'Focus op gezin / individu', 'Focus on the family / individual', S('Hoofdstuk 2, Fig. 2.')),
    c('perspective:community', 'Focus op gemeenschap', 'Focus on the community', S('Hoofdstuk 2, Fig. 2.')),
  ]),
  ...category('form', 'Samenwerkingsvormen', 'Forms of cooperation', '#ef6c00', ch4, [
    c('form:threshold', 'Over de drempel', 'Over the threshold', ch4),
    c('form:consultation', 'Consultatie', 'Consultation', ch4),
    c('form:care-path', 'Betrekken van informele werkers bij hulptraject', 'Involving informal workers in care', ch4),
    c('form:helping-hand', 'Een helpende hand', 'A helping hand', ch4),
    c('form:neighbourhood', 'Wijkspecifieke problemen aanpakken', 'Tackling neighbourhood problems', ch4),
    c('form:safe-space', "Versterken van de 'veilige ruimte'", "Strengthening the 'safe space'", ch4),
    c('form:parents', 'Onderlinge uitwisseling en initiatieven van ouders', "Supporting parents' exchange", ch4),
  ]),
  ...category('condition', 'Voorwaarden', 'Conditions', '#c62828', S('Hoofdstuk 2 en 5.'), [
    c('condition:urgency', 'Gevoel van urgentie', 'Sense of urgency', ch2),
    c('condition:knowing', 'Kennis van elkaar', 'Knowing each other', ch2),
    c('condition:trust', 'Vertrouwen', 'Trust', ch2),
    c('condition:shared-vision', 'Gemeenschappelijke visie', 'Shared vision', ch2),
    c('condition:not-instrumental', 'Geen instrumentele benadering', 'No instrumental approach', ch2),
    c('condition:recognition', 'Erkenning van elkaars deskundigheid', "Recognising each other's expertise", ch2),
    c('condition:consultation', 'Regelmatig overleg', 'Regular consultation', ch2),
    c('condition:finance', 'Financiële ruimte', 'Financial room', ch2),
    c('condition:process', 'Procesbegeleiding', 'Process guidance', ch2),
    c(
      'condition:distinction',
      'Onderscheid formeel/informeel bewaken',
      'Guarding the formal/informal distinction',
      ch2,
    ),
    c('condition:expectations', 'Verwachtingenmanagement', 'Managing expectations', ch2),
    c('condition:access', 'Elkaar ingang bieden in de eigen wereld', 'Opening doors to each other', ch2),
    c('condition:visible', 'Zichtbaar en bereikbaar blijven', 'Staying visible and reachable', ch2),
    c('condition:long-term', 'Lange termijn visie', 'Long-term view', ch2),
    c('condition:evaluate', 'Samen evalueren', 'Evaluating together', ch2),
    c(
      'condition:diversity',
      'Diversiteit van het team en cultuursensitiviteit',
      'Team diversity and cultural sensitivity',
      ch5,
    ),
    c('condition:informal-position', 'Bewaken van de informele positie', 'Guarding the informal position', ch5),
    c('condition:durable', 'Verbindingen verduurzamen', 'Making connections durable', ch5),
    c('condition:support-base', 'Draagvlak verbreden', 'Broadening support', ch5),
    c('condition:municipality', 'Gemeente als ondersteuner', 'Municipality as supporter', ch5),
  ]),
  ...category(OWN_CODES_CATEGORY, 'Eigen codes', 'Own codes', '#455a64', 'researcher', []),
].map((code, order) => ({ ...code, order }));

/** Order given to codes researchers add, after every default code. */
export const OWN_CODE_ORDER = 10_000;
