/**
 * `npm run repair -- <workshopId>`: rewrites a workshop's documents without junk client ids (docs/SECURITY.md,
 * "Repairing a poisoned document"). Stop the server first; uses DATA_DIR / DATABASE_URL like the server.
 */
import path from 'node:path';
import { openStorage } from '../server/storage/openStorage';
import { repairWorkshop } from '../server/sync/repairDoc';

const workshopId = process.argv[2];
if (!workshopId) {
  console.error('usage: npm run repair -- <workshopId>');
  process.exit(2);
}
const { storage, describe } = await openStorage({
  dataDir: path.resolve(process.env.DATA_DIR ?? './data'),
  databaseUrl: process.env.DATABASE_URL || undefined,
});
console.log(`repairing ${workshopId} in ${describe}`);
try {
  for (const r of await repairWorkshop(storage, workshopId)) {
    console.log(
      `${r.doc}: ${r.removedClients} junk client ids removed; state vector ${r.stateVectorBytes.before} → ${r.stateVectorBytes.after} bytes; log ${r.entries.before} → ${r.entries.after} entries`,
    );
  }
} finally {
  await storage.close();
}
