/**
 * Business days (Monday to Friday) for the dates candidates are promised: "we will get back to
 * you by Thursday, 26 November". Public holidays are not known to Candor and are not skipped.
 */

const DAY_MS = 86_400_000;

/**
 * The date `days` business days after `from` (UTC), as `YYYY-MM-DD`. Counting starts the next
 * day, so a Friday plus 1 is the Monday after; a Saturday plus 1 is also that Monday.
 * @throws RangeError when days is not a whole number from 0
 * @example addBusinessDays(new Date('2026-11-19T10:00:00Z'), 5) // '2026-11-26'
 */
export function addBusinessDays(from: Date, days: number): string {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`business days must be a whole number from 0, got ${days}`);
  let t = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  let left = days;
  while (left > 0) {
    t += DAY_MS;
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(t).toISOString().slice(0, 10);
}
