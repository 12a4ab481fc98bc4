import { main } from '../server/main';
import { ensureClientBuilt } from './ensureClientBuilt';

/** `npm start`: builds the client when needed, then serves everything. */
await ensureClientBuilt();
await main();
