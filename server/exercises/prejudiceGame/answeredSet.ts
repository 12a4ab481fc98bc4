import { createHmac, randomBytes } from 'node:crypto';

/**
 * Who already answered which statement, kept only in this process's memory as keyed hashes, never in a document or
 * the log. The key is random per process, so a hash cannot be recomputed from a participant id by anyone else (nor
 * after a restart). The price: after a restart a participant could answer a statement once more; phones also
 * remember what they answered, so only a deliberately modified client could. Writing any per-participant marker to
 * the stored record would let the log's order and times link an answer to a person.
 */
export class AnsweredSet {
  private readonly key = randomBytes(32);
  private readonly seen = new Set<string>();

  private hash(scope: string, participantId: string): string {
    return createHmac('sha256', this.key).update(`${scope}\u0000${participantId}`).digest('base64url');
  }

  has(scope: string, participantId: string): boolean {
    return this.seen.has(this.hash(scope, participantId));
  }

  add(scope: string, participantId: string): void {
    this.seen.add(this.hash(scope, participantId));
  }
}
