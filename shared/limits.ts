/** Limits that protect the server and the room; documented in docs/API.md. */
export const LIMITS = {
  /** Longest note or contribution text, in characters. */
  itemText: 500,
  /** Longest name a participant may give. */
  name: 60,
  /** Longest workshop or group title. */
  title: 120,
  /** Most groups (cooperations) in one workshop. */
  groups: 40,
  /** Most participants in one workshop. */
  participantsPerWorkshop: 500,
  /** Largest JSON request body, in bytes. */
  jsonBody: 64 * 1024,
  /** Largest single websocket message (Yjs or socket.io), in bytes. */
  message: 1024 * 1024,
  /** Longest consent text. */
  consentText: 2000,
  /** Most sessions in a programme. */
  sessions: 60,
} as const;
