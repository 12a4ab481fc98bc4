import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm run organiser-key`: prints the organiser link (create a workshop) on request, from ORGANISER_KEY or the key
 * generated at first start in DATA_DIR/organiser-key. The server prints it only on the start that generated it, so
 * routine logs never hold it.
 */
const dataDir = path.resolve(process.env.DATA_DIR ?? './data');
const file = path.join(dataDir, 'organiser-key');
const key = process.env.ORGANISER_KEY || (existsSync(file) ? readFileSync(file, 'utf8').trim() : '');
if (!key) {
  console.error(`No organiser key yet in ${file}: start the server once (npm start), or set ORGANISER_KEY.`);
  process.exit(1);
}
const base = process.env.PUBLIC_URL || `http://localhost:${process.env.PORT ?? 3000}`;
console.log(`Organiser link (create a workshop): ${base}/#key=${key}`);
