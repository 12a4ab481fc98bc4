import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { serviceWorkerPlugin } from './client/serviceWorker/plugin';

const target = `http://localhost:${process.env.PORT ?? 3000}`;

// The client lives in client/; the server serves dist/client in production.
export default defineConfig({
  root: 'client',
  plugins: [react(), serviceWorkerPlugin()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Everything the entry imports statically (the shell: React, Yjs, the sync layer, join form, participant
        // view) in one chunk, instead of dozens of small shared chunks that a phone on 400 ms round trips fetches in
        // waves; each exercise's views stay in their own chunks, loaded on demand (client/exercises/registry.ts).
        codeSplitting: { groups: [{ name: 'shell', tags: ['$initial'] }] },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': target,
      '/healthz': target,
      '/socket.io': { target, ws: true },
      '/yjs': { target: target.replace('http', 'ws'), ws: true },
    },
  },
});
