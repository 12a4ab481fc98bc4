import { addItem } from '../../shared/boardDoc';
import { newId } from '../../shared/ids';
import type { Ack, Command } from '../../shared/protocol';
import type { SimPhone } from '../../tests/sim/simulator';

/** Writes one item into the board as this phone's participant, as the browser's board actions do. */
export function phoneAdd(
  phone: SimPhone,
  item: { kind: string; sessionId: string; groupId?: string | null; at: number } & Record<string, unknown>,
): string {
  const { kind, sessionId, groupId, at, ...fields } = item;
  const id = newId('i');
  const doc = phone.board.doc;
  doc.transact(() =>
    addItem(doc, {
      id,
      kind,
      sessionId,
      groupId: groupId === undefined ? phone.groupId : groupId,
      authorId: phone.joined.participantId,
      createdAt: at,
      updatedAt: at,
      ...fields,
    }),
  );
  return id;
}

/** Sends a command from a phone (exercise actions such as an anonymous answer) and fails loudly when refused. */
export function phoneCommand(phone: SimPhone, cmd: Command): Promise<void> {
  return new Promise((resolve, reject) =>
    phone.socket.emit('command', cmd, (ack: Ack) =>
      ack.ok ? resolve() : reject(new Error(`${cmd.type} refused: ${ack.error.message}`)),
    ),
  );
}
