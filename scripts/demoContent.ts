import type { Side } from '../shared/programme';

/**
 * The demo's cast and what they say. The five cooperations and their settings follow chapter 1 of the source
 * (Ponzoni & Distelbrink, 2016); the people are invented.
 */
export const DEMO_COOPERATIONS = ['Utrecht', 'Zaandam', 'Dordrecht', 'Den Haag', 'Zuidplas'] as const;

export interface DemoPerson {
  name: string;
  cooperation: (typeof DEMO_COOPERATIONS)[number];
  side: Side;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { name: 'Fatima', cooperation: 'Utrecht', side: 'informal' },
  { name: 'Hanneke', cooperation: 'Utrecht', side: 'formal' },
  { name: 'Said', cooperation: 'Utrecht', side: 'informal' },
  { name: 'Joost', cooperation: 'Utrecht', side: 'formal' },
  { name: 'Ayşe', cooperation: 'Zaandam', side: 'informal' },
  { name: 'Marloes', cooperation: 'Zaandam', side: 'formal' },
  { name: 'Kwame', cooperation: 'Zaandam', side: 'informal' },
  { name: 'Ingrid', cooperation: 'Zaandam', side: 'formal' },
  { name: 'Yasmina', cooperation: 'Dordrecht', side: 'informal' },
  { name: 'Peter', cooperation: 'Dordrecht', side: 'formal' },
  { name: 'Nadia', cooperation: 'Dordrecht', side: 'informal' },
  { name: 'Ellen', cooperation: 'Dordrecht', side: 'formal' },
  { name: 'Agnieszka', cooperation: 'Den Haag', side: 'informal' },
  { name: 'Rob', cooperation: 'Den Haag', side: 'formal' },
  { name: 'Mirela', cooperation: 'Den Haag', side: 'informal' },
  { name: 'Sanne', cooperation: 'Den Haag', side: 'formal' },
  { name: 'Johannes', cooperation: 'Zuidplas', side: 'informal' },
  { name: 'Dewi', cooperation: 'Zuidplas', side: 'formal' },
  { name: 'Max', cooperation: 'Zuidplas', side: 'informal' },
  { name: 'Lotte', cooperation: 'Zuidplas', side: 'formal' },
];

/** Notes per session id of the default programme, said by the person at the same index (wrapping around). */
export const DEMO_NOTES: Record<string, string[]> = {
  opening: [
    'Ik hoop te leren hoe we vrijwilligers echt als partner zien.',
    'Benieuwd hoe andere gemeenten het wijkteam bij informele organisaties betrekken.',
    'Ik wil na twee dagen weten wat onze eerste stap is.',
    'Vooral: elkaar beter leren kennen.',
  ],
  pitch: [
    'Wij werken met sleutelfiguren die ouders in de moskee en op school spreken.',
    'Onze kracht: vrijwilligers die de taal van de gezinnen spreken.',
    'Intermediairs vanuit Careyn verbinden gezinnen met het wijkteam.',
    'Idhem en het CJG: nog geen samenwerking, wel veel contacten in de wijk.',
    'Spanningen met een groep jongeren verminderen, samen met de Molukse gemeenschap.',
  ],
  kader: [
    'Hoe verhoudt toegankelijkheid zich tot eigen kracht van de gemeenschap?',
    'Is de vruchtbare bodem iets wat je kunt organiseren?',
    'Wie betaalt de vrijwilligers als het werk zwaarder wordt?',
  ],
  'krachten-rollen': [
    'Informele werkers: vertrouwen van de gezinnen, ze zijn er ook in het weekend.',
    'Formele werkers: kennis van de sociale kaart en de regels.',
    'Informele werkers: kunnen vertalen, letterlijk en cultureel.',
    'Formele werkers: toegang tot middelen en het netwerk van de gemeente.',
    'Rol: de brugbouwer.',
    'Rol: de wegwijzer naar hulp.',
  ],
  boom: [
    'Wortels: structurele financiering en een vast aanspreekpunt.',
    'Appels: ouders die eerder hulp vragen.',
    'Gieter: successen samen vieren.',
    'Wortels: elkaar kennen, ook buiten de vergaderingen.',
    'Smeerolie: korte lijnen en humor.',
  ],
  vooroordelen: [
    'Professionals denken dat vrijwilligers niet professioneel genoeg zijn.',
    'Vrijwilligers denken dat het wijkteam alleen kinderen weghaalt.',
    'Dat herken ik, maar het verandert als je elkaar kent.',
  ],
  visie: [
    'Over vijf jaar weet elke ouder in de wijk bij wie hij terecht kan.',
    'Formeel en informeel zitten samen aan tafel, als gelijken.',
    'Wij tekenen een brug met verkeer in twee richtingen.',
  ],
  rollenmarkt: [
    'Ik kies "vertrouwenspersoon": dat is Said, omdat ouders hem kennen van de moskee.',
    'Ik kies "wegwijzer": het wijkteam, omdat zij de regels kennen.',
    'Ik kies "signaleerder": onze vrijwilligers zien het eerst als het misgaat.',
  ],
  consult: [
    'Vraag van Zaandam: hoe houd je vrijwilligers vast?',
    'Advies: geef ze een vaste plek in het wijkteamoverleg.',
    'Inzicht: bij Dordrecht werkt een vast aanspreekpunt heel goed.',
  ],
  plan: [
    'Stap 1: maandelijks overleg wijkteam en sleutelfiguren (Hanneke, vanaf maart).',
    'Stap 2: vrijwilligersvergoeding aanvragen bij de gemeente (Joost, voor de zomer).',
    'Stap 3: gezamenlijke training cultuursensitief werken (Fatima en Ingrid).',
  ],
  afsluiting: [
    'Ik neem mee: de kracht van de ander benoemen opent deuren.',
    'We gaan door met de rollenmarkt in ons eigen team.',
    'Dank voor de rust en de ruimte in deze twee dagen.',
  ],
};
