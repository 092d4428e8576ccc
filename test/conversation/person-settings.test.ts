// Issue 14 item 1 at the chat seam: a person's language, time zone and Teams id live in their own document,
// so the first welcome card's language choice survives "hello", a colleague's language change never makes an
// admin's form stale, and an organisation written before keeps everyone's settings (migrated on write).
import { strict as assert } from 'node:assert';
import { ORGANIZATION_ID } from '../../bot/program';
import { baseActivity } from '../support/activities';
import { ADMIN, MEMBER, PARTNER_ADMIN, seedReadyOrganization } from './fixtures';
import { actionsOf, cardText, startHarness, type Harness } from './harness';

const STALE = /changed since you opened it/i;

describe('person settings: their own document, apart from the organisation ETag', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness(new Date('2026-03-10T12:00:00Z'));
  });
  after(async () => h.stop());

  it('the first welcome card\'s language choice, saved after "hello" (which learns the Teams id), is kept', async () => {
    const tenantId = 't-first-language';
    const conversation = { id: 'a:first', conversationType: 'personal', tenantId };
    // As the Agents Playground installs: the event names the person but not by a Teams id (`29:…`).
    const install = {
      ...baseActivity({ serviceUrl: h.connector.serviceUrl, tenantId, userId: 'newcomer', locale: 'en-US' }),
      type: 'conversationUpdate',
      from: { id: 'newcomer-playground', aadObjectId: 'newcomer', name: 'Nina Costa' },
      membersAdded: [{ id: '28:bot' }],
      conversation,
    };
    const before = h.connector.received.length;
    assert.equal((await h.post(install)).status, 200);
    const [reply] = (await h.connector.waitFor(before + 1)).slice(before);
    const welcome = (reply?.activity.attachments as { content: unknown }[])[0]?.content;
    const save = actionsOf(welcome).find((a) => a.verb === 'settings.save');
    assert.ok(save, 'the welcome card offers the language');

    await h.say(
      { tenantId, userId: 'newcomer', userName: 'Nina Costa', conversationId: conversation.id },
      'hello',
    );
    assert.equal(
      (await h.org(tenantId)).doc.people.find((p) => p.userId === 'newcomer')?.teamsUserId,
      '29:newcomer',
      '"hello" learnt the Teams id',
    );

    const saved = await h.act(
      { tenantId, userId: 'newcomer', conversationId: conversation.id },
      'settings.save',
      {
        ...save.data,
        locale: 'pt-BR',
      },
    );
    assert.doesNotMatch(cardText(saved), STALE);
    assert.match(cardText(saved), /Salvo/);
    const own = await h.repos.people.get(tenantId, 'newcomer');
    assert.equal(own?.doc.locale, 'pt-BR');
    // The organisation document no longer holds anyone's settings.
    const raw = await h.cosmos.store.containers.organizations.item(ORGANIZATION_ID, tenantId).read();
    const people = (raw.resource as { people: { settings?: object; teamsUserId?: string }[] }).people;
    assert.ok(people.every((p) => Object.keys(p.settings ?? {}).length === 0 && p.teamsUserId === undefined));
  });

  it("a colleague's language change does not make an admin's eligibility form stale", async () => {
    const tenantId = 't-colleague-language';
    await seedReadyOrganization(h, tenantId);
    const admin = { tenantId, userId: PARTNER_ADMIN, userName: 'Pedro Alves' };
    const form = await h.act(admin, 'nav.eligibility', {});
    const submit = actionsOf(form).find(
      (a) => a.verb === 'eligibility.record' && a.data.step === 'competency',
    );
    assert.ok(submit, cardText(form));

    const member = { tenantId, userId: MEMBER, userName: 'Marcos Lima' };
    const settings = await h.act(member, 'nav.settings', {});
    const saveMine = actionsOf(settings).find((a) => a.verb === 'settings.save');
    assert.ok(saveMine);
    const changed = await h.act(member, 'settings.save', { ...saveMine.data, locale: 'es-ES' });
    assert.match(cardText(changed), /Guardado/);

    const recorded = await h.act(admin, 'eligibility.record', {
      ...submit.data,
      competencyName: 'Messaging',
      competencyLevel: 'Silver',
      competencyValidUntil: '2027-01-01',
    });
    assert.doesNotMatch(cardText(recorded), STALE);
    assert.ok((await h.org(tenantId)).doc.competencies.some((c) => c.name === 'Messaging'));
    // The colleague's choice is still there, and their own card from before it is now stale.
    assert.equal((await h.repos.people.get(tenantId, MEMBER))?.doc.locale, 'es-ES');
    const again = await h.act(member, 'settings.save', { ...saveMine.data, locale: 'en' });
    assert.match(cardText(again), /Ha cambiado desde que lo abriste|changed since/i);
  });

  it("an organisation written before keeps each person's settings, which leave it on its next write", async () => {
    await seedReadyOrganization(h, 't-migrate-source');
    const tenantId = 't-migrate-settings';
    const { organizations } = h.cosmos.store.containers;
    // A document as older versions wrote it: settings inside, no person documents (put straight in the database).
    const source = (await organizations.item(ORGANIZATION_ID, 't-migrate-source').read()).resource as {
      people: { userId: string; settings: object; teamsUserId?: string }[];
    };
    const raw = { ...source, tenantId, id: ORGANIZATION_ID };
    for (const [k] of Object.entries(raw)) if (k.startsWith('_')) delete (raw as Record<string, unknown>)[k];
    raw.people = source.people.map((p) => ({
      ...p,
      teamsUserId: `29:${p.userId}`,
      settings: p.userId === MEMBER ? { locale: 'pt-BR', timeZone: 'America/Sao_Paulo' } : {},
    }));
    await organizations.items.create(raw);

    const member = { tenantId, userId: MEMBER, userName: 'Marcos Lima', locale: 'en-US' };
    assert.match(cardText(await h.say(member, 'settings')), /Configurações|Idioma/);
    // Any write of the organisation moves the settings out, to the person's own document.
    const admin = { tenantId, userId: ADMIN, userName: 'Ana Souza' };
    const form = await h.act(admin, 'nav.eligibility', {});
    const submit = actionsOf(form).find(
      (a) => a.verb === 'eligibility.record' && a.data.step === 'competency',
    );
    assert.ok(submit);
    await h.act(admin, 'eligibility.record', {
      ...submit.data,
      competencyName: 'Messaging',
      competencyLevel: 'Silver',
      competencyValidUntil: '2027-01-01',
    });
    const after = (await organizations.item(ORGANIZATION_ID, tenantId).read()).resource as typeof raw;
    assert.deepEqual(after.people.find((p) => p.userId === MEMBER)?.settings, {});
    const own = await h.repos.people.get(tenantId, MEMBER);
    assert.equal(own?.doc.locale, 'pt-BR');
    assert.equal(own?.doc.timeZone, 'America/Sao_Paulo');
    assert.equal(own?.doc.teamsUserId, `29:${MEMBER}`);
    assert.match(cardText(await h.say(member, 'settings')), /Configurações|Idioma/);
  });
});
