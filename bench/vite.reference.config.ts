import { defineConfig } from 'vite';

/**
 * The benchmark's reference server compiled to plain JavaScript (bench/.build/referenceServer.js), the way
 * vite.server.config.ts compiles ours to dist/server/: `npm run bench` builds both first and runs both without a
 * TypeScript loader, so neither carries tsx's transform (its `keepNames` wraps every function a handler creates)
 * and the ratio compares the code as deployed.
 */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'bench/.build',
    emptyOutDir: true,
    minify: false,
    rolldownOptions: {
      input: { referenceServer: 'bench/referenceServer.ts' },
      output: { format: 'esm', entryFileNames: '[name].js' },
    },
  },
});
