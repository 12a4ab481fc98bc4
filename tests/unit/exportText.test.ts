import { describe, expect, it } from 'vitest';
import type { Item } from '../../shared/boardDoc';
import { SOURCE_ROLES } from '../../shared/catalogue/roles';
import { itemExportImage, itemExportText } from '../../shared/exercises/registry';

const item = (kind: string, fields: Record<string, unknown>): Item => ({
  id: 'i1',
  kind,
  sessionId: 's',
  groupId: 'g1',
  authorId: 'p1',
  createdAt: 1,
  updatedAt: 1,
  ...fields,
});

/** Every exercise's items read as one clear line in transcripts (through the registry, as the exports call it). */
describe('exportText of each exercise', () => {
  it('note wall keeps its text', () => {
    expect(itemExportText(item('note', { text: 'Hallo' }))).toBe('Hallo');
  });

  it('pitch: text with keywords; reactions with kind and cooperation; the photo as picture', () => {
    const photo = 'data:image/jpeg;base64,AAAA';
    const pitch = item('pitch', { text: 'Wij verbinden.', keywords: ['taal', '', 'wijk'], editableBy: 'group', photo });
    expect(itemExportText(pitch)).toBe('pitch: Wij verbinden. (trefwoorden: taal, wijk)');
    expect(itemExportImage(pitch)).toBe(photo);
    expect(itemExportText(item('pitch', { text: '', keywords: [], editableBy: 'group' }))).toBe('pitch: (nog leeg)');
    expect(itemExportText(item('pitchReaction', { targetGroupId: 'gZ', reaction: 'struck', text: 'Mooi' }))).toBe(
      '[wat me opviel bij pitch gZ] Mooi',
    );
    expect(itemExportText(item('pitchReaction', { targetGroupId: 'gZ', reaction: 'question', text: 'Hoe?' }))).toBe(
      '[vraag bij pitch gZ] Hoe?',
    );
  });

  it('kader: a question', () => {
    expect(itemExportText(item('question', { text: 'Wie betaalt?' }))).toBe('vraag bij het kader: Wie betaalt?');
  });

  it('strengths: dimension and side, additions, +1s and role proposals', () => {
    expect(
      itemExportText(item('strength', { text: 'Kennen de wijk', dimension: 'knowledge', aboutSide: 'informal' })),
    ).toBe('[Kennis en begrip, over informele werkers] Kennen de wijk');
    expect(
      itemExportText(item('strength', { text: 'Geld', dimension: 'power', aboutSide: 'formal', addition: true })),
    ).toBe('[aanvulling, Macht en middelen, over formele werkers] Geld');
    expect(itemExportText(item('plusOne', { targetId: 'st1' }))).toBe('+1 op kracht st1');
    expect(
      itemExportText(
        item('roleProposal', { name: 'De brugbouwer', description: 'Verbindt.', side: 'informal', strengthIds: [] }),
      ),
    ).toBe('stelt rol voor "De brugbouwer" (informele werkers): Verbindt.');
  });

  it('tree: the zone in brackets', () => {
    expect(itemExportText(item('treeItem', { text: 'Vaste financiering', zone: 'roots', treeGroupId: 't' }))).toBe(
      '[wortels] Vaste financiering',
    );
    expect(itemExportText(item('treeItem', { text: 'Koffie', zone: 'wateringCan', treeGroupId: 't' }))).toBe(
      '[gieter] Koffie',
    );
  });

  it('prejudice game: statements, answers by side on a scale, notes', () => {
    expect(itemExportText(item('prejudiceStatement', { text: 'Zij doen maar wat' }))).toBe(
      'stelling: Zij doen maar wat',
    );
    expect(itemExportText(item('prejudiceAnswer', { statementId: 'bron-1', side: 'formal', value: 4 }))).toMatch(
      /^formeel: 4\/5 herkenbaar op stelling "Zelforganisaties schermen/,
    );
    expect(itemExportText(item('prejudiceAnswer', { statementId: 'x7', side: 'informal', value: 2 }))).toBe(
      'informeel: 2/5 herkenbaar op stelling x7',
    );
    expect(itemExportText(item('prejudiceNote', { statementId: 'x7', text: 'Verschilt' }))).toBe(
      '[bij stelling x7] Verschilt',
    );
  });

  it('role market: "kiest rol X voor Y: waarom", and observations', () => {
    const role = SOURCE_ROLES[0]!;
    expect(itemExportText(item('rolePick', { roleId: role.id, whoParty: 'de school', why: 'Zij zien alles' }))).toBe(
      `kiest rol "${role.name.nl}" voor de school: Zij zien alles`,
    );
    expect(itemExportText(item('rolePick', { roleId: 'r-new', whoMemberId: 'P03', why: 'Past' }))).toBe(
      'kiest rol "r-new" voor P03: Past',
    );
    expect(itemExportText(item('pickObservation', { pickId: 'pk1', text: 'Twijfel' }))).toBe(
      '[observatie bij keuze pk1] Twijfel',
    );
  });

  it('consult: question and advice with round and host, takeaways with their consults', () => {
    expect(itemExportText(item('consultQuestion', { round: 2, hostId: 'gZ', text: 'Hoe?' }))).toBe(
      '[ronde 2, bij gZ] vraag: Hoe?',
    );
    expect(itemExportText(item('consultAdvice', { round: 1, hostId: 'gU', text: 'Bel' }))).toBe(
      '[ronde 1, bij gU] advies: Bel',
    );
    expect(itemExportText(item('consultTakeaway', { text: 'Bellen', consultKeys: ['1:gU'] }))).toBe(
      'neemt mee (uit consult 1:gU): Bellen',
    );
  });

  it('action plan: steps with who and when, conditions with status', () => {
    const role = SOURCE_ROLES[1]!;
    expect(
      itemExportText(
        item('planStep', {
          what: 'Koffieochtend',
          whoParty: 'de buurtvader',
          when: 'maart',
          firstStep: true,
          roleIds: [role.id],
          editableBy: 'group',
        }),
      ),
    ).toBe(`eerste stap: Koffieochtend — wie: de buurtvader — wanneer: maart — rollen: ${role.name.nl}`);
    expect(
      itemExportText(
        item('planCondition', { conditionId: 'trust', status: 'work', note: 'Nog niet', editableBy: 'group' }),
      ),
    ).toBe('voorwaarde "Vertrouwen": werkpunt — Nog niet');
  });

  it('vision: strokes read as drawing and come with an SVG picture; labels, photos, statement', () => {
    const stroke = item('visionStroke', { points: [10, 10, 50, 60, 90, 20], colour: '#c0392b', width: 4 });
    expect(itemExportText(stroke)).toBe('tekent een lijn (3 punten)');
    const image = itemExportImage(stroke);
    expect(image).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    const svg = decodeURIComponent(image!.slice(image!.indexOf(',') + 1));
    expect(svg).toContain('<polyline');
    expect(svg).toContain('stroke="#c0392b"');
    // Cropped to the stroke: the first point sits at the margin, not at (10, 10) of the canvas.
    expect(svg).toMatch(/points="12,12 /);
    const eraser = item('visionStroke', { points: [1, 1, 2, 2], colour: 'eraser', width: 24 });
    expect(itemExportText(eraser)).toBe('gumt uit (2 punten)');
    expect(itemExportImage(eraser)).toBeUndefined();
    expect(itemExportText(item('visionLabel', { x: 1, y: 1, text: 'Samen', colour: '#1a1a1a' }))).toBe(
      'schrijft "Samen" op de tekening',
    );
    expect(itemExportText(item('visionPhoto', { uploadId: 'uabcdefg', mime: 'image/png', caption: 'Boom' }))).toBe(
      'foto van de tekening: Boom',
    );
    expect(itemExportText(item('visionStatement', { text: 'Samen sterk', editableBy: 'group' }))).toBe(
      'visie: Samen sterk',
    );
  });

  it('toolkit: a dot vote names its target and its round', () => {
    expect(itemExportText(item('vote', { setId: 'kader-questions', targetId: 'q1' }))).toBe(
      'stemt op q1 (stemronde kader-questions)',
    );
  });

  it('closing: a summary with who gave it', () => {
    expect(itemExportText(item('closingSummary', { by: 'spokesperson', name: 'Utrecht', text: 'We gaan door' }))).toBe(
      'samenvatting (woordvoerder Utrecht): We gaan door',
    );
  });
});
