// Composition root: read config (environment + optional .env), start the app, stop it gracefully.
import { configFromProcessOrExit } from './config';
import { createLogger, logFormatFor } from './logger';
import { startApp } from './app';

async function main(): Promise<void> {
  const config = configFromProcessOrExit();
  const logger = createLogger(config.logLevel, undefined, logFormatFor(config.env));
  const app = await startApp(config, logger);
  let stopping = false;
  const shutdown = (signal: string): void => {
    // A repeated signal (tsx relays SIGTERM again when its child is slow to acknowledge) must not end the stop.
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // Before the start-up lines: whoever waits for "listening" and then stops the process must find the handlers.
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  logger.info({ url: app.url, env: config.env, anonymous: config.bot.anonymous }, 'listening');
  if (app.embedded?.dataFile) console.error(`Local data: ${app.embedded.dataFile}`);
  console.error(`Bot endpoint: ${app.url}/api/messages`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
