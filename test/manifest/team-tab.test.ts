// The team tab in the manifest: a configurable tab for channels and group chats whose configuration page is the
// tab's own (`/tab?view=config`, which sets the content and removal pages), on the app's host.
import { strict as assert } from 'node:assert';
import { readPackageSettings, renderManifest } from '../../manifest/app-package';
import { createManifestValidator } from '../../manifest/validate';

const ENV = {
  BOT_APP_ID: '11111111-2222-3333-4444-555555555555',
  PUBLIC_HOSTNAME: 'psc-test.azurewebsites.net',
  ENTRA_CLIENT_ID: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
};

describe('manifest: the team tab (configurableTabs)', () => {
  it('declares one configurable tab for team and group chat, configured by /tab?view=config, and validates', () => {
    const r = readPackageSettings(ENV, '0.1.0');
    assert.ok(r.ok);
    const manifest = renderManifest(r.settings) as unknown as {
      configurableTabs: { configurationUrl: string; canUpdateConfiguration: boolean; scopes: string[] }[];
    };
    assert.deepEqual(createManifestValidator().manifest(manifest), []);
    assert.equal(manifest.configurableTabs.length, 1);
    const tab = manifest.configurableTabs[0]!;
    assert.equal(tab.configurationUrl, 'https://psc-test.azurewebsites.net/tab?view=config');
    assert.deepEqual(tab.scopes, ['team', 'groupChat']);
    // Rename and reconfigure are allowed: the tab never relies on its display name.
    assert.equal(tab.canUpdateConfiguration, true);
  });
});
