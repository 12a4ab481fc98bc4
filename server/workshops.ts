import * as Y from 'yjs';
import { newId, newJoinCode, normaliseJoinCode } from '../shared/ids';
import { LIMITS } from '../shared/limits';
import { DEFAULT_CONSENT_TEXT, DEFAULT_PROGRAMME, TEMPLATE_SOURCE } from '../shared/template';
import { initControl, putParticipant, readGroups, readMeta, readParticipants, setMeta } from '../shared/controlDoc';
import { ERROR_CODES } from '../shared/protocol';
import type { Side } from '../shared/programme';
import { newToken } from './auth';
import { AppError, notFound } from './errors';
import type { Storage, WorkshopRecord } from './storage/Storage';
import type { DocHub } from './sync/DocHub';
import { serverOrigin } from './sync/origins';
import { seedCodebook } from '../shared/research/researchDoc';

export const controlDocName = (workshopId: string) => `${workshopId}/control`;

/** Creating workshops and letting people join them. */
export class Workshops {
  constructor(
    private readonly storage: Storage,
    private readonly hub: DocHub,
  ) {}

  async create(input: {
    title: string;
    groups: string[];
  }): Promise<WorkshopRecord & { groups: Array<{ id: string; name: string }> }> {
    const id = newId('w');
    let joinCode = newJoinCode();
    // 25^6 codes: a clash is rare, but a shared code would send people into the wrong workshop.
    while (await this.storage.findWorkshopByJoinCode(joinCode)) joinCode = newJoinCode();
    const record: WorkshopRecord = {
      id,
      title: input.title,
      joinCode,
      createdAt: Date.now(),
      tokens: { facilitator: newToken(), screen: newToken(), researcher: newToken() },
    };
    await this.storage.createWorkshop(record);
    const groups = input.groups.map((name) => ({ id: newId('g'), name }));
    const live = await this.hub.get(controlDocName(id));
    const origin = serverOrigin('create');
    Y.transact(
      live.doc,
      () =>
        initControl(live.doc, {
          meta: {
            title: input.title,
            joinCode,
            joinOpen: true,
            consentText: DEFAULT_CONSENT_TEXT,
            source: TEMPLATE_SOURCE,
            createdAt: record.createdAt,
            consentVersion: 1,
          },
          programme: structuredClone(DEFAULT_PROGRAMME),
          groups,
        }),
      origin,
    );
    await live.idle();
    this.hub.handOff(live);
    // The researchers' codebook starts from the source's codes (shared/research/codebook.ts).
    const research = await this.hub.get(`${id}/research`);
    Y.transact(research.doc, () => seedCodebook(research.doc, record.createdAt), serverOrigin('create'));
    await research.idle();
    this.hub.handOff(research);
    return { ...record, groups };
  }

  async findByCode(code: string): Promise<WorkshopRecord> {
    const normal = normaliseJoinCode(code);
    const w = normal ? await this.storage.findWorkshopByJoinCode(normal) : null;
    if (!w) throw notFound('workshop with this code');
    return w;
  }

  async joinInfo(code: string) {
    const w = await this.findByCode(code);
    // scale-out: any instance may answer this (the router cannot hash a join code), so read without the lease.
    const doc = await this.hub.peek(controlDocName(w.id));
    const meta = readMeta(doc);
    const info = {
      workshopId: w.id,
      title: meta?.title ?? w.title,
      joinOpen: meta?.joinOpen ?? false,
      groups: readGroups(doc).map((g) => ({ id: g.id, name: g.name })),
      consentText: meta?.consentText ?? DEFAULT_CONSENT_TEXT,
    };
    return info;
  }

  async join(input: { code: string; name: string; groupId: string; side: Side }) {
    const w = await this.findByCode(input.code);
    const live = await this.hub.get(controlDocName(w.id));
    try {
      const meta = readMeta(live.doc);
      if (!meta?.joinOpen) throw new AppError(ERROR_CODES.joinClosed, 'Joining this workshop is closed');
      if (!readGroups(live.doc).some((g) => g.id === input.groupId)) throw notFound('group');
      if (readParticipants(live.doc).length >= LIMITS.participantsPerWorkshop) {
        throw new AppError(ERROR_CODES.tooMany, 'This workshop is full');
      }
      const participantId = newId('p');
      const token = newToken();
      await this.storage.addToken(token, { workshopId: w.id, role: 'participant', participantId });
      const issued = (meta.pseudonymsIssued ?? readParticipants(live.doc).length) + 1;
      Y.transact(
        live.doc,
        () => {
          setMeta(live.doc, { pseudonymsIssued: issued });
          putParticipant(live.doc, {
            id: participantId,
            pseudonym: `P${String(issued).padStart(2, '0')}`,
            name: input.name,
            groupId: input.groupId,
            side: input.side,
            joinedAt: Date.now(),
            consentAt: Date.now(),
            consentVersion: meta.consentVersion ?? 1,
          });
        },
        serverOrigin('join'),
      );
      await live.idle();
      return { workshopId: w.id, participantId, token };
    } finally {
      this.hub.release(live);
    }
  }
}
