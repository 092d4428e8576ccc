// Issue #13: an invoke whose name the invoke table does not have gets a proper answer for its family (HTTP 200,
// the localized "not supported" text in the shape Teams shows), not botbuilder's HTTP 501.
import { strict as assert } from 'node:assert';
import type { App } from '../../bot/app';
import { baseActivity } from '../support/activities';
import { post, startTestApp } from '../support/app';
import { startLocalConnector, type LocalConnector } from '../support/connector';

const PT = 'O aplicativo não oferece esta ação aqui. Nada foi alterado.';

describe('resilience: invokes the bot does not handle (issue #13)', () => {
  let app: App;
  let connector: LocalConnector;

  before(async () => {
    connector = await startLocalConnector();
    app = await startTestApp();
  });
  after(async () => {
    await app?.stop();
    await connector?.stop();
  });

  const invoke = (name: string) =>
    post(`${app.url}/api/messages`, {
      ...baseActivity({ serviceUrl: connector.serviceUrl, locale: 'pt-BR' }),
      type: 'invoke',
      name,
      value: { anything: true },
    });

  it('a message extension name: 200 with a composeExtension message', async () => {
    const res = await invoke('composeExtension/notARealCommand');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { composeExtension: { type: 'message', text: PT } });
  });

  it('a dialog name: 200 with a task message', async () => {
    const res = await invoke('task/notARealStep');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { task: { type: 'message', value: PT } });
  });

  it('a Universal Actions name: 200 with an application/vnd.microsoft.error value', async () => {
    const res = await invoke('adaptiveCard/notARealAction');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, {
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message: PT },
    });
  });

  it('any other name: 200 with an error body, nothing sent to the conversation', async () => {
    const res = await invoke('someone/elses.invoke');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { error: { code: 'NotSupported', message: PT } });
    assert.equal(connector.received.length, 0);
  });
});
