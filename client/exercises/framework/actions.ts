import { addItem } from '../../../shared/boardDoc';
import { QUESTION, questionFields } from '../../../shared/exercises/framework';
import { newId } from '../../../shared/ids';
import { LOCAL_ORIGIN } from '../../sync/origins';
import { writeTarget } from '../../sync/privateWriting';

/** Sends a question to the presenter, as the participant's own item; false when empty or too long. */
export function postQuestion(q: {
  sessionId: string;
  groupId: string | null;
  authorId: string;
  text: string;
}): boolean {
  const doc = writeTarget();
  const fields = questionFields.safeParse({ text: q.text });
  if (!doc || !fields.success) return false;
  const now = Date.now();
  doc.transact(
    () =>
      addItem(doc, {
        id: newId('i'),
        kind: QUESTION,
        sessionId: q.sessionId,
        groupId: q.groupId,
        authorId: q.authorId,
        createdAt: now,
        updatedAt: now,
        text: fields.data.text,
      }),
    LOCAL_ORIGIN,
  );
  return true;
}
