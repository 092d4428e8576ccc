// The time budgets and the bot's authentication settings of issue #13 in the configuration: defaults and refusals.
import { strict as assert } from 'node:assert';
import { loadConfig } from '../../bot/config';

describe('resilience: budget settings (issue #13)', () => {
  it('defaults: 2 s per database operation, /readyz 1.5 s cached 1 s, 5 s for the signing keys', () => {
    const result = loadConfig({});
    assert.ok(result.ok);
    assert.deepEqual(result.config.budgets, { storeMs: 2000, readyMs: 1500, readyCacheMs: 1000 });
    assert.equal(result.config.bot.authTimeoutMs, 5000);
    assert.equal(result.config.bot.openIdMetadataUrl, undefined);
  });

  it('reads them from the environment', () => {
    const result = loadConfig({
      COSMOS_TIMEOUT_MS: '3000',
      READY_TIMEOUT_MS: '800',
      READY_CACHE_MS: '0',
      BOT_AUTH_TIMEOUT_MS: '2500',
      BOT_OPENID_METADATA_URL: 'http://127.0.0.1:9/openid',
    });
    assert.ok(result.ok);
    assert.deepEqual(result.config.budgets, { storeMs: 3000, readyMs: 800, readyCacheMs: 0 });
    assert.equal(result.config.bot.authTimeoutMs, 2500);
    assert.equal(result.config.bot.openIdMetadataUrl, 'http://127.0.0.1:9/openid');
  });

  it('names each bad value', () => {
    const result = loadConfig({
      COSMOS_TIMEOUT_MS: '0',
      READY_TIMEOUT_MS: 'soon',
      BOT_OPENID_METADATA_URL: 'nope',
    });
    assert.equal(result.ok, false);
    const errors = result.ok ? [] : result.errors.join('\n');
    for (const name of ['COSMOS_TIMEOUT_MS', 'READY_TIMEOUT_MS', 'BOT_OPENID_METADATA_URL'])
      assert.match(String(errors), new RegExp(name));
  });
});
