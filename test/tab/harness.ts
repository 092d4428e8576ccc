// Browser harness for the tab: the tab built into a temporary folder and served with the API fixture, a fake
// Teams host page that iframes it and answers the SDK's postMessage calls, and the system's headless Chromium.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'restify';
import { chromium, type Browser } from 'playwright-core';
import { buildTab } from '../../tab/build';
import { startApiFixture, type ApiFixture, type FixtureOptions } from '../api/fixture';

export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');

export interface HostConfig {
  token: string;
  locale: string;
  theme: string;
  tenantId: string;
  userId: string;
  /** Answer getAuthToken with a failure instead of the token. */
  failAuth?: boolean;
  /** The frame context Teams reports: 'content' (a tab, the default) or 'settings' (a configuration page). */
  frameContext?: string;
  /** The deep link's sub-entity (teams-js: page.subPageId). */
  subEntityId?: string;
  /** The host supports Adaptive Card dialogs with a completion bot (tasks.startTask waits for closeTask()). */
  cardDialogs?: boolean;
  /** What the host page frames (default /tab). */
  tabPath?: string;
}

export interface TabHarness {
  fx: ApiFixture;
  browser: Browser;
  /** What the fake host answers with; tests change it before loading the host page. */
  host: HostConfig;
  stop(): Promise<void>;
}

let built: string | undefined;

/** Builds once per test process into a temporary folder (the repo's tab/dist is left alone). */
export async function builtTabDir(): Promise<string> {
  if (!built) {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'tab-build-'));
    await buildTab({ outDir });
    built = outDir;
  }
  return built;
}

export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
    encoding: 'utf8',
  }).trim();
}

/** The fake Teams host: iframes /tab and plays the Teams side of the teams-js postMessage protocol. */
export function hostPage(config: HostConfig, tabPath = '/tab'): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Fake Teams host</title>
<style>body{margin:0;background:#444}iframe{border:0;display:block;width:100vw;height:100vh}</style></head>
<body><iframe id="tab" title="Planning Services tab" src="${tabPath}"></iframe>
<script>
const config = ${json};
const frame = document.getElementById('tab');
window.hostCalls = [];
window.hostMessages = [];
const runtime = { apiVersion: 4, isLegacyTeams: false, supports: { app: {}, appInitialization: {}, authentication: {}, pages: { config: {}, tabs: {} }, teamsCore: {} } };
if (config.cardDialogs) {
  runtime.supports.dialog = { card: { bot: {} } };
  runtime.hostVersionsInfo = { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } };
}
let pendingTask;
window.closeTask = function () { if (pendingTask) reply(pendingTask, [undefined, undefined]); pendingTask = undefined; };
window.sendToTab = function (func, args) {
  frame.contentWindow.postMessage({ func: func, args: args || [] }, location.origin);
};
function reply(msg, args) {
  frame.contentWindow.postMessage({ id: msg.id, uuidAsString: msg.uuidAsString, args: args }, location.origin);
}
window.addEventListener('message', function (ev) {
  if (ev.source !== frame.contentWindow || ev.origin !== location.origin) return;
  const msg = ev.data;
  if (!msg || typeof msg.func !== 'string') return;
  window.hostCalls.push(msg.func);
  window.hostMessages.push({ func: msg.func, args: msg.args });
  switch (msg.func) {
    case 'initialize':
      return reply(msg, [config.frameContext || 'content', 'web', JSON.stringify(runtime), '2.58.0']);
    case 'tasks.startTask':
      pendingTask = msg;
      return;
    case 'settings.setSettings':
      return reply(msg, [true]);
    case 'getContext':
      return reply(msg, [{ locale: config.locale, theme: config.theme, tid: config.tenantId, userObjectId: config.userId,
        userPrincipalName: 'ana@partner.example', userDisplayName: 'Ana Souza', hostClientType: 'web', frameContext: config.frameContext || 'content',
        appSessionId: 'session-1', hostName: 'Teams', entityId: 'status', subEntityId: config.subEntityId }]);
    case 'authentication.getAuthToken':
      return config.failAuth ? reply(msg, [false, 'resourceDisabled']) : reply(msg, [true, config.token]);
    default:
      return reply(msg, []);
  }
});
window.sendTheme = function (theme) {
  frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, location.origin);
};
</script></body></html>`;
}

export async function startTabHarness(options: FixtureOptions = {}): Promise<TabHarness> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const tabDir = await builtTabDir();
  const host: HostConfig = { token: '', locale: 'en-US', theme: 'default', tenantId: '', userId: '' };
  const fx = await startApiFixture({
    ...options,
    tabDir,
    extraRoutes: (server: Server) => {
      server.get('/test-host.html', (_req, res, next) => {
        res.header('Content-Type', 'text/html; charset=utf-8');
        res.sendRaw(200, hostPage(host, host.tabPath ?? '/tab'));
        next();
      });
    },
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    fx,
    browser,
    host,
    async stop() {
      await browser.close();
      await fx.stop();
    },
  };
}
