// `npm run package`: writes manifest/build/planning-services-companion.zip, the Teams app package to upload.
// Configuration comes from the environment (and .env): BOT_APP_ID, PUBLIC_HOSTNAME, ENTRA_CLIENT_ID, and the
// optional APP_VERSION, TEAMS_APP_ID, ENTRA_APP_ID_URI, APP_DEVELOPER_NAME, APP_WEBSITE_URL, APP_PRIVACY_URL,
// APP_TERMS_URL. A missing or bad value stops it with a message naming the variable.
// `--out <dir>` writes the zip somewhere else than manifest/build/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import {
  MANIFEST_DIR,
  PACKAGE_FILE_NAME,
  packageFiles,
  readPackageSettings,
  zipPackage,
} from './app-package';
import { createManifestValidator, DEFAULT_SCHEMA_DIR, schemasAvailable } from './validate';

export const BUILD_DIR = path.join(MANIFEST_DIR, 'build');

async function main(): Promise<number> {
  loadDotenv({ path: path.join(MANIFEST_DIR, '..', '.env'), quiet: true });
  const pkg = JSON.parse(readFileSync(path.join(MANIFEST_DIR, '..', 'package.json'), 'utf8')) as {
    version: string;
  };

  const result = readPackageSettings(process.env, pkg.version);
  if (!result.ok) {
    console.error('Cannot build the Teams app package:');
    for (const e of result.errors) console.error(`  ${e}`);
    return 1;
  }
  const files = packageFiles(result.settings);

  if (schemasAvailable()) {
    const validator = createManifestValidator();
    const problems = [
      ...validator
        .manifest(JSON.parse(files.get('manifest.json')!.toString('utf8')))
        .map((p) => `manifest.json ${p}`),
      ...[...files.keys()]
        .filter((name) => name.endsWith('.json') && name !== 'manifest.json')
        .flatMap((name) =>
          validator.localization(JSON.parse(files.get(name)!.toString('utf8'))).map((p) => `${name} ${p}`),
        ),
    ];
    if (problems.length > 0) {
      console.error('The generated package does not match the Teams manifest schema:');
      for (const p of problems) console.error(`  ${p}`);
      return 1;
    }
  } else {
    console.warn(`Schema check skipped: ${DEFAULT_SCHEMA_DIR} not found.`);
  }

  const outArg = process.argv.indexOf('--out');
  const outDir = outArg > 0 && process.argv[outArg + 1] ? path.resolve(process.argv[outArg + 1]!) : BUILD_DIR;
  mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, PACKAGE_FILE_NAME);
  writeFileSync(out, await zipPackage(files));
  const s = result.settings;
  console.log(`Wrote ${path.relative(process.cwd(), out)} (${[...files.keys()].join(', ')})`);
  console.log(
    `  Teams app id ${s.teamsAppId}, version ${s.version}, bot ${s.botAppId}, host ${s.publicHostname}`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
