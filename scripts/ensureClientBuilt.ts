import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Newest modification time of any file under these folders. */
function newest(dirs: string[]): number {
  let t = 0;
  const walk = (p: string) => {
    const s = statSync(p);
    if (s.isDirectory()) for (const f of readdirSync(p)) walk(path.join(p, f));
    else t = Math.max(t, s.mtimeMs);
  };
  for (const d of dirs) if (existsSync(d)) walk(d);
  return t;
}

/** Builds the client when it is missing or older than its sources, so `npm start` is all a person needs. */
export async function ensureClientBuilt(): Promise<void> {
  const index = path.resolve('dist/client/index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built > newest(['client', 'shared'])) return;
  console.log('Building the client…');
  const { build } = await import('vite');
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn' });
}
