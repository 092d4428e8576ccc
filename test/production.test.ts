import { strict as assert } from 'node:assert';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../bot/store/embedded';
import type { App } from '../bot/app';
import { messageActivity } from './support/activities';
import { post, startTestApp } from './support/app';
import { startLocalConnector, type LocalConnector } from './support/connector';

const GUID = '6f0b2c1e-8a4d-4f4e-9c51-0d3a7b2e9f10';

describe('production mode: Bot Framework authentication is enforced', () => {
  let cosmos: EmbeddedCosmos;
  let app: App;
  let connector: LocalConnector;

  before(async () => {
    cosmos = await startEmbeddedCosmos();
    connector = await startLocalConnector();
    app = await startTestApp({
      APP_ENV: 'production',
      HOST: '127.0.0.1',
      BOT_APP_ID: GUID,
      BOT_APP_PASSWORD: 'not-a-real-secret',
      BOT_TENANT_ID: GUID,
      // The SDK code path for a real account, pointed at a local server.
      COSMOS_ENDPOINT: cosmos.endpoint,
      COSMOS_KEY: 'k',
      ENTRA_CLIENT_ID: GUID,
    });
  });
  after(async () => {
    await app.stop();
    await connector.stop();
    await cosmos.stop();
  });

  it('a request without a token gets 401 and no reply is sent', async () => {
    const res = await post(
      `${app.url}/api/messages`,
      messageActivity({ serviceUrl: connector.serviceUrl }, 'hello'),
    );
    assert.equal(res.status, 401);
    assert.equal(connector.received.length, 0);
  });

  it('a request with a forged token gets 401', async () => {
    const forged = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl';
    const res = await post(
      `${app.url}/api/messages`,
      messageActivity({ serviceUrl: connector.serviceUrl }, 'hello'),
      {
        authorization: `Bearer ${forged}`,
      },
    );
    assert.equal(res.status, 401);
    assert.equal(connector.received.length, 0);
  });

  it('does not start the embedded database in production', () => {
    assert.equal(app.embedded, undefined);
  });
});
