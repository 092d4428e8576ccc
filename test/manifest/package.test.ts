import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import {
  commandLists,
  LOCALIZATION_FILES,
  nameBasedUuid,
  PACKAGE_FILE_NAME,
  packageFiles,
  readPackageSettings,
  renderLocalization,
  renderManifest,
  zipPackage,
  type PackageSettings,
} from '../../manifest/app-package';
import { BOT_COMMANDS, COMMAND_SCOPES, MANIFEST_LANGUAGES } from '../../manifest/commands';
import { encodePng, renderColorIcon, renderOutlineIcon } from '../../manifest/icons';
import { createManifestValidator, type ManifestValidator } from '../../manifest/validate';

const ROOT = path.resolve(__dirname, '..', '..');
const BOT = '11111111-2222-3333-4444-555555555555';
const CLIENT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const HOST = 'psc-test.azurewebsites.net';
const ENV = { BOT_APP_ID: BOT, PUBLIC_HOSTNAME: HOST, ENTRA_CLIENT_ID: CLIENT };

function settings(env: Record<string, string> = ENV): PackageSettings {
  const r = readPackageSettings(env, '0.1.0');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.settings;
}

type Manifest = {
  manifestVersion: string;
  id: string;
  version: string;
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string }[] }[];
  }[];
  staticTabs: { entityId: string; contentUrl?: string; scopes: string[] }[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
  localizationInfo: {
    defaultLanguageTag: string;
    additionalLanguages: { languageTag: string; file: string }[];
  };
  icons: { color: string; outline: string };
  developer: { privacyUrl: string; termsOfUseUrl: string };
};

describe('manifest: the Teams app package', () => {
  let validator: ManifestValidator;
  before(() => {
    validator = createManifestValidator();
  });

  describe('manifest.json', () => {
    it('validates against the official 1.25 schema and declares manifestVersion 1.25', () => {
      const manifest = renderManifest(settings());
      assert.deepEqual(validator.manifest(manifest), []);
      assert.equal(manifest.manifestVersion, '1.25');
    });

    it('is refused when manifestVersion is not 1.25, by an explicit check besides the schema`s const', () => {
      const manifest = { ...renderManifest(settings()), manifestVersion: '1.24' };
      assert.ok(validator.manifest(manifest).includes('/manifestVersion: must be "1.25", found "1.24"'));
      const { manifestVersion: _drop, ...none } = renderManifest(settings());
      assert.ok(validator.manifest(none).includes('/manifestVersion: must be "1.25", found undefined'));
    });

    it('is refused by the schema when a required field is missing or a field is unknown', () => {
      const { accentColor: _drop, ...noAccent } = renderManifest(settings());
      assert.ok(validator.manifest(noAccent).some((p) => p.includes('accentColor')));
      const extra = { ...renderManifest(settings()), colour: 'teal' };
      assert.ok(validator.manifest(extra).some((p) => p.includes('(colour)')));
    });

    it('takes the bot id, host, SSO client id and App ID URI from configuration', () => {
      const m = renderManifest(settings()) as unknown as Manifest;
      assert.equal(m.bots[0]!.botId, BOT);
      assert.deepEqual(m.bots[0]!.scopes, ['personal', 'team', 'groupChat']);
      assert.deepEqual(m.validDomains, [HOST]);
      assert.deepEqual(m.webApplicationInfo, { id: CLIENT, resource: `api://${HOST}/${CLIENT}` });
      const tab = m.staticTabs.find((t) => t.entityId === 'status');
      assert.equal(tab?.contentUrl, `https://${HOST}/tab`);
      assert.deepEqual(tab?.scopes, ['personal']);
      assert.equal(m.developer.privacyUrl, `https://${HOST}/privacy`);
      assert.equal(m.version, '0.1.0');
      assert.doesNotMatch(JSON.stringify(m), /\{\{[A-Z0-9_]*\}\}/, 'a placeholder was left unfilled');
    });

    it('has one command list per scope with every command of BOT_COMMANDS in English', () => {
      const m = renderManifest(settings()) as unknown as Manifest;
      assert.deepEqual(
        m.bots[0]!.commandLists.map((l) => l.scopes),
        COMMAND_SCOPES.map((s) => [s]),
      );
      for (const list of m.bots[0]!.commandLists) {
        assert.deepEqual(
          list.commands.map((c) => c.title),
          BOT_COMMANDS.map((c) => c.title.en),
        );
      }
    });

    it('derives a stable Teams app id per bot, distinct for two bots, unless TEAMS_APP_ID is set', () => {
      const a = settings().teamsAppId;
      assert.equal(settings().teamsAppId, a);
      assert.notEqual(settings({ ...ENV, BOT_APP_ID: '99999999-2222-3333-4444-555555555555' }).teamsAppId, a);
      const pinned = '12345678-1234-4234-8234-123456789abc';
      assert.equal(settings({ ...ENV, TEAMS_APP_ID: pinned }).teamsAppId, pinned);
      // RFC 4122 name-based (SHA-1) UUID: the well-known vector for "python.org" in the DNS namespace.
      assert.equal(
        nameBasedUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org'),
        '886313e1-3b8a-5372-9b90-0c9aee199e5d',
      );
    });
  });

  describe('configuration', () => {
    it('names every missing value', () => {
      const r = readPackageSettings({ PUBLIC_HOSTNAME: HOST, BOT_APP_ID: '  ' }, '0.1.0');
      assert.equal(r.ok, false);
      assert.deepEqual(!r.ok && r.errors.map((e) => e.split(':')[0]), ['BOT_APP_ID', 'ENTRA_CLIENT_ID']);
    });

    it('names every bad value', () => {
      const r = readPackageSettings(
        {
          BOT_APP_ID: 'not-a-guid',
          PUBLIC_HOSTNAME: 'https://PSC.example.com/',
          ENTRA_CLIENT_ID: CLIENT,
          APP_VERSION: '1.0',
          APP_PRIVACY_URL: 'http://example.com/privacy',
          APP_DEVELOPER_NAME: 'A developer name far longer than thirty-two characters',
        },
        '0.1.0',
      );
      assert.equal(r.ok, false);
      const names = !r.ok ? r.errors.map((e) => e.split(':')[0]) : [];
      for (const n of [
        'BOT_APP_ID',
        'PUBLIC_HOSTNAME',
        'APP_VERSION',
        'APP_PRIVACY_URL',
        'APP_DEVELOPER_NAME',
      ]) {
        assert.ok(names.includes(n), `${n} not reported in ${JSON.stringify(names)}`);
      }
    });

    it('refuses an ENTRA_APP_ID_URI that is not api://{host}/{clientId}', () => {
      const wrong = readPackageSettings({ ...ENV, ENTRA_APP_ID_URI: `api://${CLIENT}` }, '0.1.0');
      assert.equal(wrong.ok, false);
      assert.match(
        !wrong.ok ? wrong.errors[0]! : '',
        /^ENTRA_APP_ID_URI: must be api:\/\/psc-test\.azurewebsites\.net\/aaaaaaaa-/,
      );
      assert.equal(
        readPackageSettings({ ...ENV, ENTRA_APP_ID_URI: `api://${HOST}/${CLIENT}` }, '0.1.0').ok,
        true,
      );
    });
  });

  describe('commands and localization', () => {
    it('BOT_COMMANDS fits the Teams limits and each title is unambiguous in its language', () => {
      assert.equal(BOT_COMMANDS.length, 10);
      for (const lang of MANIFEST_LANGUAGES) {
        const titles = BOT_COMMANDS.map((c) => c.title[lang].toLowerCase());
        assert.equal(new Set(titles).size, titles.length, `duplicate ${lang} title`);
        for (const c of BOT_COMMANDS) {
          assert.ok(c.title[lang].length > 0 && c.title[lang].length <= 32, `${c.id} ${lang} title`);
          assert.ok(
            c.description[lang].length > 0 && c.description[lang].length <= 128,
            `${c.id} ${lang} description`,
          );
        }
      }
      assert.deepEqual(commandLists('es-ES')[0]!.commands[5], {
        title: 'canjear',
        description: BOT_COMMANDS[5]!.description['es-ES'],
      });
    });

    it('the localization files validate and translate names, the tab and every command title', () => {
      const m = renderManifest(settings()) as unknown as Manifest;
      assert.deepEqual(m.localizationInfo.additionalLanguages, [
        { languageTag: 'pt', file: LOCALIZATION_FILES['pt-BR'] },
        { languageTag: 'es', file: LOCALIZATION_FILES['es-ES'] },
      ]);
      for (const lang of ['pt-BR', 'es-ES'] as const) {
        const file = renderLocalization(lang);
        assert.deepEqual(validator.localization(file), [], lang);
        assert.equal(
          file.$schema,
          'https://developer.microsoft.com/json-schemas/teams/v1.25/MicrosoftTeams.Localization.schema.json',
        );
        assert.ok(file['name.short'] && file['name.short'] !== 'Planning Services Companion');
        const tabIndex = m.staticTabs.findIndex((t) => t.entityId === 'status');
        assert.ok(file[`staticTabs[${tabIndex}].name`], `${lang} status tab name`);
        COMMAND_SCOPES.forEach((_s, list) =>
          BOT_COMMANDS.forEach((c, i) => {
            assert.equal(file[`bots[0].commandLists[${list}].commands[${i}].title`], c.title[lang]);
          }),
        );
      }
      assert.equal(renderLocalization('pt-BR')['bots[0].commandLists[0].commands[5].title'], 'resgatar');
      assert.equal(renderLocalization('es-ES')['bots[0].commandLists[2].commands[4].title'], 'informe');
    });

    it('the localization validator refuses unknown keys and over-long titles', () => {
      const file = renderLocalization('pt-BR');
      assert.ok(
        validator.localization({ ...file, 'name.shortt': 'x' }).some((p) => p.includes('(name.shortt)')),
      );
      assert.notDeepEqual(
        validator.localization({ ...file, 'bots[0].commandLists[0].commands[0].title': 'x'.repeat(33) }),
        [],
      );
      // Only ten commands per list can be translated: an eleventh would have no valid key.
      assert.notDeepEqual(
        validator.localization({ ...file, 'bots[0].commandLists[0].commands[10].title': 'x' }),
        [],
      );
    });
  });

  describe('icons', () => {
    const read = (name: string): PNG => PNG.sync.read(readFileSync(path.join(ROOT, 'manifest', name)));

    it('color.png is 192×192 and outline.png 32×32', () => {
      const color = read('color.png');
      const outline = read('outline.png');
      assert.deepEqual([color.width, color.height, outline.width, outline.height], [192, 192, 32, 32]);
    });

    it('every pixel of outline.png is white or fully transparent, and it is not empty', () => {
      const png = read('outline.png');
      let drawn = 0;
      let clear = 0;
      for (let i = 0; i < png.data.length; i += 4) {
        const [r, g, b, a] = [png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]];
        if (a === 0) clear++;
        else {
          assert.deepEqual([r, g, b], [255, 255, 255], `pixel ${i / 4} is coloured`);
          drawn++;
        }
      }
      assert.ok(drawn > 100 && clear > 300, `drawn ${drawn}, transparent ${clear}`);
    });

    it('the committed icons are exactly what manifest/icons.ts draws', () => {
      assert.ok(
        encodePng(renderColorIcon()).equals(readFileSync(path.join(ROOT, 'manifest', 'color.png'))),
        'color.png is stale',
      );
      assert.ok(
        encodePng(renderOutlineIcon()).equals(readFileSync(path.join(ROOT, 'manifest', 'outline.png'))),
        'outline.png is stale',
      );
    });
  });

  describe('the zip', () => {
    it('holds manifest.json, both icons and the localization files at its root, and nothing else', async () => {
      const zip = await JSZip.loadAsync(await zipPackage(packageFiles(settings())));
      const names = Object.keys(zip.files).sort();
      assert.deepEqual(names, ['color.png', 'es-ES.json', 'manifest.json', 'outline.png', 'pt-BR.json']);
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
      assert.deepEqual(validator.manifest(manifest), []);
      for (const ref of [
        manifest.icons.color,
        manifest.icons.outline,
        ...manifest.localizationInfo.additionalLanguages.map((l) => l.file),
      ]) {
        assert.ok(zip.file(ref), `${ref} is referenced by the manifest but not in the zip`);
      }
    });

    it('is byte-for-byte the same for the same configuration', async () => {
      const a = await zipPackage(packageFiles(settings()));
      const b = await zipPackage(packageFiles(settings()));
      assert.ok(a.equals(b));
    });
  });

  describe('npm run package', function () {
    this.timeout(60_000);
    let out: string;
    before(() => {
      out = mkdtempSync(path.join(tmpdir(), 'psc-package-'));
    });
    after(() => rmSync(out, { recursive: true, force: true }));

    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [require.resolve('tsx/cli'), 'manifest/package.ts', '--out', out], {
        cwd: ROOT,
        // Empty values override any .env a developer keeps in the project (dotenv never overwrites).
        env: {
          PATH: process.env.PATH ?? '',
          BOT_APP_ID: '',
          PUBLIC_HOSTNAME: '',
          ENTRA_CLIENT_ID: '',
          ...env,
        },
        encoding: 'utf8',
      });

    it('writes the zip from environment variables', async () => {
      const r = run({ ...ENV, APP_VERSION: '2.3.4' });
      assert.equal(r.status, 0, r.stderr);
      const zip = await JSZip.loadAsync(readFileSync(path.join(out, PACKAGE_FILE_NAME)));
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
      assert.equal(manifest.version, '2.3.4');
      assert.equal(manifest.bots[0]!.botId, BOT);
    });

    it('stops with a non-zero exit code and names the missing value', () => {
      const r = run({ BOT_APP_ID: BOT, PUBLIC_HOSTNAME: HOST });
      assert.notEqual(r.status, 0);
      assert.match(r.stderr, /^ {2}ENTRA_CLIENT_ID: required/m);
      assert.doesNotMatch(r.stderr, /BOT_APP_ID|PUBLIC_HOSTNAME/);
    });
  });
});
