// Issue #13: /api/messages in production when Bot Framework's signing keys cannot be had (503) or a token does
// not verify (401). The body is generic: no host names, no "request to … failed", no stack. The OpenID metadata
// is served locally behind the TCP proxy, which refuses (a closed port), black-holes or passes.
import { strict as assert } from 'node:assert';
import { generateKeyPairSync, sign } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../../bot/app';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../bot/store/embedded';
import { messageActivity } from '../support/activities';
import { post, startTestApp } from '../support/app';
import { startLocalConnector, type LocalConnector } from '../support/connector';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

const GUID = '6f0b2c1e-8a4d-4f4e-9c51-0d3a7b2e9f10';
const INTERNAL = [/127\.0\.0\.1/, /ECONN/, /request to/i, /openid/i, /getaddrinfo/i, /\bat \w/, /Error/];

/** The signing keys Bot Framework would publish: one RSA key, kid "k1". */
async function startMetadataServer(): Promise<{ server: http.Server; port: number }> {
  const published = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
  const jwk = { ...published.export({ format: 'jwk' }), kid: 'k1', use: 'sig', endorsements: ['msteams'] };
  const server = http.createServer((req, res) => {
    const { port } = server.address() as AddressInfo;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/keys') res.end(JSON.stringify({ keys: [jwk] }));
    else
      res.end(
        JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `http://127.0.0.1:${port}/keys` }),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** A well-formed channel token for this bot (RS256, kid "k1"), signed with a key that is not the published one. */
function forgedToken(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'RS256', kid: 'k1', typ: 'JWT' })}.${part({
    iss: 'https://api.botframework.com',
    aud: GUID,
    serviceurl: 'http://127.0.0.1/',
    iat: now,
    exp: now + 3600,
  })}`;
  return `${unsigned}.${sign('sha256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
}

describe('resilience: Bot Framework authentication failures (issue #13)', function () {
  this.timeout(60_000);
  let cosmos: EmbeddedCosmos;
  let metadata: { server: http.Server; port: number };
  let proxy: TcpProxy;
  let connector: LocalConnector;
  let app: App;
  let token: string;

  before(async () => {
    cosmos = await startEmbeddedCosmos();
    metadata = await startMetadataServer();
    proxy = await startTcpProxy(metadata.port);
    connector = await startLocalConnector();
    token = forgedToken();
    app = await startTestApp({
      APP_ENV: 'production',
      HOST: '127.0.0.1',
      BOT_APP_ID: GUID,
      BOT_APP_PASSWORD: 'not-a-real-secret',
      BOT_TENANT_ID: GUID,
      BOT_OPENID_METADATA_URL: `${proxy.url}/openid`,
      BOT_AUTH_TIMEOUT_MS: '500',
      COSMOS_ENDPOINT: cosmos.endpoint,
      COSMOS_KEY: 'k',
      ENTRA_CLIENT_ID: GUID,
    });
  });
  after(async () => {
    await app?.stop();
    await proxy?.stop();
    metadata?.server.close();
    await connector?.stop();
    await cosmos?.stop();
  });
  afterEach(() => proxy.setMode('pass'));

  async function send(): Promise<{ status: number; body: unknown; text: string }> {
    const res = await post(
      `${app.url}/api/messages`,
      messageActivity({ serviceUrl: connector.serviceUrl }, 'hello'),
      {
        authorization: `Bearer ${token}`,
        'x-correlation-id': 'auth-test-1',
      },
    );
    for (const pattern of INTERNAL) assert.doesNotMatch(res.text, pattern, 'no internal text in the body');
    assert.equal(connector.received.length, 0, 'nothing processed');
    return res;
  }

  it('signing keys on a closed port: 503 with a generic body and the correlation id', async () => {
    await proxy.setMode('refuse');
    const res = await send();
    assert.equal(res.status, 503);
    assert.deepEqual(res.body, {
      error: 'unavailable',
      message: 'The request could not be authenticated right now. Try again shortly.',
      correlationId: 'auth-test-1',
    });
  });

  it('signing keys that never arrive: 503 after BOT_AUTH_TIMEOUT_MS, generic body', async () => {
    await proxy.setMode('blackhole');
    const res = await send();
    assert.equal(res.status, 503);
    assert.equal((res.body as { error: string }).error, 'unavailable');
  });

  it('keys reachable again, a token that does not verify: 401 with a generic body', async () => {
    const res = await send();
    assert.equal(res.status, 401);
    assert.deepEqual(res.body, {
      error: 'unauthorized',
      message: 'The request is not authorized.',
      correlationId: 'auth-test-1',
    });
  });
});
