import { defineConfig } from 'vite';
import server from '../vite.server.config.ts';

/**
 * The benchmark's reference server compiled to plain JavaScript (bench/.build/referenceServer.js) with ours's build
 * settings (vite.server.config.ts), only another entry and folder: `npm run bench` builds both first and runs both
 * without a TypeScript loader, so neither carries tsx's transform (its `keepNames` wraps every function a handler
 * creates) and the ratio compares the code as deployed.
 */
export default defineConfig({
  ...server,
  build: {
    ...server.build,
    outDir: 'bench/.build',
    rolldownOptions: { ...server.build?.rolldownOptions, input: { referenceServer: 'bench/referenceServer.ts' } },
  },
});
