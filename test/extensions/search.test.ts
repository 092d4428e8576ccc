// Search command "Find voucher" over the real protocol (composeExtension/query): tenant scope, paging,
// literal text, the initial run, and the inserted card being the live voucher card.
import { strict as assert } from 'node:assert';
import { actionsOf, cardText, startHarness, type Harness } from '../conversation/harness';
import { ADMIN, MEMBER, seedReadyOrganization, seedVoucher } from '../conversation/fixtures';
import { extensionInvoke, type ExtensionAnswer } from './support';

const QUERY = 'composeExtension/query';

describe('search "Find voucher" (composeExtension/query)', function () {
  let h: Harness;
  const T = 'ext-search-a';
  const OTHER = 'ext-search-b';
  const query = (
    text: string | undefined,
    o: {
      skip?: number;
      count?: number;
      tenantId?: string;
      userId?: string;
      locale?: string;
      commandId?: string;
    } = {},
  ) =>
    extensionInvoke(
      h,
      { tenantId: o.tenantId ?? T, userId: o.userId ?? ADMIN, ...(o.locale ? { locale: o.locale } : {}) },
      QUERY,
      {
        commandId: o.commandId ?? 'findVoucher',
        parameters:
          text === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: text }],
        queryOptions: { skip: o.skip ?? 0, count: o.count ?? 25 },
      },
    );
  const numbers = (a: ExtensionAnswer) =>
    (a.body.composeExtension?.attachments ?? []).map(
      (x) => (x.preview?.content as { title: string }).title.split(' · ')[0],
    );

  before(async () => {
    h = await startHarness(new Date('2026-03-10T12:00:00Z'));
    await seedReadyOrganization(h, T);
    await seedReadyOrganization(h, OTHER);
    for (let n = 1; n <= 7; n++)
      await seedVoucher(h, T, `v-FAB-${n}`, 'Assigned', {
        customer: { name: 'Fabrikam' },
        stateSince: `2026-03-0${n}T10:00:00.000Z`,
        dueOn: `2026-04-${String(20 - n).padStart(2, '0')}`,
      });
    await seedVoucher(h, T, 'v-TAIL-1', 'Reserved', {
      customer: { name: 'Tailspin Toys' },
      dueOn: '2026-03-20',
    });
    await seedVoucher(h, OTHER, 'v-SECRET-1', 'Assigned', {
      customer: { name: 'Fabrikam' },
      dueOn: '2026-03-11',
    });
  });
  after(() => h.stop());

  it('finds by customer, newest state change first, in pages of queryOptions.count', async () => {
    const first = await query('fabrikam', { count: 3 });
    assert.equal(first.status, 200);
    assert.equal(first.body.composeExtension?.type, 'result');
    assert.equal(first.body.composeExtension?.attachmentLayout, 'list');
    assert.deepEqual(numbers(first), ['FAB-7', 'FAB-6', 'FAB-5']);
    assert.deepEqual(numbers(await query('fabrikam', { skip: 3, count: 3 })), ['FAB-4', 'FAB-3', 'FAB-2']);
    assert.deepEqual(numbers(await query('fabrikam', { skip: 6, count: 3 })), ['FAB-1']);
    assert.deepEqual(numbers(await query('fabrikam', { skip: 9, count: 3 })), []);
  });

  it('finds by voucher number and by state name in the caller`s language', async () => {
    assert.deepEqual(numbers(await query('tail-1')), ['TAIL-1']);
    assert.deepEqual(numbers(await query('reserv')), ['TAIL-1']);
    assert.deepEqual(numbers(await query('reservado', { locale: 'pt-BR' })), ['TAIL-1']);
  });

  it('each result is a preview plus the live voucher card: Action.Execute buttons and refresh', async () => {
    const answer = await query('TAIL-1');
    const item = answer.body.composeExtension?.attachments?.[0];
    assert.ok(item);
    assert.equal(item.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(item.preview?.contentType, 'application/vnd.microsoft.card.thumbnail');
    assert.match((item.preview?.content as { text: string }).text, /Reserved/);
    assert.match(cardText(item.content), /Tailspin Toys/);
    assert.ok(actionsOf(item.content).length > 0);
    const refresh = item.content.refresh as {
      action: { type: string; verb: string; data: { voucherId: string } };
    };
    assert.equal(refresh.action.type, 'Action.Execute');
    assert.equal(refresh.action.data.voucherId, 'v-TAIL-1');
  });

  it('an empty query (initial run) lists the vouchers that need action soonest', async () => {
    assert.deepEqual(numbers(await query(undefined, { count: 3 })), ['TAIL-1', 'FAB-7', 'FAB-6']);
    assert.deepEqual(numbers(await query('  ', { count: 3 })), ['TAIL-1', 'FAB-7', 'FAB-6']);
    assert.deepEqual(numbers(await query('*', { count: 2 })), ['TAIL-1', 'FAB-7']);
  });

  it('never shows another tenant`s vouchers, whatever the text', async () => {
    for (const text of ['SECRET', 'secret-1', 'fabrikam', '', "' OR c.tenantId != '' --"]) {
      const found = numbers(await query(text, { count: 25 }));
      assert.ok(!found.includes('SECRET-1'), `${text}: ${found.join(',')}`);
    }
    assert.deepEqual(numbers(await query('fabrikam', { tenantId: OTHER })), ['SECRET-1']);
  });

  it('wildcards and SQL-like text are literal; 500 characters get a localized message; a Member can search', async () => {
    assert.deepEqual(numbers(await query('FAB-%')), []);
    assert.deepEqual(numbers(await query("fab' OR 1=1 --")), []);
    assert.deepEqual(numbers(await query('fab*')), [
      'FAB-7',
      'FAB-6',
      'FAB-5',
      'FAB-4',
      'FAB-3',
      'FAB-2',
      'FAB-1',
    ]);
    const long = await query('x'.repeat(500), { locale: 'es-ES' });
    assert.equal(long.status, 200);
    assert.deepEqual(long.body.composeExtension, {
      type: 'message',
      text: 'Busca con un máximo de 100 caracteres: un ID de vale, un cliente o un estado.',
    });
    assert.deepEqual(numbers(await query('TAIL', { userId: MEMBER })), ['TAIL-1']);
  });

  it('an unknown commandId gets a clear message', async () => {
    const answer = await query('fabrikam', { commandId: 'findCustomer' });
    assert.equal(answer.body.composeExtension?.type, 'message');
    assert.match(answer.body.composeExtension?.text ?? '', /does not know that command/);
  });
});

describe('message extension without an organization (no tenant on the activity)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness(new Date('2026-03-10T12:00:00Z'));
  });
  after(() => h.stop());

  it('search and the message action say so; nothing is created', async () => {
    const o = { tenantId: '', userId: ADMIN };
    const search = await extensionInvoke(h, o, QUERY, { commandId: 'findVoucher', parameters: [] });
    assert.equal(search.status, 200);
    assert.equal(search.body.composeExtension?.type, 'message');
    assert.match(search.body.composeExtension?.text ?? '', /signed in to an organization/);
    const fetched = await extensionInvoke(h, o, 'composeExtension/fetchTask', {
      commandId: 'addVoucher',
      messagePayload: { body: { contentType: 'html', content: '<p>x</p>' } },
    });
    assert.equal(fetched.body.task?.type, 'message');
    assert.equal(await h.repos.organizations.get(''), undefined);
  });
});
