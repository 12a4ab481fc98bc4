/** Who caused a change to a server-side document; stored as the update's actor. */
export interface ChangeOrigin {
  actor: string;
}

/** The origin of writes the server makes itself (commands, joins, workshop creation). */
export const serverOrigin = (what: string): ChangeOrigin => ({ actor: `server:${what}` });
