// Business hours in a recipient's time zone, with daylight-saving changes and weekends. Pure: `now` in,
// an instant out. Uses only Intl, so any IANA zone the runtime knows works.

export interface BusinessHours {
  /** First local hour a message may be sent (0–23). */
  start: number;
  /** Local hour from which no message is sent (1–24, exclusive). */
  end: number;
  /** Also send on Saturdays and Sundays (default: weekdays only). */
  weekends?: boolean;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function localParts(instant: Date, timeZone: string): LocalParts {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) out[p.type] = p.value;
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    hour: Number(out.hour) % 24,
    minute: Number(out.minute),
    second: Number(out.second),
    weekday: WEEKDAYS.indexOf(out.weekday ?? ''),
  };
}

/** Milliseconds the zone's wall clock is ahead of UTC at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(new Date(instant), timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant the local wall-clock time occurs in `timeZone`. A time skipped by a DST jump resolves to the
 * same wall time measured with the offset in force before the jump (i.e. one hour later on the clock).
 */
export function zonedTime(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return new Date(guess);
}

function isWorkday(weekday: number, hours: BusinessHours): boolean {
  return hours.weekends === true || (weekday >= 1 && weekday <= 5);
}

/**
 * The earliest instant at or after `now` that falls inside business hours on a weekday in `timeZone`.
 * With `notBeforeDate` (a local calendar day `YYYY-MM-DD`), nothing earlier than that day's opening.
 */
export function nextSendTime(
  now: Date,
  timeZone: string,
  hours: BusinessHours,
  notBeforeDate?: string,
): Date {
  let from = now;
  if (notBeforeDate) {
    const [y, m, d] = notBeforeDate.split('-').map(Number) as [number, number, number];
    const opening = zonedTime(timeZone, y, m, d, hours.start);
    if (opening.getTime() > from.getTime()) from = opening;
  }
  const p = localParts(from, timeZone);
  const minutes = p.hour * 60 + p.minute;
  if (isWorkday(p.weekday, hours) && minutes >= hours.start * 60 && minutes < hours.end * 60) return from;

  // Walk local calendar days (at most a week) to the next weekday opening after `from`.
  for (let i = 0; i <= 7; i++) {
    const day = new Date(Date.UTC(p.year, p.month - 1, p.day + i));
    const weekday = day.getUTCDay();
    if (!isWorkday(weekday, hours)) continue;
    const opening = zonedTime(
      timeZone,
      day.getUTCFullYear(),
      day.getUTCMonth() + 1,
      day.getUTCDate(),
      hours.start,
    );
    if (opening.getTime() >= from.getTime()) return opening;
  }
  // Unreachable for sane hours; fall back to a day later rather than loop.
  return new Date(from.getTime() + 86_400_000);
}

/** The local calendar day (`YYYY-MM-DD`) of `instant` in `timeZone`. */
export function localDay(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/**
 * nextSendTime for a message worth sending only until the end of local day `lastDay`: when working-day hours
 * come too late, any day's hours; when those do too, now (a Saturday reminder of a Sunday expiry is not lost).
 */
export function sendTimeBy(
  now: Date,
  timeZone: string,
  hours: BusinessHours,
  lastDay: string | undefined,
  notBeforeDate?: string,
): Date {
  const slot = nextSendTime(now, timeZone, hours, notBeforeDate);
  if (!lastDay || localDay(slot, timeZone) <= lastDay) return slot;
  const anyDay = nextSendTime(now, timeZone, { ...hours, weekends: true }, notBeforeDate);
  if (localDay(anyDay, timeZone) <= lastDay) return anyDay;
  return now;
}

/** True when `now` is inside business hours on a weekday in `timeZone`. */
export function isBusinessTime(now: Date, timeZone: string, hours: BusinessHours): boolean {
  return nextSendTime(now, timeZone, hours).getTime() === now.getTime();
}
