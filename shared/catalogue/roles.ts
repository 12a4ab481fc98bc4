import type { LocalisedText, Side } from '../programme';
import { TEMPLATE_SOURCE } from '../template';

/** A role in the cooperation, as on the role market's cards. */
export interface RoleCard {
  id: string;
  side: Side;
  name: LocalisedText;
  description: LocalisedText;
  /** Where the role comes from: the source's figure, or a role named during the workshop. */
  source: string;
}

const FIG3 = `${TEMPLATE_SOURCE} Figuur 3: Rollen van de formele werker.`;
const FIG4 = `${TEMPLATE_SOURCE} Figuur 4: Rollen van de informele werker.`;

const role = (id: string, side: Side, nl: [string, string], en: [string, string]): RoleCard => ({
  id,
  side,
  name: { nl: nl[0], en: en[0] },
  description: { nl: nl[1], en: en[1] },
  source: side === 'formal' ? FIG3 : FIG4,
});

/** The ten roles of formal workers (Figuur 3 of the source). */
export const FORMAL_ROLES: RoleCard[] = [
  role(
    'coordinator',
    'formal',
    [
      'Coördinator',
      'Begeleidt informele werkers die als intermediair optreden of coördineert projecten waarin formele en informele werkers samen optreden.',
    ],
    [
      'Coordinator',
      'Supports informal workers who act as intermediaries, or coordinates projects in which formal and informal workers act together.',
    ],
  ),
  role(
    'fixer',
    'formal',
    ['Fixer', 'Lost snel praktische problemen op wanneer deze zich voordoen, bedenkt oplossingen en mogelijkheden.'],
    ['Fixer', 'Quickly solves practical problems as they arise, thinks up solutions and possibilities.'],
  ),
  role(
    'linking-pin',
    'formal',
    [
      'Linking pin',
      'Brengt informele werkers met elkaar in contact, en verbindt informele werkers ook met andere formele werkers.',
    ],
    ['Linking pin', 'Puts informal workers in touch with each other, and connects them with other formal workers.'],
  ),
  role(
    'networker',
    'formal',
    [
      'Netwerker',
      'Weet de juiste mensen te bereiken en in te zetten voor het behalen van gezamenlijke doelstellingen.',
    ],
    ['Networker', 'Knows how to reach the right people and engage them to achieve shared goals.'],
  ),
  role(
    'organiser',
    'formal',
    [
      'Organisator/faciliterende functie',
      'Neemt organisatorische en administratieve taken in de samenwerking voor zijn rekening. Faciliteert ontmoetingen en bijeenkomsten.',
    ],
    [
      'Organiser/facilitator',
      'Takes on the organisational and administrative tasks of the cooperation. Facilitates meetings and gatherings.',
    ],
  ),
  role(
    'catalyst-formal',
    'formal',
    [
      'Katalysator van de positieve beweging',
      'Ziet en erkent de potentie in de plannen of het handelen van informele werkers en helpt deze van de grond te laten komen/meer impact te laten hebben/een duurzame vorm te laten krijgen.',
    ],
    [
      'Catalyst of the positive movement',
      'Sees and acknowledges the potential in the plans or actions of informal workers and helps them get off the ground, have more impact, or take a lasting form.',
    ],
  ),
  role(
    'recognition-giver',
    'formal',
    ['Erkenning verstrekker', 'Geeft erkenning aan het werk van de informele werker.'],
    ['Giver of recognition', 'Gives recognition to the work of the informal worker.'],
  ),
  role(
    'sparring-partner',
    'formal',
    ['Sparringpartner', 'Helpt ideeën te verhelderen, geeft advies aan de informele werker.'],
    ['Sparring partner', 'Helps clarify ideas, advises the informal worker.'],
  ),
  role(
    'expert',
    'formal',
    ['Deskundige', 'Heeft specifieke pedagogische expertise.'],
    ['Expert', 'Has specific pedagogical expertise.'],
  ),
  role(
    'guardian',
    'formal',
    ['Bewaker', 'Is verantwoordelijk voor het bewaken de veiligheid van het kind.'],
    ['Guardian', "Is responsible for safeguarding the child's safety."],
  ),
];

/** The seventeen roles of informal workers (Figuur 4 of the source). */
export const INFORMAL_ROLES: RoleCard[] = [
  role(
    'confidant',
    'informal',
    ['Vertrouwenspersoon', 'Biedt een luisterend oor en wordt in vertrouwen genomen door ouders.'],
    ['Confidant', 'Offers a listening ear and is taken into confidence by parents.'],
  ),
  role(
    'first-contact',
    'informal',
    ['Laagdrempelig aanspreekpunt', 'Wordt als eerste benaderd in geval van twijfels of problemen.'],
    ['Approachable first contact', 'Is the first to be approached in case of doubts or problems.'],
  ),
  role(
    'role-model',
    'informal',
    ['Rolmodel', 'Wordt als positief voorbeeld genomen voor ouders of jongeren, inspireert beweging en verandering.'],
    ['Role model', 'Is taken as a positive example by parents or young people, inspires movement and change.'],
  ),
  role(
    'informer',
    'informal',
    ['Voorlichter', 'Geeft basale informatie over opvoeden en over de bestaande voorzieningen.'],
    ['Informer', 'Gives basic information about parenting and the existing services.'],
  ),
  role(
    'driver',
    'informal',
    ['Aanjager', 'Moedigt ouders aan om problemen onder ogen te zien en aan te pakken.'],
    ['Driver', 'Encourages parents to face problems and tackle them.'],
  ),
  role(
    'catalyst-informal',
    'informal',
    [
      'Katalysator van de positieve beweging',
      'Schept condities voor verandering en stimuleert ouders die graag meer of anders bezig willen zijn met opvoeding om stappen te ondernemen.',
    ],
    [
      'Catalyst of the positive movement',
      'Creates conditions for change and encourages parents who want to engage more or differently with parenting to take steps.',
    ],
  ),
  role(
    'safe-space',
    'informal',
    [
      'Schepper van de veilige ruimte',
      'Zorgt ervoor dat ouders met elkaar een positief zelfbeeld ontwikkelen op basis waarvan ze keuzes en moeilijkheden in de opvoeding kunnen bespreken.',
    ],
    [
      'Creator of the safe space',
      'Helps parents develop a positive self-image together, from which they can discuss choices and difficulties in parenting.',
    ],
  ),
  role(
    'signaller',
    'informal',
    ['Signaal verstrekker', 'Pikt signalen op en betreft zonodig formele werkers.'],
    ['Signaller', 'Picks up signals and involves formal workers when needed.'],
  ),
  role(
    'referrer',
    'informal',
    [
      'Doorverwijzer',
      "Verwijst ouders door naar professionele hulp, nadat zij hier door middel van 'voorwerk' klaar voor gemaakt zijn.",
    ],
    ['Referrer', "Refers parents to professional help, once 'groundwork' has made them ready for it."],
  ),
  role(
    'adviser',
    'informal',
    [
      'Adviseur van de formele werker',
      'Geeft advies aan de formele werker over hoe om te gaan met een specifieke doelgroep.',
    ],
    ['Adviser of the formal worker', 'Advises the formal worker on how to deal with a specific target group.'],
  ),
  role(
    'clarifier',
    'informal',
    ['Verhelderaar', 'Helpt problemen van ouders/jongeren te verduidelijken.'],
    ['Clarifier', 'Helps clarify the problems of parents and young people.'],
  ),
  role(
    'co-thinker',
    'informal',
    ['Meedenker', 'Denkt mee met de formele werker over oplossingen.'],
    ['Co-thinker', 'Thinks along with the formal worker about solutions.'],
  ),
  role(
    'client-companion',
    'informal',
    ['Begeleider van cliënten', 'Begeleidt cliënten samen met formele werkers.'],
    ['Companion of clients', 'Accompanies clients together with formal workers.'],
  ),
  role(
    'interpreter',
    'informal',
    [
      'Tolk (letterlijk en figuurlijk)',
      'Vertaalt tussen de leefwerelden van ouders en professionals en overbrugt taalproblemen.',
    ],
    [
      'Interpreter (literally and figuratively)',
      'Translates between the worlds of parents and professionals and bridges language problems.',
    ],
  ),
  role(
    'aftercare',
    'informal',
    ['Nazorg verstrekker', 'Blijft in contact met een gezin na een begeleidingstraject en biedt nazorg.'],
    ['Aftercare provider', 'Stays in touch with a family after a support programme and provides aftercare.'],
  ),
  role(
    'pre-trajectory',
    'informal',
    ['Voortraject verstrekker', 'Stoomt gezinnen/ouders klaar voor hulp of advies vanuit formele voorzieningen.'],
    ['Pre-trajectory provider', 'Prepares families and parents for help or advice from formal services.'],
  ),
  role(
    'network-opener',
    'informal',
    ['Netwerk ontsluiter', 'Biedt toegang tot het eigen netwerk van andere informele of formele werkers.'],
    ['Network opener', 'Gives access to their own network of other informal or formal workers.'],
  ),
];

/** The role catalogue the workshop starts with: Figuur 3 and Figuur 4 of the source. */
export const SOURCE_ROLES: RoleCard[] = [...FORMAL_ROLES, ...INFORMAL_ROLES];
