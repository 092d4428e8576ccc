// Composition root: read config (environment + optional .env), start the app, stop it gracefully.
import { configFromProcessOrExit } from './config';
import { createLogger, logFormatFor } from './logger';
import { startApp } from './app';

async function main(): Promise<void> {
  const config = configFromProcessOrExit();
  const logger = createLogger(config.logLevel, undefined, logFormatFor(config.env));
  const app = await startApp(config, logger);
  logger.info({ url: app.url, env: config.env, anonymous: config.bot.anonymous }, 'listening');
  if (app.embedded?.dataFile) console.error(`Local data: ${app.embedded.dataFile}`);
  console.error(`Bot endpoint: ${app.url}/api/messages`);

  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
