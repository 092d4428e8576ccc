// Date helpers for the projection: the domain's calendar arithmetic, plus elapsed whole days of an instant.
export { addDays, addMonths, daysBetween, localDate } from '../program';

const DAY_MS = 86_400_000;

/** Whole days elapsed between an instant and now (never negative). */
export function daysSince(instant: string, now: Date): number {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.floor((now.getTime() - t) / DAY_MS));
}
