import type { Item } from '../../shared/boardDoc';

/**
 * A note on the opening wall as a phone writes it (a real creation time; text `notitie <id>`). `fields` overrides or
 * adds any field: another text or group, or a malformed value a hostile client would send.
 */
export const noteItem = (id: string, authorId: string, fields: Record<string, unknown> = {}): Item => ({
  id,
  kind: 'note',
  sessionId: 'opening',
  groupId: null,
  authorId,
  createdAt: Date.now(),
  updatedAt: Date.now(),
  text: `notitie ${id}`,
  ...fields,
});
