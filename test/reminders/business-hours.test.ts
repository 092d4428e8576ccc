import { strict as assert } from 'node:assert';
import { checkServiceUrl } from '../../bot/reminders/allowlist';
import { isBusinessTime, nextSendTime } from '../../bot/reminders/business-hours';

const H = { start: 9, end: 17 };
const at = (iso: string) => new Date(iso);

describe('reminders: business hours and time zones', () => {
  it('inside hours on a weekday: now', () => {
    const now = at('2025-06-04T10:30:00Z'); // Wednesday, Lisbon UTC+1 → 11:30
    assert.equal(nextSendTime(now, 'Europe/Lisbon', H).toISOString(), now.toISOString());
    assert.ok(isBusinessTime(now, 'Europe/Lisbon', H));
  });

  it('before opening: that morning at opening, local time', () => {
    // 06:00 in São Paulo (UTC-3) on a Wednesday → 09:00 local = 12:00Z
    assert.equal(
      nextSendTime(at('2025-06-04T09:00:00Z'), 'America/Sao_Paulo', H).toISOString(),
      '2025-06-04T12:00:00.000Z',
    );
  });

  it('after closing on Friday: Monday opening (weekend skipped)', () => {
    // Friday 18:00 in Madrid (UTC+2) → Monday 09:00 Madrid = 07:00Z
    assert.equal(
      nextSendTime(at('2025-06-06T16:00:00Z'), 'Europe/Madrid', H).toISOString(),
      '2025-06-09T07:00:00.000Z',
    );
    // Saturday → Monday, unless weekends are allowed
    assert.equal(
      nextSendTime(at('2025-06-07T12:00:00Z'), 'Europe/Madrid', H).toISOString(),
      '2025-06-09T07:00:00.000Z',
    );
    assert.equal(
      nextSendTime(at('2025-06-07T12:00:00Z'), 'Europe/Madrid', { ...H, weekends: true }).toISOString(),
      '2025-06-07T12:00:00.000Z',
    );
  });

  it('the same instant is a different business day in different zones', () => {
    const now = at('2025-06-05T23:30:00Z'); // Thu 23:30Z = Fri 08:30 in Tokyo, Thu 20:30 in São Paulo
    assert.equal(nextSendTime(now, 'Asia/Tokyo', H).toISOString(), '2025-06-06T00:00:00.000Z'); // Fri 09:00 JST
    assert.equal(nextSendTime(now, 'America/Sao_Paulo', H).toISOString(), '2025-06-06T12:00:00.000Z'); // Fri 09:00 BRT
  });

  it('DST spring forward (Europe/Lisbon, 30 March 2025): opening moves one hour earlier in UTC', () => {
    // Friday 28 March after closing → Monday 31 March 09:00 WEST (UTC+1) = 08:00Z, not 09:00Z
    assert.equal(
      nextSendTime(at('2025-03-28T18:00:00Z'), 'Europe/Lisbon', H).toISOString(),
      '2025-03-31T08:00:00.000Z',
    );
    assert.equal(
      nextSendTime(at('2025-03-27T18:00:00Z'), 'Europe/Lisbon', H).toISOString(),
      '2025-03-28T09:00:00.000Z',
    );
  });

  it('DST fall back (America/New_York, 2 November 2025): opening moves one hour later in UTC', () => {
    assert.equal(
      nextSendTime(at('2025-10-31T22:00:00Z'), 'America/New_York', H).toISOString(),
      '2025-11-03T14:00:00.000Z',
    );
    assert.equal(
      nextSendTime(at('2025-10-30T22:00:00Z'), 'America/New_York', H).toISOString(),
      '2025-10-31T13:00:00.000Z',
    );
  });

  it('closing hour is exclusive; 24 means midnight', () => {
    assert.equal(
      nextSendTime(at('2025-06-04T17:00:00Z'), 'UTC', H).toISOString(),
      '2025-06-05T09:00:00.000Z',
    );
    const late = at('2025-06-04T23:59:00Z');
    assert.equal(nextSendTime(late, 'UTC', { start: 0, end: 24 }).toISOString(), late.toISOString());
  });

  it('a reminder sendable from a later local day waits for that day', () => {
    // Sendable on Tuesday 10 June in Tokyo; asked on Wednesday 4 June → Tue 09:00 JST = Tue 00:00Z
    assert.equal(
      nextSendTime(at('2025-06-04T03:00:00Z'), 'Asia/Tokyo', H, '2025-06-10').toISOString(),
      '2025-06-10T00:00:00.000Z',
    );
    // Sendable on a Saturday → the Monday after
    assert.equal(
      nextSendTime(at('2025-06-04T03:00:00Z'), 'UTC', H, '2025-06-07').toISOString(),
      '2025-06-09T09:00:00.000Z',
    );
    // Sendable on a past day: no effect
    const now = at('2025-06-04T10:00:00Z');
    assert.equal(nextSendTime(now, 'UTC', H, '2025-06-01').toISOString(), now.toISOString());
  });
});

describe('reminders: service URL allowlist', () => {
  it('allows the Teams and Bot Framework hosts over https', () => {
    for (const url of [
      'https://smba.trafficmanager.net/amer/',
      'https://smba.trafficmanager.net/emea/',
      'https://smba.trafficmanager.net/teams/',
      'https://smba.infra.gcc.teams.microsoft.com/teams',
      'https://smba.infra.gov.teams.microsoft.us/teams',
      'https://directline.botframework.com/',
    ]) {
      assert.ok(checkServiceUrl(url).ok, url);
    }
  });

  it('refuses look-alikes, plain http, other ports and embedded credentials', () => {
    for (const url of [
      'http://smba.trafficmanager.net/amer/',
      'https://smba.trafficmanager.net.evil.example/amer/',
      'https://evilbotframework.com/',
      'https://smba.trafficmanager.net:8443/amer/',
      'https://user:pw@smba.trafficmanager.net/amer/',
      'https://127.0.0.1:3979/',
      'not a url',
      undefined,
    ]) {
      assert.equal(checkServiceUrl(url).ok, false, String(url));
    }
  });

  it('configured extras: origin, host:port, bare host and wildcard', () => {
    assert.ok(checkServiceUrl('http://127.0.0.1:3979/', ['http://127.0.0.1:3979']).ok);
    assert.equal(checkServiceUrl('http://127.0.0.1:3980/', ['http://127.0.0.1:3979']).ok, false);
    assert.ok(checkServiceUrl('http://localhost:56150/_connector', ['localhost:56150']).ok);
    assert.ok(checkServiceUrl('http://localhost:1/', ['localhost']).ok);
    assert.ok(checkServiceUrl('https://a.dev.example/', ['*.dev.example']).ok);
    assert.equal(checkServiceUrl('https://dev.example.evil/', ['*.dev.example']).ok, false);
  });
});
