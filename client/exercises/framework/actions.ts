import { QUESTION } from '../../../shared/exercises/framework';
import { createItem } from '../../sync/itemWrites';

/** Sends a question to the presenter, as the participant's own item; false when empty or too long. */
export function postQuestion(q: {
  sessionId: string;
  groupId: string | null;
  authorId: string;
  text: string;
}): boolean {
  const { text, ...who } = q;
  return createItem({ kind: QUESTION, ...who }, { text }).ok;
}
