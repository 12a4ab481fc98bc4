import { TEMPLATE_SOURCE } from '../../template';

/**
 * The default Kader deck: chapter 2 of the source (the two perspectives, Fig. 2 and the "vruchtbare bodem"),
 * in Dutch and English. The last slide names the source, as the publication asks.
 */
export const DEFAULT_DECK = {
  nl: `# Kader: samenwerking formeel en informeel

Een gedeeld startpunt voor deze twee dagen: hoe kunnen formele en informele werkers elkaar versterken?

---

## Twee perspectieven op samenwerking

- **Toegankelijkheid** (vaak in het formele veld): migrantenouders worden onvoldoende bereikt; informele werkers verwijzen ouders door naar het formele aanbod.
- **Civil society** (vaak in het informele veld): onderlinge steun en empowerment in gemeenschappen; formele werkers ondersteunen informele werkers bij een positief opvoedklimaat.

> Het ontbreken van een gedeelde visie maakt samenwerking moeilijk.

---

## Fig. 2: focus op gezin of op gemeenschap

### Focus op gezin / individuele ouder of kind
- *Informele werkers:* vertrouwenspersoon, informele hulp, luisterend oor
- *Formele werkers:* opvoedadvies (cursus of spreekuur), jeugdhulp "één gezin, één plan"

### Focus op gemeenschap
- *Informele werkers:* onderwerpen bespreekbaar maken, onderlinge steun bevorderen, ouders helpen elkaar
- *Formele werkers:* de civil society ondersteunen

---

## Vruchtbare bodem (Ponzoni, 2012)

1. **Gevoel van urgentie**: eerst *waarom* samenwerken, dan pas *hoe*
2. **Kennis van elkaar**: leren zien wat de ander bijdraagt
3. **Vertrouwen**: negatieve beelden van elkaar ontkrachten
4. **Gemeenschappelijke visie**: aanleiding, doel en rollen samen uitwerken

---

## Bron

${TEMPLATE_SOURCE}

Hoofdstuk 2: het kader van de onderzoekswerkplaats.`,
  en: `# Framework: formal and informal cooperation

A shared starting point for these two days: how can formal and informal workers strengthen each other?

---

## Two perspectives on cooperation

- **Accessibility** (common in the formal field): migrant parents are not reached well enough; informal workers refer parents to formal services.
- **Civil society** (common in the informal field): mutual support and empowerment within communities; formal workers support informal workers in building a positive parenting climate.

> Lacking a shared vision makes cooperation hard.

---

## Fig. 2: focus on the family or on the community

### Focus on the family / individual parent or child
- *Informal workers:* confidant, informal help, a listening ear
- *Formal workers:* parenting advice (course or consultation), youth care "one family, one plan"

### Focus on the community
- *Informal workers:* making topics discussable, fostering mutual support, parents helping each other
- *Formal workers:* supporting civil society

---

## Fertile ground (Ponzoni, 2012)

1. **Sense of urgency**: first *why* cooperate, only then *how*
2. **Knowing each other**: learning to see what the other contributes
3. **Trust**: disproving negative images of each other
4. **Shared vision**: working out the reason, aim and roles together

---

## Source

${TEMPLATE_SOURCE}

Chapter 2: the framework of the research workshop.`,
} as const;
