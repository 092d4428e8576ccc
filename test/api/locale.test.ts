// The caller's language choice (the bot's per-user locale override) in the tab API: only the caller's own,
// only from their own tenant, and only when it is one of the app's languages.
import assert from 'node:assert/strict';
import { SEED_PEOPLE } from '../../bot/dev/seed-people';
import type { OverviewView } from '../../bot/api';
import { setLocaleOverride, startApiFixture, TENANT_A, TENANT_B, type ApiFixture } from './fixture';

describe('tab API: the caller’s language override', function () {
  let fx: ApiFixture;

  before(async () => {
    fx = await startApiFixture();
  });
  after(async () => {
    await fx?.stop();
  });
  afterEach(async () => {
    for (const tenantId of [TENANT_A, TENANT_B]) {
      for (const p of [SEED_PEOPLE.globalAdmin, SEED_PEOPLE.partnerAdmin, SEED_PEOPLE.consultantBeatriz]) {
        await setLocaleOverride(fx, tenantId, p.userId, undefined);
      }
    }
  });

  function tokenFor(person: { userId: string; name: string }, tenantId = TENANT_A): Promise<string> {
    return fx.sign({
      oid: person.userId,
      name: person.name,
      tid: tenantId,
      iss: `https://login.microsoftonline.com/${tenantId}/v2.0`,
    });
  }

  async function overviewAs(
    person: { userId: string; name: string },
    tenantId = TENANT_A,
  ): Promise<{ o: OverviewView; text: string }> {
    const res = await fx.get('/api/tab/overview', await tokenFor(person, tenantId));
    assert.equal(res.status, 200, res.text);
    return { o: res.body as OverviewView, text: res.text };
  }

  it('returns the caller’s own override, and each person gets theirs', async () => {
    await setLocaleOverride(fx, TENANT_A, SEED_PEOPLE.globalAdmin.userId, 'pt-BR');
    await setLocaleOverride(fx, TENANT_A, SEED_PEOPLE.partnerAdmin.userId, 'es-ES');

    const ana = await overviewAs(SEED_PEOPLE.globalAdmin);
    assert.equal(ana.o.caller.userId, SEED_PEOPLE.globalAdmin.userId);
    assert.equal(ana.o.caller.locale, 'pt-BR');
    // Carlos's choice is nowhere in Ana's answer (the overview is cached per tenant, the caller part is not).
    assert.doesNotMatch(ana.text, /es-ES/);

    const carlos = await overviewAs(SEED_PEOPLE.partnerAdmin);
    assert.equal(carlos.o.caller.locale, 'es-ES');
    assert.doesNotMatch(carlos.text, /pt-BR/);
  });

  it('a person without an override gets no locale, even when colleagues have one', async () => {
    await setLocaleOverride(fx, TENANT_A, SEED_PEOPLE.globalAdmin.userId, 'pt-BR');
    await setLocaleOverride(fx, TENANT_A, SEED_PEOPLE.partnerAdmin.userId, 'es-ES');
    // The first request fills the tenant's cached overview with Ana's view; Beatriz must not inherit it.
    await overviewAs(SEED_PEOPLE.globalAdmin);
    const beatriz = await overviewAs(SEED_PEOPLE.consultantBeatriz);
    assert.equal(beatriz.o.caller.userId, SEED_PEOPLE.consultantBeatriz.userId);
    assert.equal('locale' in beatriz.o.caller, false);
    assert.doesNotMatch(beatriz.text, /pt-BR|es-ES/);
  });

  it('a caller unknown to the organisation gets no locale', async () => {
    await setLocaleOverride(fx, TENANT_A, SEED_PEOPLE.globalAdmin.userId, 'pt-BR');
    const { o } = await overviewAs({ userId: 'ffffffff-0000-4000-8000-0000000000ff', name: 'New Person' });
    assert.equal(o.caller.locale, undefined);
  });

  it('the same person’s override in another tenant does not leak across', async () => {
    // The seed uses the same user ids in both tenants.
    await setLocaleOverride(fx, TENANT_B, SEED_PEOPLE.globalAdmin.userId, 'es-ES');
    const inA = await overviewAs(SEED_PEOPLE.globalAdmin, TENANT_A);
    assert.equal(inA.o.caller.tenantId, TENANT_A);
    assert.equal(inA.o.caller.locale, undefined);
    const inB = await overviewAs(SEED_PEOPLE.globalAdmin, TENANT_B);
    assert.equal(inB.o.caller.locale, 'es-ES');
  });

  it('a changed override shows at the next request', async () => {
    await setLocaleOverride(fx, TENANT_A, SEED_PEOPLE.globalAdmin.userId, 'pt-BR');
    assert.equal((await overviewAs(SEED_PEOPLE.globalAdmin)).o.caller.locale, 'pt-BR');
    await setLocaleOverride(fx, TENANT_A, SEED_PEOPLE.globalAdmin.userId, 'es-ES');
    assert.equal((await overviewAs(SEED_PEOPLE.globalAdmin)).o.caller.locale, 'es-ES');
    await setLocaleOverride(fx, TENANT_A, SEED_PEOPLE.globalAdmin.userId, undefined);
    assert.equal((await overviewAs(SEED_PEOPLE.globalAdmin)).o.caller.locale, undefined);
  });

  for (const [stored, shown] of [
    ['pt-br', 'pt-BR'],
    ['es_ES', 'es-ES'],
    ['pt-PT', 'pt-BR'],
  ] as const) {
    it(`reads a stored ${stored} as the bot does: ${shown}`, async () => {
      await setLocaleOverride(fx, TENANT_A, SEED_PEOPLE.globalAdmin.userId, stored);
      assert.equal((await overviewAs(SEED_PEOPLE.globalAdmin)).o.caller.locale, shown);
    });
  }

  for (const stored of ['fr-FR', 'klingon', 'xx']) {
    it(`ignores a stored value that is not one of the app's languages: ${stored}`, async () => {
      await setLocaleOverride(fx, TENANT_A, SEED_PEOPLE.globalAdmin.userId, stored);
      const { o, text } = await overviewAs(SEED_PEOPLE.globalAdmin);
      assert.equal('locale' in o.caller, false);
      assert.ok(!text.includes(`"${stored}"`), `the stored value ${stored} was sent`);
    });
  }
});
