import * as Y from 'yjs';
import { BOARD } from '../../../shared/boardDoc';
import type { Writer } from './boardRules';
import { StructIndex, type Struct } from './structIndex';

/**
 * Fields of a shared (group) item that hold a photo, and who put it there: while `photoBy` names someone (written by
 * their own client), only they, or staff, may replace or clear any of them; a photo without `photoBy` (written by an
 * older version) stays the group's. A pitch is written by the whole cooperation, but its photo is the uploader's: a teammate
 * cannot take it off, the uploader and the facilitator can (docs/SECURITY.md, "Own content"). Photos that are items of
 * their own (the vision's) follow the ordinary ownership rule: their author or staff may delete them.
 */
export const UPLOADER_FIELDS = new Set(['photoId', 'photo', 'photoBy']);

/**
 * Why a participant's update breaks the uploader rule, or null. Runs after `checkBoardUpdate` accepted the update
 * (so every struct it touches is known and belongs to a board item).
 */
export function uploaderRefusal(
  doc: Y.Doc,
  writer: Writer,
  update: { structs: Struct[]; ds: ReturnType<typeof Y.decodeUpdate>['ds'] },
): string | null {
  const { principal } = writer;
  if (principal.role !== 'participant') return null;
  const me = `participant:${principal.participantId ?? '?'}`;
  const idx = new StructIndex(doc, update.structs);
  const items = doc.getMap<Y.Map<unknown>>(BOARD.items);
  const fieldStruct = (item: Y.Item, field: string): Y.Item | undefined =>
    item.content instanceof Y.ContentType && item.content.type instanceof Y.Map
      ? (item.content.type as Y.Map<unknown>)._map.get(field)
      : undefined;
  /** The item's photo belongs to someone else: its `photoBy` was written by another client's owner. */
  const someoneElses = (item: Y.Item): boolean => {
    const struct = fieldStruct(item, 'photoBy');
    if (!struct || struct.deleted) return false;
    const by = writer.clientOwner?.(struct.id.client);
    // Unknown writers (history from before claims were kept) do not lock a photo.
    return by !== undefined && by !== me;
  };

  // Set: a new value for a photo field (replacing whatever is there).
  for (const s of update.structs) {
    if (!(s instanceof Y.Item)) continue;
    const owner = idx.ownerOf(s);
    if (owner.at !== 'item' || owner.root !== BOARD.items || owner.depth !== 1) continue;
    if (owner.field === null || !UPLOADER_FIELDS.has(owner.field)) continue;
    if (owner.field === 'photoBy' && !(s.content instanceof Y.ContentDeleted)) {
      if (s.content.getContent()[0] !== principal.participantId) return 'photoBy must be yourself';
    }
    if (!idx.isIncoming(owner.item) && someoneElses(owner.item)) return 'only who added the photo may change it';
  }
  // Cleared: a photo field of the server's document this update deletes (not as part of deleting the whole item).
  for (const [client, ranges] of update.ds.clients) {
    const list = doc.store.clients.get(client);
    if (!list) continue;
    const state = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      if (clock >= state) continue;
      for (let i = Y.findIndexSS(list, clock); i < list.length && list[i]!.id.clock < clock + len; i++) {
        const s = list[i]!;
        if (!(s instanceof Y.Item) || s.deleted) continue;
        const owner = idx.ownerOf(s);
        if (owner.at !== 'item' || owner.depth !== 1 || owner.field === null) continue;
        if (!UPLOADER_FIELDS.has(owner.field) || Y.isDeleted(update.ds, owner.item.id)) continue;
        if (items.get(owner.key) === undefined) continue;
        if (someoneElses(owner.item)) return 'only who added the photo may remove it';
      }
    }
  }
  return null;
}
