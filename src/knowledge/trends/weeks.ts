/** ISO-8601 weeks (Monday start, UTC) as the trends count them. */

const DAY_MS = 86_400_000;

/**
 * The Monday (UTC) of the ISO week holding a time, as `YYYY-MM-DD`.
 * @example isoWeekOf(new Date('2026-03-01T10:00:00Z')) // '2026-02-23' (a Sunday's week)
 */
export function isoWeekOf(time: Date): string {
  const day = Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate());
  // getUTCDay: Sunday 0 … Saturday 6; days since Monday: Sunday 6, Monday 0.
  const sinceMonday = (time.getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The week `n` weeks after (negative: before) a week's Monday.
 * @example addWeeks('2026-03-02', -1) // '2026-02-23'
 */
export function addWeeks(week: string, n: number): string {
  return new Date(Date.parse(`${week}T00:00:00.000Z`) + n * 7 * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Every week's Monday from `first` to `last`, both included (none when `first` is after `last`).
 * @example weeksBetween('2026-02-23', '2026-03-09') // ['2026-02-23', '2026-03-02', '2026-03-09']
 */
export function weeksBetween(first: string, last: string): string[] {
  const weeks: string[] = [];
  for (let w = first; w <= last; w = addWeeks(w, 1)) weeks.push(w);
  return weeks;
}

/**
 * The last week that has ended by `now` (the week before `now`'s own).
 * @example lastCompleteWeek(new Date('2026-03-04T12:00:00Z')) // '2026-02-23'
 */
export function lastCompleteWeek(now: Date): string {
  return addWeeks(isoWeekOf(now), -1);
}
