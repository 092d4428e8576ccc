import { strict as assert } from 'node:assert';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { messageActivity } from './support/activities';
import { post, startTestApp } from './support/app';

/** A connector that holds each reply for `delayMs`, so a turn is still in flight when shutdown starts. */
async function slowConnector(delayMs: number) {
  const received: unknown[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () =>
      setTimeout(() => {
        received.push(JSON.parse(body || '{}'));
        // restify patches http.ServerResponse.prototype: writeHead does not return `this` here.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"r1"}');
      }, delayMs),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    received,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('graceful shutdown', () => {
  it('finishes the turn in flight, then stops accepting', async () => {
    const connector = await slowConnector(400);
    const app = await startTestApp();
    try {
      const turn = post(
        `${app.url}/api/messages`,
        messageActivity({ serviceUrl: connector.serviceUrl }, 'hello'),
      );
      await new Promise((r) => setTimeout(r, 100)); // the turn is now waiting on the connector
      assert.equal(app.http.inFlight(), 1);
      const stopped = app.stop();
      const res = await turn;
      await stopped;
      assert.equal(res.status, 200);
      assert.equal(connector.received.length, 1, 'the reply of the in-flight turn was delivered');
      await assert.rejects(fetch(`${app.url}/healthz`), 'no longer accepting');
    } finally {
      await app.stop();
      await connector.stop();
    }
  });
});
