// Logs: readable one-line entries in development (npm start), JSON lines in production.
import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { createLogger, logFormatFor } from '../bot/logger';

function capture(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

describe('logger', () => {
  it('development: one readable line per entry, fields as key=value, no JSON braces, secrets redacted', () => {
    assert.equal(logFormatFor('development'), 'pretty');
    const out = capture();
    const log = createLogger('info', out.stream, 'pretty');
    log.info({ endpoint: 'http://127.0.0.1:1', identity: { name: 'Alex Wilber', key: 's3cret' } }, 'started');
    log.child({ component: 'tab-api' }).warn('careful');
    const lines = out.text().trimEnd().split('\n');
    assert.equal(lines.length, 2, out.text());
    assert.match(lines[0]!, /INFO: started {2}endpoint=http:\/\/127\.0\.0\.1:1 identity\.name="Alex Wilber"/);
    assert.match(lines[1]!, /WARN: careful {2}component=tab-api$/);
    assert.doesNotMatch(out.text(), /[{}]|s3cret/);
  });

  it('production: JSON lines, as before', () => {
    assert.equal(logFormatFor('production'), 'json');
    const out = capture();
    createLogger('info', out.stream, logFormatFor('production')).info({ tenantId: 't' }, 'started');
    const entry = JSON.parse(out.text()) as Record<string, unknown>;
    assert.equal(entry.msg, 'started');
    assert.equal(entry.tenantId, 't');
    assert.equal(entry.level, 30);
  });

  it('the local identity of the tab is a note in development, not a warning', async function () {
    this.timeout(30_000);
    const result = loadConfig({
      PORT: '0',
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'psc-log-')),
      REMINDERS_ENABLED: 'false',
    });
    assert.ok(result.ok);
    const out = capture();
    const app = await startApp(result.config, createLogger('info', out.stream));
    await app.stop();
    const entries = out
      .text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { level: number; msg: string });
    const note = entries.find((e) => e.msg.includes('local development identity'));
    assert.equal(note?.level, 30, out.text());
    assert.deepEqual(
      entries.filter((e) => e.level >= 40).map((e) => e.msg),
      [],
    );
  });
});
