// The packaged manifest declares the message extension: the "Add as voucher" message action, the "Find
// voucher" search, and link unfurling for the app's own host; valid against the official schema, translated.
import { strict as assert } from 'node:assert';
import { readPackageSettings, renderLocalization, renderManifest } from '../../manifest/app-package';
import { createManifestValidator } from '../../manifest/validate';
import { ADD_VOUCHER_COMMAND, FIND_VOUCHER_COMMAND } from '../../bot/teams/extensions/commands';

const HOST = 'psc-test.azurewebsites.net';
const BOT = '11111111-2222-3333-4444-555555555555';

type Command = {
  id: string;
  type: string;
  title: string;
  context: string[];
  fetchTask?: boolean;
  initialRun?: boolean;
  parameters?: { name: string; title: string }[];
};
type Extension = {
  botId: string;
  commands: Command[];
  messageHandlers: { type: string; value: { domains: string[] } }[];
};

describe('manifest: message extension (action, search, link unfurling)', () => {
  const settings = () => {
    const r = readPackageSettings(
      { BOT_APP_ID: BOT, PUBLIC_HOSTNAME: HOST, ENTRA_CLIENT_ID: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' },
      '0.1.0',
    );
    if (!r.ok) throw new Error(r.errors.join('\n'));
    return r.settings;
  };

  it('validates against the official schema with the compose extension declared', () => {
    const manifest = renderManifest(settings());
    assert.deepEqual(createManifestValidator().manifest(manifest), []);
    const [ext] = (manifest as { composeExtensions: Extension[] }).composeExtensions;
    assert.ok(ext);
    assert.equal(ext.botId, BOT);
    // The schema does check the extension: an unknown context or a long title is refused.
    const bad = structuredClone(manifest) as { composeExtensions: Extension[] };
    bad.composeExtensions[0]!.commands[0]!.context = ['message', 'inbox'];
    bad.composeExtensions[0]!.commands[1]!.title = 'A search command title far too long for Teams';
    const problems = createManifestValidator().manifest(bad);
    assert.ok(
      problems.some((p) => p.startsWith('/composeExtensions/0/commands/0/context/1')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.startsWith('/composeExtensions/0/commands/1/title')),
      problems.join('\n'),
    );
  });

  it('declares the message action and the search with the ids the bot answers', () => {
    const [ext] = (renderManifest(settings()) as { composeExtensions: Extension[] }).composeExtensions;
    const action = ext?.commands.find((c) => c.id === ADD_VOUCHER_COMMAND);
    assert.deepEqual(action && { type: action.type, context: action.context, fetchTask: action.fetchTask }, {
      type: 'action',
      context: ['message'],
      fetchTask: true,
    });
    const search = ext?.commands.find((c) => c.id === FIND_VOUCHER_COMMAND);
    assert.equal(search?.type, 'query');
    assert.equal(search?.initialRun, true);
    assert.deepEqual(search?.context, ['compose', 'commandBox']);
    assert.deepEqual(
      search?.parameters?.map((p) => p.name),
      ['query'],
    );
  });

  it('unfurls links of the app`s own host only (never teams.microsoft.com)', () => {
    const [ext] = (renderManifest(settings()) as { composeExtensions: Extension[] }).composeExtensions;
    assert.deepEqual(ext?.messageHandlers, [{ type: 'link', value: { domains: [HOST] } }]);
  });

  it('translates every command title, description and parameter in pt-BR and es-ES (valid files)', () => {
    const validator = createManifestValidator();
    const [ext] = (renderManifest(settings()) as { composeExtensions: Extension[] }).composeExtensions;
    for (const lang of ['pt-BR', 'es-ES'] as const) {
      const file = renderLocalization(lang);
      assert.deepEqual(validator.localization(file), [], lang);
      ext?.commands.forEach((c, i) => {
        for (const key of [`commands[${i}].title`, `commands[${i}].description`]) {
          const text = file[`composeExtensions[0].${key}`];
          assert.ok(text && text.length > 0, `${lang} ${key}`);
        }
        const title = file[`composeExtensions[0].commands[${i}].title`] ?? '';
        assert.ok(title.length <= 32, `${lang} title too long: ${title}`);
        assert.notEqual(title, c.title, `${lang} title not translated`);
        c.parameters?.forEach((_p, j) =>
          assert.ok(
            file[`composeExtensions[0].commands[${i}].parameters[${j}].title`],
            `${lang} parameter ${j}`,
          ),
        );
      });
    }
  });
});
