import type { Item } from '../../boardDoc';
import { str } from '../exportHelpers';
import { keywordsOf } from './keywords';

const REACTION_LABEL: Record<string, string> = { question: 'vraag', struck: 'wat me opviel' };

/** A pitch with its keywords; a reaction with its kind and the cooperation it is about. */
export function pitchExportText(item: Item): string {
  if (item.kind === 'pitchReaction')
    return `[${REACTION_LABEL[str(item, 'reaction')] ?? 'reactie'} bij pitch ${str(item, 'targetGroupId')}] ${str(item, 'text')}`;
  const keywords = keywordsOf(item).filter((k) => k.trim());
  const text = str(item, 'text').trim() || '(nog leeg)';
  const photo = str(item, 'photoId') ? ` (foto: upload ${str(item, 'photoId')})` : '';
  return `pitch: ${text}${keywords.length ? ` (trefwoorden: ${keywords.join(', ')})` : ''}${photo}`;
}

/** The pitch's photo, if the cooperation added one. */
export function pitchExportImage(item: Item): string | undefined {
  return item.kind === 'pitch' && str(item, 'photo') ? str(item, 'photo') : undefined;
}
