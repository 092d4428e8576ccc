// The pieces the app adds around the reminder machinery: where proactive messages may go in development and
// production, and the voucher expiry pass (ETag-checked; a conflict waits for the next run).
import { strict as assert } from 'node:assert';
import { reminderHours, serviceUrlAllowlist } from '../../bot/app';
import { loadConfig, type Config } from '../../bot/config';
import { loadRules } from '../../bot/rules';
import { checkServiceUrl } from '../../bot/reminders/allowlist';
import { isBusinessTime } from '../../bot/reminders/business-hours';
import { expireOverdueVouchers } from '../../bot/reminders/expiry';
import type { Repos } from '../../bot/teams/repos';
import { seedReadyOrganization, seedVoucher } from '../conversation/fixtures';
import type { Harness } from '../conversation/harness';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';

function config(env: Record<string, string>): Config {
  const result = loadConfig({
    ...env,
    ...(env.APP_ENV === 'production'
      ? {
          BOT_APP_ID: '11111111-1111-4111-8111-111111111111',
          BOT_APP_PASSWORD: 'secret',
          BOT_TENANT_ID: '22222222-2222-4222-8222-222222222222',
          COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/',
          COSMOS_KEY: 'k',
          ENTRA_CLIENT_ID: '33333333-3333-4333-8333-333333333333',
        }
      : {}),
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.config;
}

const PLAYGROUND = ['http://localhost:56150/_connector', 'http://127.0.0.1:56150/_connector'];

describe('reminders in the app: service URLs', () => {
  it('development allows loopback connectors (the Agents Playground) by default', () => {
    const list = serviceUrlAllowlist(config({ APP_ENV: 'development' }));
    for (const url of [...PLAYGROUND, 'http://[::1]:3979/']) assert.ok(checkServiceUrl(url, list).ok, url);
    assert.equal(checkServiceUrl('http://evil.example:56150/_connector', list).ok, false);
    assert.ok(checkServiceUrl('https://smba.trafficmanager.net/amer/', list).ok);
  });

  it('production never allows loopback, not even when configured', () => {
    const list = serviceUrlAllowlist(
      config({
        APP_ENV: 'production',
        SERVICE_URL_ALLOWLIST: 'localhost,http://127.0.0.1:56150,[::1],bots.example.net',
      }),
    );
    for (const url of [...PLAYGROUND, 'http://[::1]:56150/'])
      assert.equal(checkServiceUrl(url, list).ok, false, url);
    assert.ok(checkServiceUrl('https://bots.example.net/x', list).ok, 'other configured hosts stay');
    assert.ok(checkServiceUrl('https://smba.trafficmanager.net/emea/', list).ok);
  });
});

describe('reminders in the app: business hours', () => {
  const saturdayNight = new Date('2026-05-09T23:30:00Z');
  it('9-17 keeps to weekday office hours; 0-24 means any hour of any day', () => {
    assert.equal(
      isBusinessTime(saturdayNight, 'UTC', reminderHours(config({ BUSINESS_HOURS: '9-17' }))),
      false,
    );
    assert.equal(
      isBusinessTime(
        new Date('2026-05-11T10:00:00Z'),
        'UTC',
        reminderHours(config({ BUSINESS_HOURS: '9-17' })),
      ),
      true,
    );
    assert.equal(
      isBusinessTime(saturdayNight, 'UTC', reminderHours(config({ BUSINESS_HOURS: '0-24' }))),
      true,
    );
  });
});

describe('reminders in the app: expiry pass', () => {
  let cosmos: TestCosmos;
  let repos: Repos;
  const rules = loadRules({ profile: 'program-2020' });
  const now = new Date('2026-05-05T12:00:00Z');

  before(async () => {
    cosmos = await startTestCosmos();
    repos = cosmos.store.repos;
  });
  after(async () => cosmos.stop());

  it('expires through the domain as system:reminders; a concurrent change wins and the next pass expires it', async () => {
    const h = { repos } as unknown as Harness;
    const org = await seedReadyOrganization(h, 'tenant-exp');
    const old = await seedVoucher(h, 'tenant-exp', 'v-EXP-0001', 'Assigned', {
      assignedOn: '2025-10-01',
      intakeOn: '2025-10-01',
    });
    const live = await seedVoucher(h, 'tenant-exp', 'v-EXP-0002', 'Assigned', {
      assignedOn: '2026-05-01',
      intakeOn: '2026-05-01',
    });
    // Someone edits the old voucher after the scan listed it.
    await repos.vouchers.save(
      'tenant-exp',
      { ...old.doc, voucherAdminEmail: 'other@customer.example' },
      old.etag,
    );

    const first = await expireOverdueVouchers(repos.vouchers, org.doc, [old, live], {
      rules,
      now,
      defaultTimeZone: 'UTC',
    });
    assert.deepEqual({ expired: first.expired, conflicts: first.conflicts }, { expired: 0, conflicts: 1 });
    const fresh = first.vouchers.find((v) => v.doc.id === old.doc.id);
    assert.equal(fresh?.doc.voucherAdminEmail, 'other@customer.example', 'the fresh version is returned');
    assert.equal(fresh?.doc.state, 'Assigned');

    const second = await expireOverdueVouchers(repos.vouchers, org.doc, first.vouchers, {
      rules,
      now,
      defaultTimeZone: 'UTC',
    });
    assert.deepEqual({ expired: second.expired, conflicts: second.conflicts }, { expired: 1, conflicts: 0 });
    const stored = await repos.vouchers.get('tenant-exp', old.doc.id);
    assert.equal(stored?.doc.state, 'Expired');
    assert.equal(stored?.doc.voucherAdminEmail, 'other@customer.example', 'the concurrent change is kept');
    assert.equal(stored?.doc.audit.at(-1)?.by, 'system:reminders');
    assert.equal((await repos.vouchers.get('tenant-exp', live.doc.id))?.doc.state, 'Assigned');
  });
});
