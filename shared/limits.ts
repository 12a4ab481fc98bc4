/** Limits that protect the server and the room; documented in docs/API.md and docs/SECURITY.md. */
export const LIMITS = {
  /** Longest note or contribution text, in characters. */
  itemText: 500,
  /** Longest text a group writes together (a Y.Text inside an item) when its schema sets no maximum. */
  sharedText: 10_000,
  /** Largest value of one item field (JSON), in bytes; drawings' strokes are the biggest. */
  fieldBytes: 32 * 1024,
  /** Largest item in all (its fields as JSON, shared texts included), in bytes, when a client makes it grow. */
  itemBytes: 64 * 1024,
  /** Structs in one Yjs update: a phone's merged offline day (300 notes edited 10 times, 20,000 keystrokes) has 18,429. */
  structsPerUpdate: 50_000,
  /** Delete-set ranges in one Yjs update: that offline day has 2,401. */
  deleteRangesPerUpdate: 10_000,
  /** New Yjs client ids one person may start writing with per document, per minute (a phone uses one per page load). */
  newClientsPerMinute: 10,
  /** Yjs client ids one person may write with in one document, in all. */
  clientsPerPerson: 500,
  /** Client ids one document may hold: its state vector (≤ 10 bytes per entry) stays far below `message`. */
  clientsPerDoc: 50_000,
  /** Largest awareness message from a client, in bytes; larger ones are dropped. */
  awarenessBytes: 4 * 1024,
  /** Awareness messages per second per connection (bursts of twice that); more are dropped. */
  awarenessPerSecond: 5,
  /** A session stays open for participants' new items this long after the facilitator moved on (offline phones). */
  sessionGraceMs: 15 * 60_000,
  /** Longest name a participant may give. */
  name: 60,
  /** Longest workshop or group title. */
  title: 120,
  /** Most groups (cooperations) in one workshop. */
  groups: 40,
  /** Most participants in one workshop: a large conference plenary in one room. */
  participantsPerWorkshop: 1000,
  /** Largest JSON request body, in bytes. */
  jsonBody: 64 * 1024,
  /** Largest single websocket message (Yjs or socket.io), in bytes. */
  message: 1024 * 1024,
  /** Largest uploaded file (a photo of a drawing), in bytes. */
  uploadBytes: 10 * 1024 * 1024,
  /** Longest consent text. */
  consentText: 2000,
  /** Most sessions in a programme. */
  sessions: 60,
  /** Yjs updates one connection may send per second; more wait their turn (never dropped). */
  updatesPerSecond: 20,
  /** Updates that may wait their turn on one connection before it is closed (the client resends on reconnect). */
  queuedMessages: 200,
  /** New board items one connection may create per minute; more wait their turn (never dropped). */
  itemsPerMinute: 30,
  /** Open connections per participant and document (or command sockets); one more closes the oldest. */
  connectionsPerParticipant: 6,
  /** Join requests with an unknown code per address (IPv6: per /64) per minute; after that every join request is 429. */
  joinFailuresPerMinute: 20,
  /** Wrong or missing organiser keys per address (IPv6: per /64) per minute; after that `POST /api/workshops` is 429. */
  organiserKeyFailuresPerMinute: 10,
  /** Shortest organiser key the server starts with (a generated one is 24 characters of base64url, 144 bits). */
  organiserKeyMinLength: 24,
  /** Successful joins per address per minute (a whole room behind one Wi-Fi address fits). */
  joinsPerMinute: 60,
  /** Updates held in memory per document while storage fails, in bytes; past it new writes are turned away. */
  unstoredBytes: 8 * 1024 * 1024,
  /** Resyncs (the server's sync step 1 after an update with missing history) per connection per minute. */
  resyncsPerMinute: 10,
  /** All uploads of one workshop together, in bytes. */
  uploadsPerWorkshopBytes: 1024 * 1024 * 1024,
  /** Free space DATA_DIR keeps: below it uploads are refused (507); env MIN_FREE_BYTES overrides it. */
  freeSpaceFloorBytes: 256 * 1024 * 1024,
  /** Longest side of a photo after the phone scales it before upload (pitch and vision photos), in pixels. */
  photoSide: 1600,
  /** JPEG quality the phone encodes a scaled photo with (0–1). */
  photoQuality: 0.8,
} as const;
