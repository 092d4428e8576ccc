import { strict as assert } from 'node:assert';
import { RateLimiter, TENANT_LIMITS } from '../../bot/reminders/limiter';

describe('reminders: rate limiter', () => {
  it('a wall clock stepping back does not stall a key for as long as it moved', () => {
    let now = Date.parse('2026-05-09T10:00:00Z');
    const limiter = new RateLimiter(
      () => TENANT_LIMITS,
      () => now,
    );
    assert.equal(limiter.tryAcquire(['t|a']), 0);
    assert.ok(limiter.tryAcquire(['t|a']) > 0, 'paced: the next send waits a few milliseconds');
    now = Date.parse('2026-05-05T12:00:00Z'); // four days back
    const wait = limiter.waitFor('t|a');
    assert.ok(wait <= 19, `waits at most the pacing gap, not four days (${wait} ms)`);
  });
});
