// The real process: `bot/main.ts` started the way `npm run start:bot` starts it.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function run(env: Record<string, string>, waitForMs = 30_000): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['bot/main.ts'], {
      cwd: root,
      // Only what the test gives, plus PATH/HOME: a developer's .env or shell variables must not leak in.
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), DOTENV_CONFIG_PATH: '/nonexistent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after ${waitForMs} ms:\n${out}`));
    }, waitForMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

describe('start-up of the real process', function () {
  this.timeout(60_000);

  it('APP_ENV=production without credentials exits non-zero listing every missing setting', async () => {
    const { code, out } = await run({ APP_ENV: 'production' });
    assert.notEqual(code, 0);
    for (const name of ['BOT_APP_ID', 'COSMOS_ENDPOINT', 'ENTRA_CLIENT_ID']) {
      assert.match(out, new RegExp(`^\\s*- ${name}:`, 'm'), `${name} missing from:\n${out}`);
    }
  });

  it('a bad rules file stops start-up naming the field', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'psc-rules-'));
    const file = path.join(dir, 'rules.json');
    writeFileSync(file, JSON.stringify({ name: 'broken' }));
    const { code, out } = await run({ RULES_FILE: file, DATA_DIR: dir, PORT: '0' });
    assert.notEqual(code, 0);
    assert.match(out, /catalog|catalogue|offerings/i, out);
  });

  it('starts in development and stops cleanly on SIGTERM, writing local data', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'psc-dev-'));
    // Node itself, not the tsx CLI: tsx relays a signal only if its child acknowledges it within a few tens of
    // milliseconds, and a busy first second after start-up (due-index backfill, first scan) can miss that.
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'bot/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: os.tmpdir(),
        PORT: '0',
        DATA_DIR: dir,
        LOG_LEVEL: 'info',
        REMINDERS_ENABLED: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`did not start:\n${out}`)), 40_000);
      const onData = (c: Buffer): void => {
        out += c.toString();
        if (out.includes('Bot endpoint:')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.match(out, /Local data: .*cosmos\.json/);
    // Development logs are readable lines, not JSON (production keeps JSON).
    assert.match(out, /INFO: stopped/);
    assert.doesNotMatch(out, /"msg":/);
  });
});
