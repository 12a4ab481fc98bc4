/** The four kinds of user; every connection carries exactly one. */
export const ROLES = ['facilitator', 'researcher', 'participant', 'screen'] as const;
export type Role = (typeof ROLES)[number];

/** The documents of one workshop (DESIGN.md §3). `own` is `own/<participantId>`. */
export const DOC_KINDS = ['control', 'board', 'research', 'own'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

export type Access = 'none' | 'read' | 'write';

/** Who authenticated a connection. */
export interface Principal {
  workshopId: string;
  role: Role;
  /** Set for participants. */
  participantId?: string;
}

/**
 * The document table of DESIGN.md §3: what a role may do with a document.
 * The control document is written only by the server (through commands), so nobody gets `write` on it.
 */
export function docAccess(principal: Principal, kind: DocKind, ownerId?: string): Access {
  const { role } = principal;
  switch (kind) {
    case 'control':
      return 'read';
    case 'board':
      return role === 'screen' ? 'read' : 'write';
    case 'research':
      return role === 'facilitator' || role === 'researcher' ? 'write' : 'none';
    case 'own':
      if (role === 'participant') return principal.participantId === ownerId ? 'write' : 'none';
      return role === 'screen' ? 'none' : 'read';
  }
}

/** Parses `control`, `board`, `research` or `own/<participantId>`; null when it is none of these. */
export function parseDocName(name: string): { kind: DocKind; ownerId?: string } | null {
  if (name === 'control' || name === 'board' || name === 'research') return { kind: name };
  const m = /^own\/([A-Za-z0-9_-]{1,40})$/.exec(name);
  if (m) return { kind: 'own', ownerId: m[1] };
  return null;
}
