// DEV_CLOCK_OFFSET_DAYS: a started app sees the shifted date (the tab's overview is stamped with the app's clock).
import { strict as assert } from 'node:assert';
import { type App } from '../../bot/app';
import { startTestApp } from '../support/app';

const DAY_MS = 86_400_000;

async function overviewTime(app: App): Promise<number> {
  const res = await fetch(`${app.url}/api/tab/overview`);
  assert.equal(res.status, 200, await res.clone().text());
  const body = (await res.json()) as { generatedAt: string };
  return Date.parse(body.generatedAt);
}

describe('development clock', function () {
  this.timeout(30_000);
  let app: App | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('DEV_CLOCK_OFFSET_DAYS=30 moves the app 30 days ahead', async () => {
    app = await startTestApp({ DEV_CLOCK_OFFSET_DAYS: '30' });
    const shift = (await overviewTime(app)) - Date.now();
    assert.ok(Math.abs(shift - 30 * DAY_MS) < 60_000, `shifted by ${shift / DAY_MS} days`);
    assert.ok(Math.abs(app.now().getTime() - Date.now() - 30 * DAY_MS) < 60_000);
  });

  it('without it the app keeps the real date', async () => {
    app = await startTestApp();
    assert.ok(Math.abs((await overviewTime(app)) - Date.now()) < 60_000);
  });
});
