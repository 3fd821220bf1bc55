/**
 * Reads a candidate's reply to a slot proposal: a number ("2", "option 2"), an ordinal ("the
 * second one", "the last"), a day and/or time ("Tuesday at 3 works", "Tue 15:00", "8 December"),
 * or a refusal ("none of these work"). Times are read in the candidate's zone. Anything it cannot
 * tie to exactly one proposed slot comes back as `unknown` or `ambiguous` with a reason, never
 * as a guess and never as an exception.
 */
import { DateTime } from 'luxon';

export type SlotChoice =
  /** `index` counts from 0 in the proposed order. */
  | { readonly kind: 'chosen'; readonly index: number }
  | { readonly kind: 'none' }
  | { readonly kind: 'ambiguous'; readonly indexes: readonly number[]; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string };

const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
};

const WEEKDAYS: readonly (readonly [RegExp, number])[] = [
  [/\bmon(day)?\b/, 1],
  [/\btue(s|sday)?\b/, 2],
  [/\bwed(s|nesday)?\b/, 3],
  [/\bthu(r|rs|rsday)?\b/, 4],
  [/\bfri(day)?\b/, 5],
  [/\bsat(urday)?\b/, 6],
  [/\bsun(day)?\b/, 7],
];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = `(${MONTHS.join('|')})[a-z]*`;

const REFUSAL =
  /\b(none|neither|no(ne)? of (these|those|them|the (times|slots|options))|(don'?t|doesn'?t|do not|does not|won'?t|can'?t|cannot) (work|make|do)|not available|unavailable)\b/;

/**
 * @example parseSlotChoice('Tuesday at 3 works', slots, 'Europe/London') // { kind: 'chosen', index: 1 }
 * @example parseSlotChoice('none of these work', slots, 'Europe/London') // { kind: 'none' }
 */
export function parseSlotChoice(
  reply: string,
  slots: readonly { readonly start: Date }[],
  timeZone: string,
  /** For "today" and "tomorrow"; without it such replies are `unknown`. */
  now?: Date,
): SlotChoice {
  const text = reply
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9:'#\s.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return { kind: 'unknown', reason: 'the reply is empty' };
  if (slots.length === 0) return { kind: 'unknown', reason: 'no slots were proposed' };

  const byNumber = numberChoice(text);
  if (byNumber !== null) {
    if (byNumber === 'last') return { kind: 'chosen', index: slots.length - 1 };
    if (byNumber >= 1 && byNumber <= slots.length) return { kind: 'chosen', index: byNumber - 1 };
    return { kind: 'unknown', reason: `option ${byNumber} was not proposed (1 to ${slots.length})` };
  }
  const relative = relativeDay(text, timeZone, now);
  if (relative === 'no-clock') return { kind: 'unknown', reason: 'the reply names a day relative to today' };
  const found = dateAndTime(text);
  const wanted = relative === null ? found : { ...found, day: relative.day, month: relative.month };
  if (wanted === null) {
    if (REFUSAL.test(text)) return { kind: 'none' };
    return { kind: 'unknown', reason: 'no option number, day or time found in the reply' };
  }
  const matching = slots.flatMap((slot, index) => (matches(slot.start, timeZone, wanted) ? [index] : []));
  const described = describe(wanted);
  if (matching.length === 1 && matching[0] !== undefined) return { kind: 'chosen', index: matching[0] };
  if (matching.length === 0) {
    if (REFUSAL.test(text)) return { kind: 'none' };
    return { kind: 'unknown', reason: `no proposed slot is on ${described}` };
  }
  return { kind: 'ambiguous', indexes: matching, reason: `more than one proposed slot is on ${described}` };
}

/** "2", "option 2", "#2", "number 2", "the second one", "the last" → the number (from 1). */
function numberChoice(text: string): number | 'last' | null {
  const bare = /^(\d{1,2})[.)!]?( (please|thanks|thank you|works|is fine|is good))?[.!]?$/.exec(text);
  if (bare?.[1] !== undefined) return Number(bare[1]);
  const labelled = /(?:\b(?:option|slot|number|no\.?|choice) ?#? ?|#)(\d{1,2})\b/.exec(text);
  if (labelled?.[1] !== undefined) return Number(labelled[1]);
  const ordinal = new RegExp(`\\b(${Object.keys(ORDINALS).join('|')})\\b`).exec(text);
  // "the first of December" is a date, not the first option.
  if (ordinal?.[1] !== undefined && !new RegExp(`${ordinal[1]} (of )?${MONTH}`).test(text)) {
    return ORDINALS[ordinal[1]] ?? null;
  }
  if (/\b(the )?last (one|option|slot)?\b/.test(text) && !/\blast (week|month|time)\b/.test(text)) {
    return 'last';
  }
  return null;
}

/** "today" / "tomorrow" as a local date, read in the candidate's zone. */
function relativeDay(
  text: string,
  timeZone: string,
  now: Date | undefined,
): { day: number; month: number } | 'no-clock' | null {
  const word = /\b(today|tomorrow)\b/.exec(text)?.[1];
  if (word === undefined) return null;
  if (now === undefined) return 'no-clock';
  const date = DateTime.fromJSDate(now, { zone: timeZone }).plus({ days: word === 'tomorrow' ? 1 : 0 });
  return { day: date.day, month: date.month };
}

interface Wanted {
  readonly weekday?: number;
  readonly day?: number;
  readonly month?: number;
  readonly hour?: number;
  readonly minute?: number;
  /** An hour from 1 to 12 without am/pm: either half of the day. */
  readonly hourEitherHalf?: boolean;
}

function dateAndTime(text: string): Wanted | null {
  const wanted: { -readonly [K in keyof Wanted]: Wanted[K] } = {};
  for (const [pattern, weekday] of WEEKDAYS) {
    if (pattern.test(text)) {
      wanted.weekday = weekday;
      break;
    }
  }
  const dayMonth =
    new RegExp(`\\b(\\d{1,2})(st|nd|rd|th)? (of )?${MONTH}\\b`).exec(text) ??
    new RegExp(`\\b${MONTH} (\\d{1,2})(st|nd|rd|th)?\\b`).exec(text);
  if (dayMonth !== null) {
    const dayFirst = /^\d/.test(dayMonth[0]);
    const day = Number(dayFirst ? dayMonth[1] : dayMonth[2]);
    const monthName = dayFirst ? dayMonth[4] : dayMonth[1];
    wanted.day = day;
    wanted.month = MONTHS.indexOf(monthName ?? '') + 1;
  }
  const time =
    /\b(\d{1,2})[:.](\d{2}) ?(am|pm|a\.m\.|p\.m\.)?/.exec(text) ??
    /\b(\d{1,2}) ?(am|pm|a\.m\.|p\.m\.)/.exec(text) ??
    /\b(?:at|@|around|for) (\d{1,2})\b/.exec(text);
  if (time !== null) {
    const hasMinutes = time[2] !== undefined && /^\d{2}$/.test(time[2]);
    const meridiem = (hasMinutes ? time[3] : time[2])?.replace(/\./g, '');
    let hour = Number(time[1]);
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    if (hour <= 23) {
      wanted.hour = hour;
      wanted.minute = hasMinutes ? Number(time[2]) : undefined;
      wanted.hourEitherHalf = meridiem === undefined && hour >= 1 && hour <= 12;
    }
  }
  return Object.values(wanted).some((v) => v !== undefined) ? wanted : null;
}

function matches(start: Date, timeZone: string, wanted: Wanted): boolean {
  const local = DateTime.fromJSDate(start, { zone: timeZone });
  if (wanted.weekday !== undefined && local.weekday !== wanted.weekday) return false;
  if (wanted.day !== undefined && local.day !== wanted.day) return false;
  if (wanted.month !== undefined && wanted.month > 0 && local.month !== wanted.month) return false;
  if (wanted.hour !== undefined) {
    const hours = wanted.hourEitherHalf ? [wanted.hour, (wanted.hour % 12) + 12] : [wanted.hour];
    if (!hours.includes(local.hour)) return false;
    if (wanted.minute !== undefined && local.minute !== wanted.minute) return false;
  }
  return true;
}

function describe(wanted: Wanted): string {
  const parts: string[] = [];
  const weekdayNames = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  if (wanted.weekday !== undefined) parts.push(weekdayNames[wanted.weekday] ?? '');
  if (wanted.day !== undefined) parts.push(`${wanted.day} ${MONTHS[(wanted.month ?? 1) - 1] ?? ''}`);
  if (wanted.hour !== undefined) {
    const minute = String(wanted.minute ?? 0).padStart(2, '0');
    parts.push(`at ${wanted.hour}:${minute}`);
  }
  return parts.join(' ');
}
