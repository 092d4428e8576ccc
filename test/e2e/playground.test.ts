// The real local Teams-like client: the Microsoft 365 Agents Playground, driven in headless Chromium,
// talking to the app over the Bot Framework protocol (its own connector at /_connector).
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { App } from '../../bot/app';
import { startTestApp } from '../support/app';
import { launchBrowser } from '../support/browser';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function startPlayground(endpoint: string, port: number): Promise<ChildProcess> {
  // No browser to open here: a no-op xdg-open keeps the Playground from exiting after "Listening".
  const dir = mkdtempSync(path.join(os.tmpdir(), 'psc-pg-'));
  writeFileSync(path.join(dir, 'xdg-open'), '#!/bin/sh\nexit 0\n');
  chmodSync(path.join(dir, 'xdg-open'), 0o755);
  const bin = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'agentsplayground');
  const child = spawn(bin, ['start', '-e', endpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'], {
    env: { ...process.env, PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}`, LANG: 'en_US.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Agents Playground did not start')), 30_000);
    const onData = (chunk: Buffer): void => {
      if (/listening/i.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Agents Playground exited (${code ?? 'signal'})`)));
  });
  return child;
}

describe('e2e: the Agents Playground talks to the app', function () {
  this.timeout(90_000);
  let app: App;
  let playground: ChildProcess;
  let browser: Browser;
  let url: string;

  before(async () => {
    app = await startTestApp();
    const port = await freePort();
    playground = await startPlayground(`${app.url}/api/messages`, port);
    url = `http://127.0.0.1:${port}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    playground?.kill('SIGTERM');
    await app?.stop();
  });

  it('typing "hello" shows the bot\'s welcome card', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    const cards = page.locator('.ac-adaptiveCard');
    // The install event already produced the first welcome card.
    await cards.first().waitFor({ timeout: 20_000 });
    const before = await cards.count();
    // The compose box is a rich-text editor (contenteditable), not an <input>.
    const box = page.locator('[data-lexical-editor="true"][role="textbox"]');
    await box.click();
    await page.keyboard.type('hello');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.ac-adaptiveCard').length > n, before, { timeout: 20_000 });
    const text = (await cards.last().innerText()).toLowerCase();
    assert.match(text, /planning services/);
    await page.screenshot({ path: path.join('test-artifacts', 'playground-hello.png') });
  });
});
