import { strict as assert } from 'node:assert';
import type { App } from '../bot/app';
import { messageActivity } from './support/activities';
import { post, startTestApp } from './support/app';
import { startLocalConnector, type LocalConnector } from './support/connector';

describe('HTTP server: the bot over the real Bot Framework protocol', () => {
  let app: App;
  let connector: LocalConnector;

  before(async () => {
    connector = await startLocalConnector();
    app = await startTestApp();
  });
  after(async () => {
    await app.stop();
    await connector.stop();
  });
  beforeEach(() => connector.clear());

  it('answers a message with the welcome card, sent to the connector', async () => {
    const res = await post(
      `${app.url}/api/messages`,
      messageActivity({ serviceUrl: connector.serviceUrl }, 'hello'),
    );
    assert.equal(res.status, 200);
    const [reply] = await connector.waitFor(1);
    const attachments = reply?.activity.attachments as { contentType: string; content: { type: string } }[];
    assert.equal(attachments[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(attachments[0]?.content.type, 'AdaptiveCard');
  });

  for (const [name, body] of [
    ['not JSON', '{"type":'],
    ['an array', '[1,2]'],
    [
      'no type',
      {
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:1/',
        conversation: { id: 'c' },
        from: { id: 'u' },
      },
    ],
    [
      'no conversation',
      { type: 'message', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1/', from: { id: 'u' } },
    ],
    [
      'a bad serviceUrl',
      {
        type: 'message',
        channelId: 'msteams',
        serviceUrl: 'not a url',
        conversation: { id: 'c' },
        from: { id: 'u' },
      },
    ],
  ] as const) {
    it(`refuses a malformed activity (${name}) with 400 and keeps serving`, async () => {
      const res = await post(`${app.url}/api/messages`, body);
      assert.equal(res.status, 400);
      assert.equal(connector.received.length, 0);
      const health = await fetch(`${app.url}/healthz`);
      assert.equal(health.status, 200);
    });
  }

  it('refuses a body over the size limit with 413', async () => {
    const huge = messageActivity({ serviceUrl: connector.serviceUrl }, 'x'.repeat(300_000));
    const res = await post(`${app.url}/api/messages`, huge);
    assert.equal(res.status, 413);
    assert.equal(connector.received.length, 0);
  });

  it('healthz is ok and readyz reports the database', async () => {
    assert.equal((await fetch(`${app.url}/healthz`)).status, 200);
    const ready = await fetch(`${app.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.equal(((await ready.json()) as { status: string }).status, 'ready');
  });

  it('echoes a correlation id on every response', async () => {
    const res = await fetch(`${app.url}/healthz`, { headers: { 'x-correlation-id': 'abc-123' } });
    assert.equal(res.headers.get('x-correlation-id'), 'abc-123');
    const fresh = await fetch(`${app.url}/healthz`);
    assert.match(fresh.headers.get('x-correlation-id') ?? '', /^[0-9a-f-]{36}$/);
  });
});

describe('HTTP server: readiness while the database is down', () => {
  it('readyz answers 503 once the database stops, healthz stays 200', async () => {
    const app = await startTestApp();
    try {
      assert.equal((await fetch(`${app.url}/readyz`)).status, 200);
      await app.embedded?.stop();
      const ready = await fetch(`${app.url}/readyz`);
      assert.equal(ready.status, 503);
      assert.equal((await fetch(`${app.url}/healthz`)).status, 200);
    } finally {
      await app.stop();
    }
  });
});

describe('HTTP server: tenants the app does not serve', () => {
  it('an activity from a tenant outside ALLOWED_TENANTS gets no turn: no reply, nothing stored; a listed tenant (any case) is served', async () => {
    const connector = await startLocalConnector();
    const app = await startTestApp({ ALLOWED_TENANTS: 'Tenant-A' });
    const orgs = app.store.repos.organizations;
    try {
      const foreign = await post(
        `${app.url}/api/messages`,
        messageActivity({ serviceUrl: connector.serviceUrl, tenantId: 'tenant-b' }, 'hello'),
      );
      assert.equal(foreign.status, 200);
      const none = await post(`${app.url}/api/messages`, {
        ...messageActivity({ serviceUrl: connector.serviceUrl }, 'hello'),
        channelData: {},
        conversation: { id: 'c1' },
      });
      assert.equal(none.status, 200);
      const ours = await post(
        `${app.url}/api/messages`,
        messageActivity({ serviceUrl: connector.serviceUrl, tenantId: 'tenant-a' }, 'hello'),
      );
      assert.equal(ours.status, 200);
      const replies = await connector.waitFor(1);
      assert.ok(
        replies.every((r) => r.conversationId.includes('tenant-a')),
        'only the listed tenant got a reply',
      );
      assert.equal(await orgs.get('tenant-b'), undefined, 'nothing stored for the foreign tenant');
      assert.ok(await orgs.get('tenant-a'));
    } finally {
      await app.stop();
      await connector.stop();
    }
  });

  it('ALLOWED_TENANTS=* serves a new tenant (its organisation created on first contact); a DENIED_TENANTS one gets no turn', async () => {
    const connector = await startLocalConnector();
    const app = await startTestApp({ ALLOWED_TENANTS: '*', DENIED_TENANTS: 'Tenant-Denied' });
    const orgs = app.store.repos.organizations;
    try {
      const denied = await post(
        `${app.url}/api/messages`,
        messageActivity({ serviceUrl: connector.serviceUrl, tenantId: 'tenant-denied' }, 'hello'),
      );
      assert.equal(denied.status, 200);
      await post(
        `${app.url}/api/messages`,
        messageActivity({ serviceUrl: connector.serviceUrl, tenantId: 'tenant-new' }, 'hello'),
      );
      const replies = await connector.waitFor(1);
      assert.ok(replies.every((r) => r.conversationId.includes('tenant-new')));
      assert.equal(await orgs.get('tenant-denied'), undefined, 'nothing stored for the denied tenant');
      assert.ok(await orgs.get('tenant-new'), 'the new tenant came into being');
    } finally {
      await app.stop();
      await connector.stop();
    }
  });
});
