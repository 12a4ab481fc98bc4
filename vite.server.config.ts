import { defineConfig } from 'vite';

/**
 * The server compiled to plain JavaScript (`npm run build:server` → dist/server/), so production runs `node
 * dist/server/main.js` without a TypeScript loader (the Dockerfile). Dependencies stay in node_modules (an SSR build
 * leaves every package external); the export worker is an entry of its own, since it runs its own file in a thread; so are the backup and
 * organiser-key commands (docs/OPERATIONS.md).
 */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist/server',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      input: {
        main: 'server/main.ts',
        'export/worker': 'server/export/worker.ts',
        // The operator's commands, so the image (no tsx) runs them too: `node dist/server/backup.js FILE`.
        backup: 'scripts/backup.ts',
        'organiser-key': 'scripts/organiserKey.ts',
      },
      output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
