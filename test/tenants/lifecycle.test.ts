// The tenant lifecycle over /api/messages, the whole app with reminders on: removing the app from a tenant's
// last conversation makes the tenant inactive (the scan sends it nothing, the hooks hear of it); reinstalling
// makes it active again with its data, and its reminders go out.
import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/logger';
import type { TenantLifecycleHooks } from '../../bot/tenants';
import { baseActivity, messageActivity } from '../support/activities';
import { post } from '../support/app';
import { startConnectorSim, type ConnectorSim } from '../support/connector-sim';
import { PARTNER_ADMIN, seedReadyOrganization, seedVoucher } from '../conversation/fixtures';
import type { Harness } from '../conversation/harness';

const START = '2026-05-05T12:00:00Z'; // a Tuesday, inside 9–17 UTC
const THREE_DAYS_AGO = '2026-05-02';

async function until(cond: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`not reached: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('tenant lifecycle over /api/messages', function () {
  this.timeout(60_000);
  let sim: ConnectorSim;
  let app: App;
  const heard: string[] = [];
  const hooks: TenantLifecycleHooks = {
    deactivated: (t) => void heard.push(`deactivated:${t}`),
    reactivated: (t) => void heard.push(`reactivated:${t}`),
    deleted: (t) => void heard.push(`deleted:${t}`),
  };

  before(async () => {
    sim = await startConnectorSim();
    const offset = Date.parse(START) - Date.now();
    const result = loadConfig({
      PORT: '0',
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'psc-tenants-')),
      LOG_LEVEL: 'silent',
      REMINDERS_ENABLED: 'true',
      REMINDER_SCAN_SECONDS: '86400', // the test drives the scans
      BUSINESS_HOURS: '9-17',
    });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    app = await startApp(result.config, silentLogger(), {
      now: () => new Date(Date.now() + offset),
      tenantHooks: hooks,
    });
  });
  after(async () => {
    await app?.stop();
    await sim?.close();
  });

  const opts = (tenantId: string, userId: string, conversationType: 'personal' | 'channel' = 'personal') => ({
    serviceUrl: sim.url,
    tenantId,
    userId,
    conversationType,
    ...(conversationType === 'channel' ? { conversationId: `19:general-${tenantId}@thread.tacv2` } : {}),
  });
  const send = async (activity: Record<string, unknown>): Promise<void> => {
    const res = await post(`${app.url}/api/messages`, activity);
    assert.equal(res.status, 200, res.text);
  };
  const installation = (tenantId: string, userId: string, action: 'add' | 'remove', channel = false) => {
    const base = baseActivity(opts(tenantId, userId, channel ? 'channel' : 'personal'));
    return {
      ...base,
      type: 'installationUpdate',
      action,
      ...(channel
        ? {
            channelData: {
              tenant: { id: tenantId },
              team: { id: `team-${tenantId}` },
              channel: { id: `19:general-${tenantId}@thread.tacv2` },
            },
          }
        : {}),
    };
  };
  const stateOf = async (tenantId: string) => (await app.tenants.registry.status(tenantId))?.doc.state;
  const remindersTo = (tenantId: string) =>
    sim.activities(`a:conv-${tenantId}-${PARTNER_ADMIN}`).filter((a) => !a.replyToId).length;

  it('uninstall from the last conversation → inactive, no reminders; reinstall → active, data intact, reminders again', async () => {
    const A = 'tenant-life-a';
    const h = { repos: app.store.repos } as unknown as Harness;
    await seedReadyOrganization(h, A);
    await send(messageActivity(opts(A, PARTNER_ADMIN), 'hello'));
    await until(() => sim.activities(`a:conv-${A}-${PARTNER_ADMIN}`).length > 0, 'the reply');
    assert.equal(await stateOf(A), 'active', 'first contact makes the tenant active');
    await seedVoucher(h, A, 'v-LIFE-0001', 'Assigned', {
      assignedOn: THREE_DAYS_AGO,
      intakeOn: THREE_DAYS_AGO,
    });

    await send(installation(A, PARTNER_ADMIN, 'remove'));
    assert.equal(await stateOf(A), 'inactive');
    assert.deepEqual(heard, [`deactivated:${A}`]);

    const idle = await app.reminders.scanOnce();
    await app.reminders.sender.settled();
    assert.equal(remindersTo(A), 0, 'no reminder for an inactive tenant');
    assert.equal(await app.reminders.ledger.listOpen(A).then((l) => l.length), 0, 'nothing enqueued');
    assert.equal(idle.tenants, 0, 'the scan skipped the inactive tenant');
    assert.equal(await app.reminders.scanTenant(A), false, 'nor a tenant scan');

    await send(installation(A, PARTNER_ADMIN, 'add'));
    assert.equal(await stateOf(A), 'active');
    assert.deepEqual(heard, [`deactivated:${A}`, `reactivated:${A}`]);
    assert.ok(await app.store.repos.vouchers.get(A, 'v-LIFE-0001'), 'its data is intact');
    assert.equal((await app.store.repos.organizations.get(A))?.doc.people.length, 4);

    await app.reminders.scanOnce();
    await app.reminders.sender.settled();
    assert.equal(remindersTo(A), 1, 'reminders go out again');
  });

  it('removing the app from one of two conversations keeps the tenant active', async () => {
    const B = 'tenant-life-b';
    heard.length = 0;
    await send(messageActivity(opts(B, PARTNER_ADMIN), 'hello'));
    await send(installation(B, PARTNER_ADMIN, 'add', true));
    await send(installation(B, PARTNER_ADMIN, 'remove', true));
    assert.equal(await stateOf(B), 'active', 'the personal chat is still there');
    await send(installation(B, PARTNER_ADMIN, 'remove'));
    assert.equal(await stateOf(B), 'inactive', 'now it was the last');
    assert.deepEqual(heard, [`deactivated:${B}`]);
  });
});
