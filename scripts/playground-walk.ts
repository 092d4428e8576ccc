// Walks the newcomer's journey (issue #14) in the Microsoft 365 Agents Playground, as a brand-new partner admin,
// in each language: a screenshot per step in test-artifacts/walk/<locale>/ and a transcript beside them.
// A tool to look at, not a test: `npm run walk -- --locale pt-BR --keep-going` (all three languages by default).
import path from 'node:path';
import { isLocale, t, type Locale } from '../bot/i18n';
import { Driver } from './walk/driver';
import { startSession } from './walk/session';
import { journey } from './walk/steps';

interface Options {
  locales: Locale[];
  keepGoing: boolean;
}

function parseArgs(argv: string[]): Options {
  const locales: Locale[] = [];
  let keepGoing = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--keep-going') keepGoing = true;
    else if (arg === '--locale') {
      const value = argv[++i] ?? '';
      if (!isLocale(value)) throw new Error(`--locale: one of en, pt-BR, es-ES (got "${value}")`);
      locales.push(value);
    } else throw new Error(`unknown argument: ${arg} (use --locale <en|pt-BR|es-ES> and --keep-going)`);
  }
  return { locales: locales.length > 0 ? locales : ['en', 'pt-BR', 'es-ES'], keepGoing };
}

async function walk(locale: Locale, keepGoing: boolean): Promise<string[]> {
  const session = await startSession();
  const dir = path.join('test-artifacts', 'walk', locale);
  const driver = new Driver(session.page, dir, t(locale, 'notice.saved'));
  const results: string[] = [];
  try {
    const steps = journey(locale, session);
    for (const [i, step] of steps.entries()) {
      const file = `${String(i + 1).padStart(2, '0')}-${step.name}`;
      driver.log(`\n## ${file}`);
      let failure: unknown;
      try {
        await step.run(driver);
      } catch (err) {
        failure = err;
        driver.log(`[FAILED] ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      }
      await driver.shot(file).catch(() => undefined);
      results.push(`${failure ? 'FAIL' : 'ok  '} ${locale} ${file}`);
      console.log(results[results.length - 1]);
      if (failure && !keepGoing) break;
    }
  } finally {
    driver.writeTranscript();
    await session.stop();
  }
  return results;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const all: string[] = [];
  for (const locale of options.locales) all.push(...(await walk(locale, options.keepGoing)));
  const failed = all.filter((r) => r.startsWith('FAIL')).length;
  console.log(`\n${all.length - failed} steps passed, ${failed} failed; see test-artifacts/walk/`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
