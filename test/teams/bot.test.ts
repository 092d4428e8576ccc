import { tenantVerbs } from '../../bot/teams/verbs/tenant';
import { strict as assert } from 'node:assert';
import { CARD_VERBS } from '../../cards';
import { verbTable } from '../../bot/teams/verbs';
import { reminderVerbs } from '../../bot/teams/verbs/reminders';
import { Ledger } from '../../bot/reminders/ledger';
import { baseActivity } from '../support/activities';
import { actionsOf, cardText, inputIds, noticeOf, startHarness, type Harness } from '../conversation/harness';

/** The input with this id, wherever it is on the card. */
function findInput(
  card: unknown,
  id: string,
): { value?: string; choices: { title: string; value: string }[] } | undefined {
  let found: { value?: string; choices: { title: string; value: string }[] } | undefined;
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.id === id && typeof o.type === 'string' && o.type.startsWith('Input.'))
        found = {
          value: o.value as string | undefined,
          choices: (o.choices as { title: string; value: string }[]) ?? [],
        };
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** A person's language override as stored. */
function findPerson(
  org: { doc: { people: { userId: string; settings: { locale?: string } }[] } },
  userId: string,
): string | undefined {
  return org.doc.people.find((p) => p.userId === userId)?.settings.locale;
}

describe('teams bot: install, welcome, free text, verbs (over HTTP)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.stop());

  it('the verb table is exactly the verbs the cards use', () => {
    const table = verbTable(
      reminderVerbs({ ledger: new Ledger(h.cosmos.store), vouchers: h.cosmos.store.repos.vouchers }),
      tenantVerbs(undefined),
    );
    assert.deepEqual(Object.keys(table).sort(), [...CARD_VERBS].sort());
  });

  const install = (scope: 'personal' | 'channel' | 'groupChat', locale?: string) => {
    const base = baseActivity({
      serviceUrl: h.connector.serviceUrl,
      tenantId: `tenant-install-${scope}`,
      conversationType: scope,
    });
    const activity: Record<string, unknown> = {
      ...base,
      type: 'conversationUpdate',
      membersAdded: [{ id: '28:bot' }],
      channelData: {
        tenant: { id: `tenant-install-${scope}` },
        ...(scope === 'channel'
          ? { team: { id: '19:team' }, channel: { id: '19:general' }, eventType: 'teamMemberAdded' }
          : {}),
      },
    };
    if (locale === undefined) delete activity.locale;
    else activity.locale = locale;
    return activity;
  };

  for (const scope of ['personal', 'channel', 'groupChat'] as const) {
    it(`welcomes on install in ${scope} scope, in English when the event has no locale, with a language switch`, async () => {
      const before = h.connector.received.length;
      const res = await h.post(install(scope));
      assert.equal(res.status, 200);
      const [reply] = (await h.connector.waitFor(before + 1)).slice(before);
      const card = (reply?.activity.attachments as { content: unknown }[])[0]?.content;
      const text = cardText(card);
      assert.match(text, /I guide your team through Software Assurance Planning Services/);
      assert.ok(
        actionsOf(card).some((a) => a.verb === 'settings.save'),
        'offers the language switch',
      );
      assert.match(text, /Português \(Brasil\)/);
      assert.match(text, /Español \(España\)/);
    });
  }

  it('the welcome language picker shows the current choice, and "Automatic" clears an override', async () => {
    const tenantId = 'tenant-install-language';
    const picker = (card: unknown) =>
      inputIds(card).includes('locale') ? findInput(card, 'locale') : undefined;
    const welcomeOf = async () => {
      const before = h.connector.received.length;
      await h.post({
        ...install('personal', 'pt-BR'),
        channelData: { tenant: { id: tenantId } },
        conversation: { id: 'a:lang', conversationType: 'personal', tenantId },
      });
      const [reply] = (await h.connector.waitFor(before + 1)).slice(before);
      return (reply?.activity.attachments as { content: unknown }[])[0]?.content;
    };
    // Nobody chose yet: "Automatic" is selected (a real value, so web renderers show it instead of a blank).
    const first = picker(await welcomeOf());
    assert.equal(first?.value, 'auto');
    assert.ok(
      first?.choices.some((c) => c.value === 'auto' && /Automático \(Português \(Brasil\)\)/.test(c.title)),
    );

    // Choose Spanish from the welcome card: the next welcome shows Spanish selected, in Spanish.
    await h.say({ tenantId, userId: 'user-1' }, 'hello');
    const org = await h.org(tenantId);
    const saved = await h.act({ tenantId, userId: 'user-1', locale: 'pt-BR' }, 'settings.save', {
      etag: org.etag,
      step: 'submit',
      locale: 'es-ES',
    });
    assert.match(noticeOf(saved) ?? '', /Guardado/);
    assert.equal(findPerson(await h.org(tenantId), 'user-1'), 'es-ES');
    const chosen = picker(await welcomeOf());
    assert.equal(chosen?.value, 'es-ES');
    assert.ok(chosen?.choices.some((c) => c.value === 'es-ES' && c.title === 'Español (España)'));

    // "Automatic" clears the override again.
    const again = await h.org(tenantId);
    await h.act({ tenantId, userId: 'user-1', locale: 'pt-BR' }, 'settings.save', {
      etag: again.etag,
      step: 'submit',
      locale: 'auto',
    });
    assert.equal(findPerson(await h.org(tenantId), 'user-1'), undefined);
  });

  it('welcomes in Portuguese when the install event says pt-BR', async () => {
    const before = h.connector.received.length;
    await h.post({
      ...install('personal', 'pt-BR'),
      channelData: { tenant: { id: 'tenant-install-pt' } },
      conversation: { id: 'a:pt', conversationType: 'personal', tenantId: 'tenant-install-pt' },
    });
    const [reply] = (await h.connector.waitFor(before + 1)).slice(before);
    assert.match(
      cardText(reply?.activity.attachments),
      /Oriento sua equipe|Software Assurance Planning Services/,
    );
    assert.match(cardText(reply?.activity.attachments), /Próximo|próximo|Próximas|Tarefas|O que vem/i);
  });

  it('a message without a tenant is refused politely and nothing is stored', async () => {
    const before = h.connector.received.length;
    const activity = {
      ...baseActivity({ serviceUrl: h.connector.serviceUrl, tenantId: 'x' }),
      type: 'message',
      text: 'help',
      channelData: {},
      conversation: { id: 'a:no-tenant', conversationType: 'personal' },
    };
    await h.post(activity);
    const [reply] = (await h.connector.waitFor(before + 1)).slice(before);
    assert.match(String(reply?.activity.text), /could not tell which one this is/);
  });

  it('"help" answers with the help card; nonsense gets help with "I did not understand"', async () => {
    const [help] = await h.say({ tenantId: 'tenant-help' }, 'help');
    assert.match(cardText(help), /The eight steps/);
    const [unknown] = await h.say({ tenantId: 'tenant-help' }, 'the weather in Lisbon');
    assert.match(noticeOf(unknown) ?? '', /I did not understand that/);
    const [ayuda] = await h.say({ tenantId: 'tenant-help', locale: 'es-ES' }, 'ayuda');
    assert.match(cardText(ayuda), /Los ocho pasos|ocho pasos/i);
  });

  it('an unknown verb gets a localized message and changes nothing', async () => {
    await h.say({ tenantId: 'tenant-verbs' }, 'hello');
    const before = await h.org('tenant-verbs');
    const card = await h.act({ tenantId: 'tenant-verbs', locale: 'pt-BR' }, 'voucher.explode', {
      etag: before.etag,
    });
    assert.match(noticeOf(card) ?? '', /Não conheço essa ação/);
    const after = await h.org('tenant-verbs');
    assert.equal(after.etag, before.etag);
  });

  it('a malformed Action.Execute value is answered with a card, not a 500', async () => {
    const res = await h.post({
      ...baseActivity({ serviceUrl: h.connector.serviceUrl, tenantId: 'tenant-verbs' }),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Submit' } },
    });
    assert.equal(res.status, 200);
    assert.match(cardText((res.body as { value: unknown }).value), /I do not know that action/);
  });
});
