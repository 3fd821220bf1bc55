/**
 * The "when" of an action item: finds a due phrase in a sentence ("Friday", "by end of month",
 * "tomorrow", "March 3", "in two weeks") and resolves it against the meeting's date with Luxon.
 *
 * Conventions (English business usage; each is a choice, written here so a reader can disagree):
 * - a bare weekday ("Friday", "by Thursday") is its next occurrence after the meeting day;
 * - "this Friday" is the Friday of the meeting's week, or the next one if it has passed;
 * - "next Friday" is the Friday of the following calendar week (ISO weeks start on Monday);
 * - "end of (the) week" is the Friday of the meeting's week; "end of (the) month/quarter/year" its
 *   last day; "end of (the) day", "today", "tonight" the meeting day;
 * - "next week/month" resolves to the first day of that period (precision `week`/`month`);
 * - a month and day without a year ("March 3") is the next such date on or after the meeting day;
 * - "by the 15th" is the 15th of the meeting's month, or of the next month once it has passed.
 */
import { DateTime } from 'luxon';

export type DuePrecision = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface Due {
  /** The words as said, e.g. "by end of month". */
  readonly phrase: string;
  /** ISO date (yyyy-mm-dd) it resolves to, or null when no meeting date was given. */
  readonly date: string | null;
  /** How exact the date is: "next week" is a week, "Friday" a day. */
  readonly precision: DuePrecision;
}

const WEEKDAYS: Record<string, number> = {
  monday: 1,
  tuesday: 2,
  tues: 2,
  wednesday: 3,
  weds: 3,
  thursday: 4,
  thurs: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};
const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  couple: 2,
  'a couple of': 2,
};

const LEAD = String.raw`(?:(?:by|before|until|till|on|due|for|no later than|at the latest by)\s+)?`;
const WEEKDAY = String.raw`(monday|tuesday|tues|wednesday|weds|thursday|thurs|friday|saturday|sunday)`;
const MONTH = String.raw`(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)`;

interface Pattern {
  readonly re: RegExp;
  readonly resolve: (m: RegExpExecArray, day: DateTime) => { date: DateTime; precision: DuePrecision } | null;
}

const endOf = (unit: 'day' | 'week' | 'month' | 'quarter' | 'year', day: DateTime): DateTime => {
  if (unit === 'day') return day;
  if (unit === 'week') return day.startOf('week').plus({ days: 4 });
  return day.endOf(unit).startOf('day');
};

const PATTERNS: readonly Pattern[] = [
  {
    // ISO date: 2026-12-11
    re: new RegExp(String.raw`\b${LEAD}(\d{4})-(\d{2})-(\d{2})\b`, 'i'),
    resolve: (m, day) => {
      const d = DateTime.fromObject(
        { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) },
        { zone: day.zone },
      );
      return d.isValid ? { date: d, precision: 'day' } : null;
    },
  },
  {
    // end of (the) day/week/month/quarter/year, EOD, EOW, EOM
    re: new RegExp(
      String.raw`\b${LEAD}(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(day|week|month|quarter|year)|(eod|eow|eom|cob))\b`,
      'i',
    ),
    resolve: (m, day) => {
      const word = (m[1] ?? m[2] ?? '').toLowerCase();
      const unit =
        word === 'eod' || word === 'cob'
          ? 'day'
          : word === 'eow'
            ? 'week'
            : word === 'eom'
              ? 'month'
              : (word as 'day' | 'week' | 'month' | 'quarter' | 'year');
      return { date: endOf(unit, day), precision: 'day' };
    },
  },
  {
    re: new RegExp(
      String.raw`\b${LEAD}(the day after tomorrow|tomorrow|today|tonight|this (?:morning|afternoon|evening))\b`,
      'i',
    ),
    resolve: (m, day) => {
      const word = (m[1] ?? '').toLowerCase();
      const offset = word === 'the day after tomorrow' ? 2 : word === 'tomorrow' ? 1 : 0;
      return { date: day.plus({ days: offset }), precision: 'day' };
    },
  },
  {
    // (this|next|coming)? weekday
    re: new RegExp(String.raw`\b${LEAD}(?:(this|next|coming|the coming)\s+)?${WEEKDAY}\b`, 'i'),
    resolve: (m, day) => {
      const which = (m[1] ?? '').toLowerCase();
      const target = WEEKDAYS[(m[2] ?? '').toLowerCase()];
      if (target === undefined) return null;
      if (which === 'next')
        return { date: day.startOf('week').plus({ weeks: 1, days: target - 1 }), precision: 'day' };
      if (which === 'this') {
        const inWeek = day.startOf('week').plus({ days: target - 1 });
        if (inWeek >= day) return { date: inWeek, precision: 'day' };
      }
      const ahead = (target - day.weekday + 7) % 7 || 7;
      return { date: day.plus({ days: ahead }), precision: 'day' };
    },
  },
  {
    // Month day: "March 3", "Dec. 15th"; day month: "3rd of March", "15 December"
    re: new RegExp(
      String.raw`\b${LEAD}(?:${MONTH}\.?\s+(\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH})\b`,
      'i',
    ),
    resolve: (m, day) => {
      const month = MONTHS[(m[1] ?? m[4] ?? '').toLowerCase()];
      const date = Number(m[2] ?? m[3]);
      if (month === undefined) return null;
      let d = DateTime.fromObject({ year: day.year, month, day: date }, { zone: day.zone });
      if (!d.isValid) return null;
      if (d < day) d = d.plus({ years: 1 });
      return { date: d, precision: 'day' };
    },
  },
  {
    // "by the 15th": that day of the meeting's month, or of the next month once it has passed
    re: /\b(?:by|on|before|until|till|due)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[a-z]*(?:uary|ember|ch|il|y|e|ust|ober))/i,
    resolve: (m, day) => {
      const date = Number(m[1]);
      let d = DateTime.fromObject({ year: day.year, month: day.month, day: date }, { zone: day.zone });
      if (d.isValid && d < day) d = d.plus({ months: 1 });
      return d.isValid ? { date: d, precision: 'day' } : null;
    },
  },
  {
    // in N days/weeks/months
    re: /\b(?:with)?in\s+(a couple of|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(day|week|month)s?\b/i,
    resolve: (m, day) => {
      const raw = (m[1] ?? '').toLowerCase();
      const n = NUMBERS[raw] ?? Number(raw);
      if (!Number.isFinite(n)) return null;
      const unit = (m[2] ?? 'day').toLowerCase() as 'day' | 'week' | 'month';
      return { date: day.plus({ [`${unit}s`]: n }), precision: 'day' };
    },
  },
  {
    // this/next week, month, quarter, year
    re: new RegExp(String.raw`\b${LEAD}(this|next|the coming)\s+(week|month|quarter|year)\b`, 'i'),
    resolve: (m, day) => {
      const unit = (m[2] ?? 'week').toLowerCase() as 'week' | 'month' | 'quarter' | 'year';
      const start = day.startOf(unit);
      const which = (m[1] ?? '').toLowerCase();
      return { date: which === 'this' ? start : start.plus({ [`${unit}s`]: 1 }), precision: unit };
    },
  },
];

/**
 * The first due phrase in `text`, resolved against `meetingDate` when given.
 * @example findDue('I will send it by Friday.', DateTime.fromISO('2026-12-02'))?.date === '2026-12-04'
 */
export function findDue(text: string, meetingDate?: DateTime | null): Due | null {
  let best: { index: number; phrase: string; pattern: Pattern; match: RegExpExecArray } | null = null;
  for (const pattern of PATTERNS) {
    const match = pattern.re.exec(text);
    if (match && (best === null || match.index < best.index))
      best = { index: match.index, phrase: match[0].trim(), pattern, match };
  }
  if (best === null) return null;
  // "May" is also a modal verb: only a month when a day number is next to it.
  if (/^(?:\w+\s+)?may$/i.test(best.phrase)) return null;
  const day = meetingDate?.isValid ? meetingDate.startOf('day') : null;
  const anchor = day ?? DateTime.fromObject({ year: 2000, month: 1, day: 3 });
  const resolved = best.pattern.resolve(best.match, anchor);
  if (resolved === null) return null;
  return {
    phrase: best.phrase,
    date: day === null && !/\d{4}-\d{2}-\d{2}/.test(best.phrase) ? null : resolved.date.toISODate(),
    precision: resolved.precision,
  };
}
