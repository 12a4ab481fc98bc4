import { createApp } from './app';
import { ConfigError, readConfig } from './config';
import { openStorage } from './storage/openStorage';

/** Starts the server from the environment and prints the organiser link, as Jupyter prints its token. */
export async function main(): Promise<{ url: string; organiserKey: string; close: () => Promise<void> }> {
  let config;
  try {
    config = readConfig();
  } catch (err) {
    // A wrong variable: one line naming it, no stack trace, and exit code 78 (README, "Configuration").
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(78); // EX_CONFIG
  }
  const { storage, lease, describe } = await openStorage(config);
  const app = createApp({
    storage,
    lease,
    organiserKey: config.organiserKey,
    clientDir: config.clientDir,
    publicUrl: config.publicUrl,
    dataDir: config.dataDir,
    trustProxy: config.trustProxy,
  });
  const url = await app.listen(config.port, config.host);
  const base = config.publicUrl ?? url;
  console.log(`Werkplaats is running on ${base} (data: ${describe})`);
  // Printed once for the operator; the key sits in the fragment, so opening the link never sends it to a server log.
  console.log(`Organiser link (create a workshop): ${base}/#key=${config.organiserKey}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing connections and flushing storage…`);
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return { url, organiserKey: config.organiserKey, close: () => app.close() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
