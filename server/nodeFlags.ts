/**
 * Node flags the server runs with (`npm start`, `npm run demo`, the Dockerfile, the benchmark and the tests that spawn
 * a real server process; package.json and the Dockerfile spell them out, as they cannot import this file).
 *
 * A larger young generation (64 MB semi-spaces instead of V8's 16 MB default): loading a document applies one big
 * Yjs update, which allocates hundreds of thousands of short-lived objects, and with the default most of its time is
 * spent in scavenges. Memory is committed only as far as the allocation rate needs it.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'] as const;
