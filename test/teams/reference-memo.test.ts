import { strict as assert } from 'node:assert';
import type { AddressInfo } from 'node:net';
import type { Container, OperationInput } from '@azure/cosmos';
import { silentLogger } from '../../bot/logger';
import { Ledger } from '../../bot/reminders/ledger';
import { ReferenceStore, type ReferenceDraft } from '../../bot/reminders/references';
import { loadRules } from '../../bot/rules';
import { createHttpServer, type HttpServer } from '../../bot/server';
import { messagesEndpoint } from '../../bot/teams/messages-endpoint';
import { storeOver, type Store } from '../../bot/store';
import { createAdapter } from '../../bot/teams/adapter';
import { CompanionBot } from '../../bot/teams/bot';
import { ReferenceMemo } from '../../bot/teams/reference-memo';
import { readActivity } from '../../bot/teams/turn-input';
import { baseActivity, messageActivity } from '../support/activities';
import { post } from '../support/app';
import { startLocalConnector, type LocalConnector } from '../support/connector';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';

describe('teams: conversation references are not re-read on every message', () => {
  describe('ReferenceMemo', () => {
    /** The reference a message implies, read as the Teams edge reads it. */
    const activity = (over: Record<string, unknown> = {}): ReferenceDraft =>
      readActivity(
        {
          ...baseActivity({
            serviceUrl: 'https://smba.trafficmanager.net/emea/',
            tenantId: 't',
            userId: 'u',
            conversationId: 'a:1',
          }),
          type: 'message',
          ...over,
        },
        'test',
      ).reference!;

    it('is fresh for the same reference until the time limit', () => {
      let now = 0;
      const memo = new ReferenceMemo({ ttlMs: 1000, now: () => now });
      assert.equal(memo.isFresh(activity()), false);
      memo.remember(activity());
      assert.equal(memo.isFresh(activity()), true);
      now = 999;
      assert.equal(memo.isFresh(activity()), true);
      now = 1000;
      assert.equal(memo.isFresh(activity()), false);
    });

    it('anything that goes into the stored reference makes it stale: locale, time zone, service URL, name', () => {
      const memo = new ReferenceMemo();
      memo.remember(activity());
      assert.equal(memo.isFresh(activity({ locale: 'pt-BR' })), false);
      assert.equal(
        memo.isFresh(activity({ entities: [{ type: 'clientInfo', timezone: 'Europe/Lisbon' }] })),
        false,
      );
      assert.equal(memo.isFresh(activity({ serviceUrl: 'https://smba.trafficmanager.net/amer/' })), false);
      assert.equal(
        memo.isFresh(activity({ from: { id: '29:u', aadObjectId: 'u', name: 'Another name' } })),
        false,
      );
      assert.equal(memo.isFresh(activity()), true);
    });

    it('forgets a conversation on membership or install events, and stays bounded', () => {
      const memo = new ReferenceMemo({ maxEntries: 3 });
      memo.remember(activity());
      memo.forget(activity({ type: 'conversationUpdate' }));
      assert.equal(memo.isFresh(activity()), false);
      for (let i = 0; i < 10; i++)
        memo.remember(
          activity({ conversation: { id: `a:${i}`, conversationType: 'personal', tenantId: 't' } }),
        );
      assert.ok(memo.size <= 3, `size ${memo.size}`);
    });
  });

  describe('over HTTP', () => {
    let cosmos: TestCosmos;
    let connector: LocalConnector;
    let http: HttpServer;
    let url: string;
    const reads = { count: 0 };

    /** The store with point reads of the conversations container counted (alone, or carried in a bulk request). */
    function counted(store: Store): Store {
      const conversations = new Proxy(store.containers.conversations, {
        get(target, prop, receiver) {
          if (prop === 'items') {
            const items = target.items;
            return new Proxy(items, {
              get(t, p, r) {
                if (p !== 'bulk') return Reflect.get(t, p, r) as unknown;
                return (ops: OperationInput[], ...rest: unknown[]) => {
                  reads.count += ops.filter((o) => o.operationType === 'Read').length;
                  return (t.bulk as (...a: unknown[]) => unknown).call(t, ops, ...rest);
                };
              },
            });
          }
          if (prop === 'item') {
            return (id: string, pk: string) => {
              const item = target.item(id, pk);
              return new Proxy(item, {
                get(t, p, r) {
                  const value = Reflect.get(t, p, r) as unknown;
                  if (p === 'read') reads.count++;
                  return typeof value === 'function'
                    ? (value as (...a: unknown[]) => unknown).bind(t)
                    : value;
                },
              });
            };
          }
          const value = Reflect.get(target, prop, receiver) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      }) as Container;
      const { client, database } = store;
      return storeOver({ client, database, containers: { ...store.containers, conversations } });
    }

    before(async () => {
      cosmos = await startTestCosmos();
      connector = await startLocalConnector();
      const store = counted(cosmos.store);
      const logger = silentLogger();
      const references = new ReferenceStore(store, {
        logger,
        serviceUrlAllowlist: [new URL(connector.serviceUrl).origin],
      });
      const bot = new CompanionBot({
        logger,
        store,
        references,
        ledger: new Ledger(store),
        rules: loadRules({ profile: 'program-2020' }),
        now: () => new Date('2024-03-01T12:00:00Z'),
        defaultTimeZone: 'UTC',
      });
      const adapter = createAdapter({
        appId: '',
        appPassword: '',
        appType: 'MultiTenant',
        tenantId: '',
        anonymous: true,
      });
      http = createHttpServer({
        logger,
        messages: messagesEndpoint({ logger, adapter, bot }),
        bodyLimitBytes: 262_144,
        ready: async () => true,
      });
      await new Promise<void>((resolve) => http.server.listen(0, '127.0.0.1', () => resolve()));
      url = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}/api/messages`;
    });

    after(async () => {
      await new Promise<void>((resolve) => {
        http.server.close(() => resolve());
        http.server.server.closeAllConnections?.();
      });
      await cosmos.stop();
      await connector.stop();
    });

    const me = () => ({
      serviceUrl: connector.serviceUrl,
      tenantId: 'tenant-refs',
      userId: 'user-refs',
      conversationId: 'a:refs',
    });
    const stored = async () =>
      (
        await cosmos.store.containers.conversations.items
          .query({ query: 'SELECT * FROM c WHERE c.tenantId = "tenant-refs"' })
          .fetchAll()
      ).resources as { locale?: string }[];

    it('the first message stores the reference; the same again does not read it again', async () => {
      reads.count = 0;
      assert.equal((await post(url, messageActivity(me(), 'help'))).status, 200);
      assert.equal((await stored()).length, 1);
      const afterFirst = reads.count;
      assert.ok(afterFirst >= 1, 'the first capture reads the reference');
      assert.equal((await post(url, messageActivity(me(), 'help'))).status, 200);
      assert.equal(reads.count, afterFirst, 'no second read for an unchanged reference');
    });

    it('a message that changes the reference (the locale) is captured again and stored', async () => {
      const before = reads.count;
      assert.equal((await post(url, messageActivity({ ...me(), locale: 'es-ES' }, 'ayuda'))).status, 200);
      assert.ok(reads.count > before);
      assert.deepEqual(
        (await stored()).map((r) => r.locale),
        ['es-ES'],
      );
    });
  });
});
