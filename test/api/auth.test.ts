// The tab API's authentication: Teams SSO tokens signed by a local key published as a JWKS over HTTP.
// Every refusal must be a 401 that carries no data; a valid token sees its own tenant only.
import assert from 'node:assert/strict';
import { APP_ID_URI, NOW, startApiFixture, TENANT_A, TENANT_B, type ApiFixture } from './fixture';
import { SEED_PEOPLE } from '../../bot/dev/seed-people';
import { createAuthenticator, type OverviewView, type VoucherDetailView } from '../../bot/api';

const nowSec = Math.floor(NOW.getTime() / 1000);

function assertRefused(res: { status: number; body: unknown; text: string }): void {
  assert.equal(res.status, 401, res.text);
  assert.deepEqual(Object.keys(res.body as object).sort(), ['error', 'message']);
  assert.equal((res.body as { error: string }).error, 'unauthorized');
  // No voucher data leaks into a refusal.
  assert.doesNotMatch(res.text, /DDPS-|SDPS-|Contoso|seed-/);
}

describe('tab API authentication', function () {
  let fx: ApiFixture;

  before(async () => {
    fx = await startApiFixture();
  });
  after(async () => {
    await fx.stop();
  });

  it('accepts a valid v2 token and answers with the caller’s own tenant', async () => {
    const res = await fx.get('/api/tab/overview', await fx.sign());
    assert.equal(res.status, 200, res.text);
    const body = res.body as OverviewView;
    assert.equal(body.caller.tenantId, TENANT_A);
    assert.equal(body.caller.userId, SEED_PEOPLE.globalAdmin.userId);
    assert.equal(body.caller.role, 'GlobalAdmin');
    assert.equal(body.caller.localIdentity, false);
    assert.equal(body.voucherCount, 12);
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  it('accepts a v1 token (sts.windows.net issuer) whose audience is the App ID URI', async () => {
    const token = await fx.sign({ iss: `https://sts.windows.net/${TENANT_A}/`, aud: APP_ID_URI, ver: '1.0' });
    const res = await fx.get('/api/tab/overview', token);
    assert.equal(res.status, 200, res.text);
  });

  it('scopes data by the token’s tenant: tenant B sees its 3 vouchers, not A’s 12', async () => {
    const token = await fx.sign({ tid: TENANT_B, iss: `https://login.microsoftonline.com/${TENANT_B}/v2.0` });
    const res = await fx.get('/api/tab/vouchers?pageSize=200', token);
    assert.equal(res.status, 200, res.text);
    const body = res.body as { total: number; items: { voucherNumber: string }[] };
    assert.equal(body.total, 3);
    const bNumbers = new Set(fx.seedB.vouchers.map((v) => v.voucherNumber));
    for (const item of body.items) assert.ok(bNumbers.has(item.voucherNumber));
  });

  it('treats a person unknown to the organisation as a Member', async () => {
    const res = await fx.get('/api/tab/overview', await fx.sign({ oid: 'someone-new', name: 'New Person' }));
    assert.equal(res.status, 200, res.text);
    const caller = (res.body as OverviewView).caller;
    assert.equal(caller.role, 'Member');
    assert.equal(caller.name, 'New Person');
  });

  it('refuses a request without a token', async () => {
    assertRefused(await fx.get('/api/tab/overview', null));
  });

  it('refuses an expired token', async () => {
    // Beyond the 60 s clock tolerance.
    assertRefused(
      await fx.get(
        '/api/tab/overview',
        await fx.sign({ iat: nowSec - 7200, nbf: nowSec - 7200, exp: nowSec - 120 }),
      ),
    );
  });

  it('refuses a token that is not yet valid', async () => {
    assertRefused(await fx.get('/api/tab/overview', await fx.sign({ nbf: nowSec + 600, iat: nowSec - 10 })));
  });

  it('refuses a token for another audience', async () => {
    assertRefused(
      await fx.get('/api/tab/overview', await fx.sign({ aud: '99999999-2222-3333-4444-555555555555' })),
    );
    assertRefused(await fx.get('/api/tab/overview', await fx.sign({ aud: 'https://graph.microsoft.com' })));
  });

  it('refuses a token with the wrong issuer', async () => {
    // Issued for tenant B but claiming tenant A, and a foreign authority.
    assertRefused(
      await fx.get(
        '/api/tab/overview',
        await fx.sign({ iss: `https://login.microsoftonline.com/${TENANT_B}/v2.0` }),
      ),
    );
    assertRefused(
      await fx.get('/api/tab/overview', await fx.sign({ iss: `https://evil.example/${TENANT_A}/v2.0` })),
    );
  });

  it('refuses a token without the access_as_user scope', async () => {
    assertRefused(await fx.get('/api/tab/overview', await fx.sign({ scp: undefined })));
    assertRefused(await fx.get('/api/tab/overview', await fx.sign({ scp: 'User.Read' })));
    // A scope that merely contains the words is not the scope.
    assertRefused(await fx.get('/api/tab/overview', await fx.sign({ scp: 'access_as_user_admin' })));
  });

  it('refuses a token signed by a key Entra ID did not publish', async () => {
    assertRefused(await fx.get('/api/tab/overview', await fx.sign({}, { key: 'unpublished' })));
    assertRefused(
      await fx.get('/api/tab/overview', await fx.sign({}, { key: 'unpublished', kid: 'other-key' })),
    );
  });

  it('refuses malformed tokens and other schemes', async () => {
    const valid = await fx.sign();
    const [h, p] = valid.split('.');
    for (const bad of [
      'not-a-jwt',
      `${h}.${p}`,
      `${h}.${p}.`,
      `${h}.e30.${valid.split('.')[2]}`,
      'a.b.c',
      `${valid}x`,
      'x'.repeat(9000),
    ]) {
      assertRefused(await fx.get('/api/tab/overview', bad));
    }
    assertRefused(
      await fx.get('/api/tab/overview', null, {
        authorization: `Basic ${Buffer.from('a:b').toString('base64')}`,
      }),
    );
    assertRefused(await fx.get('/api/tab/overview', null, { authorization: `Bearer ${valid} extra` }));
  });

  it('refuses an unsigned (alg none) token carrying valid claims', async () => {
    const valid = await fx.sign();
    const payload = valid.split('.')[1];
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    assertRefused(await fx.get('/api/tab/overview', `${header}.${payload}.`));
    assertRefused(await fx.get('/api/tab/overview', `${header}.${payload}.c2ln`));
  });

  it('refuses a token whose tenant id is missing or not a GUID', async () => {
    assertRefused(await fx.get('/api/tab/overview', await fx.sign({ tid: undefined })));
    assertRefused(
      await fx.get(
        '/api/tab/overview',
        await fx.sign({ tid: '../other', iss: 'https://login.microsoftonline.com/../other/v2.0' }),
      ),
    );
  });

  it('refuses a token without the user’s object id', async () => {
    assertRefused(await fx.get('/api/tab/overview', await fx.sign({ oid: undefined })));
  });

  it('answers another tenant’s voucher id exactly as a voucher that does not exist', async () => {
    const onlyInA = fx.seedA.vouchers[10];
    assert.ok(onlyInA && !fx.seedB.vouchers.some((v) => v.id === onlyInA.id));
    const tokenA = await fx.sign();
    const own = await fx.get(`/api/tab/vouchers/${onlyInA.id}`, tokenA);
    assert.equal(own.status, 200, own.text);
    assert.equal((own.body as VoucherDetailView).voucherNumber, onlyInA.voucherNumber);

    const tokenB = await fx.sign({ tid: TENANT_B, iss: `https://sts.windows.net/${TENANT_B}/` });
    const foreign = await fx.get(`/api/tab/vouchers/${onlyInA.id}`, tokenB);
    const missing = await fx.get('/api/tab/vouchers/seed-99999', tokenB);
    assert.equal(foreign.status, 404);
    assert.equal(foreign.text, missing.text);
    assert.doesNotMatch(foreign.text, new RegExp(onlyInA.voucherNumber));
  });

  it('applies every check to every route, CSV included', async () => {
    const expired = await fx.sign({ exp: nowSec - 3600, iat: nowSec - 7200, nbf: nowSec - 7200 });
    for (const path of [
      '/api/tab/vouchers',
      '/api/tab/vouchers.csv',
      '/api/tab/deadlines',
      '/api/tab/payments',
      `/api/tab/vouchers/${fx.seedA.vouchers[0]?.id}`,
    ]) {
      assertRefused(await fx.get(path, null));
      assertRefused(await fx.get(path, expired));
    }
  });

  it('checks authentication before validating parameters (no hints to anonymous callers)', async () => {
    assertRefused(await fx.get('/api/tab/vouchers?pageSize=999999', null));
  });

  it('fetches the published keys once and reuses them', async () => {
    const before = fx.jwksHits();
    for (let i = 0; i < 3; i++)
      assert.equal((await fx.get('/api/tab/payments', await fx.sign())).status, 200);
    assert.ok(fx.jwksHits() - before <= 1, `JWKS fetched ${fx.jwksHits() - before} times for 3 requests`);
  });
});

describe('tab API tenant allow-list', function () {
  let fx: ApiFixture;
  before(async () => {
    fx = await startApiFixture({ env: { TAB_ALLOWED_TENANTS: TENANT_A } });
  });
  after(async () => {
    await fx.stop();
  });

  it('accepts an allowed tenant and refuses a valid token from a tenant not on the list', async () => {
    assert.equal((await fx.get('/api/tab/overview', await fx.sign())).status, 200);
    const tokenB = await fx.sign({
      tid: TENANT_B,
      iss: `https://login.microsoftonline.com/${TENANT_B}/v2.0`,
    });
    assertRefused(await fx.get('/api/tab/overview', tokenB));
  });
});

describe('tab API serving every tenant but the denied ones', function () {
  let fx: ApiFixture;
  before(async () => {
    fx = await startApiFixture({ env: { ALLOWED_TENANTS: '*', DENIED_TENANTS: TENANT_B } });
  });
  after(async () => {
    await fx.stop();
  });

  it('accepts any tenant with ALLOWED_TENANTS=* (issuer of its own tenant) and refuses a denied one', async () => {
    assert.equal((await fx.get('/api/tab/overview', await fx.sign())).status, 200);
    const tokenB = await fx.sign({
      tid: TENANT_B,
      iss: `https://login.microsoftonline.com/${TENANT_B}/v2.0`,
    });
    assertRefused(await fx.get('/api/tab/overview', tokenB));
  });
});

describe('tab API without reachable signing keys', function () {
  let fx: ApiFixture;
  before(async () => {
    // Port 9 on loopback: nothing listens there, so the key fetch fails.
    fx = await startApiFixture({ env: { ENTRA_JWKS_URI: 'http://127.0.0.1:9/keys' } });
  });
  after(async () => {
    await fx.stop();
  });

  it('answers 503 with no data when the keys cannot be fetched', async () => {
    const res = await fx.get('/api/tab/overview', await fx.sign());
    assert.equal(res.status, 503, res.text);
    assert.deepEqual(Object.keys(res.body as object).sort(), ['error', 'message']);
  });
});

describe('tab API in local development mode', function () {
  let fx: ApiFixture;
  before(async () => {
    fx = await startApiFixture({ env: { ENTRA_CLIENT_ID: '', ENTRA_APP_ID_URI: '', ENTRA_JWKS_URI: '' } });
  });
  after(async () => {
    await fx.stop();
  });

  it('uses the configured local identity and says so', async () => {
    const res = await fx.get('/api/tab/overview', null);
    assert.equal(res.status, 200, res.text);
    const caller = (res.body as OverviewView).caller;
    assert.equal(caller.localIdentity, true);
    assert.equal(caller.tenantId, fx.config.tab.localIdentity?.tenantId);
  });
});

describe('tab API token checks name the reason (for the log)', function () {
  let fx: ApiFixture;
  before(async () => {
    fx = await startApiFixture({
      env: { TAB_ALLOWED_TENANTS: `${TENANT_A},${TENANT_B}` },
      vouchersA: 1,
      vouchersB: 1,
    });
  });
  after(async () => {
    await fx.stop();
  });

  it('classifies each bad token by the check it failed', async () => {
    const auth = createAuthenticator(fx.config.tab, { now: () => NOW });
    const reason = async (token: string): Promise<string> => {
      const out = await auth.authenticate(`Bearer ${token}`);
      return out.ok ? 'ok' : out.failure;
    };
    assert.equal(await reason(await fx.sign()), 'ok');
    assert.equal(await reason(await fx.sign({ exp: nowSec - 120 })), 'expired');
    assert.equal(await reason(await fx.sign({ nbf: nowSec + 600 })), 'notYetValid');
    assert.equal(await reason(await fx.sign({ aud: 'someone-else' })), 'audience');
    assert.equal(
      await reason(await fx.sign({ iss: `https://login.microsoftonline.com/${TENANT_B}/v2.0` })),
      'issuer',
    );
    assert.equal(await reason(await fx.sign({ scp: 'User.Read' })), 'scope');
    assert.equal(await reason(await fx.sign({}, { key: 'unpublished' })), 'signature');
    assert.equal(
      await reason(
        await fx.sign({
          tid: 'cccccccc-0000-4000-8000-00000000000c',
          iss: 'https://login.microsoftonline.com/cccccccc-0000-4000-8000-00000000000c/v2.0',
        }),
      ),
      'tenant',
    );
    assert.equal(await reason('abc.def.ghi'), 'malformed');
    assert.equal((await auth.authenticate(undefined)).ok, false);
  });
});
