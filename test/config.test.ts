import { strict as assert } from 'node:assert';
import { loadConfig, servesTenant } from '../bot/config';

const GUID = '11111111-2222-3333-4444-555555555555';
const prodOk = {
  APP_ENV: 'production',
  BOT_APP_ID: GUID,
  BOT_APP_PASSWORD: 'secret',
  BOT_TENANT_ID: GUID,
  COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/',
  COSMOS_KEY: 'k',
  ENTRA_CLIENT_ID: GUID,
};

function errorsOf(env: Record<string, string>): string[] {
  const r = loadConfig(env);
  return r.ok ? [] : r.errors;
}

describe('config', () => {
  it('development defaults: port 3978, loopback, embedded database, anonymous bot, local identity', () => {
    const r = loadConfig({});
    assert.ok(r.ok);
    assert.equal(r.config.env, 'development');
    assert.equal(r.config.port, 3978);
    assert.equal(r.config.host, '127.0.0.1');
    assert.equal(r.config.dataDir, '.data');
    assert.equal(r.config.cosmos.endpoint, undefined);
    assert.equal(r.config.bot.anonymous, true);
    assert.equal(r.config.rules.profile, 'program-2020');
    assert.ok(r.config.tab.localIdentity);
  });

  it('a complete production configuration loads', () => {
    const r = loadConfig(prodOk);
    assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
    assert.equal(r.config.host, '0.0.0.0');
    assert.equal(r.config.bot.anonymous, false);
    assert.equal(r.config.tab.localIdentity, undefined);
  });

  it('production without anything lists every missing setting, one line each, by name', () => {
    const errors = errorsOf({ APP_ENV: 'production' });
    for (const name of ['BOT_APP_ID', 'COSMOS_ENDPOINT', 'ENTRA_CLIENT_ID']) {
      assert.equal(
        errors.filter((e) => e.startsWith(`${name}:`)).length,
        1,
        `${name} in ${errors.join(' | ')}`,
      );
    }
  });

  const cases: [string, Record<string, string>, string][] = [
    ['no app id (anonymous)', { BOT_APP_ID: '' }, 'BOT_APP_ID'],
    ['no secret', { BOT_APP_PASSWORD: '' }, 'BOT_APP_PASSWORD'],
    ['no tenant for single tenant', { BOT_TENANT_ID: '' }, 'BOT_TENANT_ID'],
    ['no Cosmos endpoint', { COSMOS_ENDPOINT: '' }, 'COSMOS_ENDPOINT'],
    ['a Cosmos endpoint that is not a URL', { COSMOS_ENDPOINT: 'acct' }, 'COSMOS_ENDPOINT'],
    ['key auth without a key', { COSMOS_KEY: '', COSMOS_AUTH: 'key' }, 'COSMOS_KEY'],
    ['no Entra client id for the tab', { ENTRA_CLIENT_ID: '' }, 'ENTRA_CLIENT_ID'],
    ['an app id that is not a GUID', { BOT_APP_ID: 'my-bot' }, 'BOT_APP_ID'],
    ['a bad port', { PORT: '70000' }, 'PORT'],
    ['a bad time zone', { DEFAULT_TIME_ZONE: 'Mars/Olympus' }, 'DEFAULT_TIME_ZONE'],
    ['bad business hours', { BUSINESS_HOURS: '17-9' }, 'BUSINESS_HOURS'],
    ['an unknown environment', { APP_ENV: 'staging' }, 'APP_ENV'],
  ];
  for (const [name, change, variable] of cases) {
    it(`production refuses ${name}, naming ${variable}`, () => {
      const errors = errorsOf({ ...prodOk, ...change });
      assert.ok(
        errors.some((e) => e.startsWith(`${variable}:`)),
        errors.join(' | '),
      );
    });
  }

  it('managed identity needs no secrets', () => {
    const r = loadConfig({
      ...prodOk,
      BOT_APP_TYPE: 'UserAssignedMSI',
      BOT_APP_PASSWORD: '',
      COSMOS_KEY: '',
      COSMOS_AUTH: 'managedIdentity',
    });
    assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
    assert.equal(r.config.cosmos.auth, 'managedIdentity');
    assert.equal(r.config.bot.appType, 'UserAssignedMSI');
  });

  it('development with an app id but no secret is refused', () => {
    assert.ok(errorsOf({ BOT_APP_ID: GUID }).some((e) => e.startsWith('BOT_APP_PASSWORD:')));
  });

  it('READ_CACHE_MS: 2 s by default, 0 turns it off, anything else out of range is named', () => {
    const byDefault = loadConfig({});
    assert.ok(byDefault.ok);
    assert.equal(byDefault.config.readCacheMs, 2_000);
    const off = loadConfig({ READ_CACHE_MS: '0' });
    assert.ok(off.ok);
    assert.equal(off.config.readCacheMs, 0);
    for (const bad of ['-1', 'soon', '600000'])
      assert.ok(
        errorsOf({ READ_CACHE_MS: bad }).some((e) => e.includes('READ_CACHE_MS')),
        bad,
      );
  });

  it('APP_INSTANCES splits the per-tenant send budget between instances', () => {
    const one = loadConfig({});
    const three = loadConfig({ APP_INSTANCES: '3' });
    assert.ok(one.ok && three.ok);
    assert.equal(one.config.reminders.tenantShare, 1);
    assert.ok(Math.abs(three.config.reminders.tenantShare - 1 / 3) < 1e-9);
    assert.ok(errorsOf({ APP_INSTANCES: '0' }).some((e) => e.startsWith('APP_INSTANCES:')));
  });

  it('production refuses the retired MultiTenant bot type', () => {
    assert.ok(
      errorsOf({ ...prodOk, BOT_APP_TYPE: 'MultiTenant' }).some((e) => e.startsWith('BOT_APP_TYPE:')),
    );
  });

  it('allowed tenants: one lower-case list for bot and tab; production defaults to the bot tenant', () => {
    const prod = loadConfig(prodOk);
    assert.ok(prod.ok);
    assert.deepEqual(prod.config.allowedTenants, [GUID]);
    assert.deepEqual(prod.config.tab.allowedTenants, [GUID]);
    const listed = loadConfig({ ALLOWED_TENANTS: 'AAAA-1, bbbb-2', TAB_ALLOWED_TENANTS: 'aaaa-1,cccc-3' });
    assert.ok(listed.ok);
    assert.deepEqual(listed.config.allowedTenants, ['aaaa-1', 'bbbb-2', 'cccc-3']);
    const dev = loadConfig({});
    assert.ok(dev.ok);
    assert.deepEqual(dev.config.allowedTenants, []);
  });

  it('ALLOWED_TENANTS=* serves every tenant only when written out; DENIED_TENANTS refuses some; one servesTenant', () => {
    const prod = loadConfig(prodOk);
    assert.ok(prod.ok);
    assert.equal(servesTenant(prod.config, GUID.toUpperCase()), true, 'the bot tenant, any case');
    assert.equal(servesTenant(prod.config, 'aaaa-1'), false, 'production never serves any tenant by default');
    const any = loadConfig({ ...prodOk, ALLOWED_TENANTS: '*', DENIED_TENANTS: 'BAD-1, bad-2' });
    assert.ok(any.ok, any.ok ? '' : any.errors.join());
    assert.deepEqual(any.config.allowedTenants, []);
    assert.deepEqual(any.config.deniedTenants, ['bad-1', 'bad-2']);
    assert.deepEqual(any.config.tab.deniedTenants, ['bad-1', 'bad-2']);
    for (const t of ['aaaa-1', GUID]) assert.equal(servesTenant(any.config, t), true, t);
    for (const t of ['bad-1', 'BAD-2']) assert.equal(servesTenant(any.config, t), false, t);
    const listedAndDenied = loadConfig({ ALLOWED_TENANTS: 'a,b', DENIED_TENANTS: 'b' });
    assert.ok(listedAndDenied.ok);
    assert.deepEqual(
      ['a', 'b', 'c'].map((t) => servesTenant(listedAndDenied.config, t)),
      [true, false, false],
    );
    assert.equal(servesTenant(listedAndDenied.config, undefined), false, 'no tenant id, a list: refused');
    assert.ok(
      errorsOf({ ALLOWED_TENANTS: '*,aaaa-1' }).some((e) => e.startsWith('ALLOWED_TENANTS:')),
      'either * or a list',
    );
  });

  it('TENANT_RETENTION_DAYS: 180 by default, 0 keeps data, whole days only', () => {
    const byDefault = loadConfig({});
    assert.ok(byDefault.ok);
    assert.equal(byDefault.config.tenantRetentionDays, 180);
    const keep = loadConfig({ TENANT_RETENTION_DAYS: '0' });
    assert.ok(keep.ok);
    assert.equal(keep.config.tenantRetentionDays, 0);
    for (const bad of ['-1', '1.5', 'never'])
      assert.ok(
        errorsOf({ TENANT_RETENTION_DAYS: bad }).some((e) => e.startsWith('TENANT_RETENTION_DAYS')),
        bad,
      );
  });

  it('DEV_CLOCK_OFFSET_DAYS: 0 by default, a whole number of days in development, refused in production', () => {
    const byDefault = loadConfig({});
    assert.ok(byDefault.ok);
    assert.equal(byDefault.config.devClockOffsetDays, 0);
    const ahead = loadConfig({ DEV_CLOCK_OFFSET_DAYS: '45' });
    assert.ok(ahead.ok);
    assert.equal(ahead.config.devClockOffsetDays, 45);
    for (const bad of ['1.5', 'soon', '99999'])
      assert.ok(
        errorsOf({ DEV_CLOCK_OFFSET_DAYS: bad }).some((e) => e.startsWith('DEV_CLOCK_OFFSET_DAYS:')),
        bad,
      );
    const prod = errorsOf({ ...prodOk, DEV_CLOCK_OFFSET_DAYS: '10' });
    assert.ok(
      prod.some((e) => e.startsWith('DEV_CLOCK_OFFSET_DAYS:') && e.includes('production')),
      prod.join(' | '),
    );
    assert.ok(loadConfig({ ...prodOk, DEV_CLOCK_OFFSET_DAYS: '0' }).ok);
  });
});
