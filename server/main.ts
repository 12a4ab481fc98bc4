import { createApp } from './app';
import { ConfigError, readConfig } from './config';
import { log, routeConsoleToLogger, setLogLevel } from './logging';
import { openStorage } from './storage/openStorage';

/**
 * Starts the server from the environment. The organiser link (with the organiser key) is printed only on the start
 * that generated the key, as Jupyter prints its token; afterwards `npm run organiser-key` prints it on request, so
 * routine logs never hold it.
 */
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
  setLogLevel(config.logLevel);
  routeConsoleToLogger();
  const { storage, lease, describe } = await openStorage(config);
  const app = createApp({
    storage,
    lease,
    organiserKey: config.organiserKey,
    clientDir: config.clientDir,
    publicUrl: config.publicUrl,
    dataDir: config.dataDir,
    metricsToken: config.metricsToken,
    trustProxy: config.trustProxy,
  });
  const url = await app.listen(config.port, config.host);
  const base = config.publicUrl ?? url;
  log.info({ url: base, data: describe, metrics: Boolean(config.metricsToken) }, `Werkplaats is running on ${base}`);
  if (config.organiserKeyGenerated) {
    // The key sits in the fragment, so opening the link never sends it to a server log.
    log.info(
      `Organiser link (create a workshop), printed this once; the key is kept in ${config.dataDir}/organiser-key ` +
        `and \`npm run organiser-key\` prints the link again: ${base}/#key=${config.organiserKey}`,
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'closing connections and flushing storage');
    app.close().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, 'could not close cleanly');
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
    log.fatal({ err }, 'could not start');
    process.exit(1);
  });
}
