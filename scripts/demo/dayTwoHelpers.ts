import type { z } from 'zod';
import { addItem, type Item } from '../../shared/boardDoc';
import { newId } from '../../shared/ids';
import type { SimPhone } from '../../tests/sim/simulator';

/** Writes one item from a simulated phone, after checking its fields against the kind's schema. */
export function phoneWrites(
  phone: SimPhone,
  schema: z.ZodType,
  base: { kind: string; sessionId: string; at: number; id?: string },
  fields: Record<string, unknown>,
): string {
  const data = schema.parse(fields) as Record<string, unknown>;
  const id = base.id ?? newId('i');
  const item: Item = {
    id,
    kind: base.kind,
    sessionId: base.sessionId,
    groupId: phone.groupId,
    authorId: phone.joined.participantId,
    createdAt: base.at,
    updatedAt: base.at,
    ...data,
  };
  phone.board.doc.transact(() => addItem(phone.board.doc, item));
  return id;
}

/** The phones of the demo grouped by cooperation, in joining order. */
export function byCooperation(phones: readonly SimPhone[]): SimPhone[][] {
  const groups = new Map<string, SimPhone[]>();
  for (const p of phones) groups.set(p.groupId, [...(groups.get(p.groupId) ?? []), p]);
  return [...groups.values()];
}
