import { writeFileSync } from 'node:fs';
import { main } from '../server/main';
import { ensureClientBuilt } from './ensureClientBuilt';
import { seedDemo } from './demoSeed';

/** `npm run demo`: starts the server like `npm start` and seeds a demo workshop into it. */
await ensureClientBuilt();
const server = await main();
const { workshop, itemCount } = await seedDemo(server.url, server.organiserKey);
console.log(`\nDemo workshop seeded: ${workshop.groups.length} cooperations, ${itemCount} contributions.`);
console.log(`  Facilitator console: ${workshop.links.facilitator}`);
console.log(`  Screen (projector):  ${workshop.links.screen}`);
console.log(`  Researcher:          ${workshop.links.researcher}`);
console.log(`  Join (phones):       ${workshop.links.join}   code ${workshop.joinCode}`);
if (process.env.DEMO_JSON) {
  writeFileSync(process.env.DEMO_JSON, JSON.stringify(workshop, null, 2));
  console.log(`  Create-response JSON written to ${process.env.DEMO_JSON}`);
}
