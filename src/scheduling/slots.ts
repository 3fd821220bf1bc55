/**
 * Slot proposals: times an interview of D minutes fits every interviewer's working hours (in
 * their own zone), misses their calendar's busy time and Candor's bookings, keeps each one under
 * a daily cap of interviews and gives the candidate enough notice; spread over different days
 * when possible and labelled in the candidate's zone. Pure: busy time and `now` come in.
 */
import { DateTime } from 'luxon';
import { overlaps, type Interval } from './interval.js';

export interface WorkingHours {
  /** ISO weekdays, 1 = Monday … 7 = Sunday; default Monday to Friday. */
  readonly days: readonly number[];
  /** Local time `HH:mm` the day starts; default 09:00. */
  readonly start: string;
  /** Local time `HH:mm` the day ends; default 17:00. */
  readonly end: string;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

export interface InterviewerAvailability {
  readonly id: string;
  /** IANA zone of the working hours and of the daily cap's days. */
  readonly timeZone: string;
  readonly workingHours?: WorkingHours;
  /** Most interviews per local day; default 4. */
  readonly dailyCap?: number;
  /** Busy time from the interviewer's calendar (CalDAV). */
  readonly busy: readonly Interval[];
  /** Candor's tentative and confirmed bookings: block their time and count against the cap. */
  readonly bookings: readonly Interval[];
}

export interface SlotRequest {
  readonly interviewers: readonly InterviewerAvailability[];
  readonly durationMinutes: number;
  readonly candidateTimeZone: string;
  readonly now: Date;
  /** How many slots to propose; default 3. */
  readonly count?: number;
  /** Earliest start after `now`, in hours; default 24. */
  readonly minNoticeHours?: number;
  /** How far ahead to look, in days; default 14. */
  readonly horizonDays?: number;
  /** Start times fall on multiples of this many minutes of the hour; default 30. */
  readonly stepMinutes?: number;
  /** `all`: a panel, every interviewer attends (default); `any`: one of them, the least booked. */
  readonly attendance?: 'all' | 'any';
}

export interface ProposedSlot {
  readonly start: Date;
  readonly end: Date;
  readonly interviewerIds: readonly string[];
  /** In the candidate's zone: `Tuesday 8 December, 15:00 (Europe/London)`. */
  readonly label: string;
}

/**
 * @example
 * proposeSlots({ interviewers: [{ id: 'usr_dana', timeZone: 'Europe/Berlin', busy, bookings: [] }],
 *   durationMinutes: 45, candidateTimeZone: 'Europe/London', now: new Date() })
 * // [{ start, end, interviewerIds: ['usr_dana'], label: 'Tuesday 8 December, 09:00 (Europe/London)' }, …]
 */
export function proposeSlots(request: SlotRequest): ProposedSlot[] {
  const count = request.count ?? 3;
  const stepMs = (request.stepMinutes ?? 30) * 60_000;
  const durationMs = request.durationMinutes * 60_000;
  const earliest = request.now.getTime() + (request.minNoticeHours ?? 24) * 3_600_000;
  const horizon = request.now.getTime() + (request.horizonDays ?? 14) * 86_400_000;
  if (request.interviewers.length === 0 || count <= 0 || durationMs <= 0) return [];

  const feasible: { slot: Interval; interviewerIds: string[] }[] = [];
  for (let at = Math.ceil(earliest / stepMs) * stepMs; at + durationMs <= horizon; at += stepMs) {
    const slot = { start: new Date(at), end: new Date(at + durationMs) };
    const free = request.interviewers.filter((interviewer) => isFree(interviewer, slot));
    if (request.attendance === 'any') {
      const chosen = leastBooked(free, slot);
      if (chosen !== undefined) feasible.push({ slot, interviewerIds: [chosen.id] });
    } else if (free.length === request.interviewers.length) {
      feasible.push({ slot, interviewerIds: free.map((i) => i.id) });
    }
  }

  // The earliest slot of each of the candidate's days first, then the earliest of the rest.
  const picked: typeof feasible = [];
  const days = new Set<string>();
  for (const option of feasible) {
    if (picked.length >= count) break;
    const day = candidateDay(option.slot.start, request.candidateTimeZone);
    if (days.has(day)) continue;
    days.add(day);
    picked.push(option);
  }
  for (const option of feasible) {
    if (picked.length >= count) break;
    if (!picked.some((p) => overlaps(p.slot, option.slot))) picked.push(option);
  }
  return picked
    .sort((a, b) => a.slot.start.getTime() - b.slot.start.getTime())
    .map(({ slot, interviewerIds }) => ({
      ...slot,
      interviewerIds,
      label: slotLabel(slot.start, request.candidateTimeZone),
    }));
}

/**
 * A slot's start as the candidate reads it.
 * @example slotLabel(new Date('2026-12-08T15:00:00Z'), 'Europe/London') // 'Tuesday 8 December, 15:00 (Europe/London)'
 */
export function slotLabel(start: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(start, { zone: timeZone }).setLocale('en-GB');
  return `${local.toFormat('cccc d LLLL, HH:mm')} (${timeZone})`;
}

function isFree(interviewer: InterviewerAvailability, slot: Interval): boolean {
  if (!withinWorkingHours(interviewer, slot)) return false;
  if (interviewer.busy.some((busy) => overlaps(busy, slot))) return false;
  if (interviewer.bookings.some((booking) => overlaps(booking, slot))) return false;
  return bookingsOnDay(interviewer, slot.start) < (interviewer.dailyCap ?? 4);
}

function withinWorkingHours(interviewer: InterviewerAvailability, slot: Interval): boolean {
  const hours = interviewer.workingHours ?? DEFAULT_WORKING_HOURS;
  const start = DateTime.fromJSDate(slot.start, { zone: interviewer.timeZone });
  const end = DateTime.fromJSDate(slot.end, { zone: interviewer.timeZone });
  if (!hours.days.includes(start.weekday)) return false;
  const dayStart = atLocalTime(start, hours.start);
  const dayEnd = atLocalTime(start, hours.end);
  return start >= dayStart && end <= dayEnd;
}

function atLocalTime(day: DateTime, hhmm: string): DateTime {
  const [hour = 0, minute = 0] = hhmm.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

function bookingsOnDay(interviewer: InterviewerAvailability, at: Date): number {
  const day = DateTime.fromJSDate(at, { zone: interviewer.timeZone }).toISODate();
  return interviewer.bookings.filter(
    (b) => DateTime.fromJSDate(b.start, { zone: interviewer.timeZone }).toISODate() === day,
  ).length;
}

function leastBooked(
  free: readonly InterviewerAvailability[],
  slot: Interval,
): InterviewerAvailability | undefined {
  return [...free].sort((a, b) => bookingsOnDay(a, slot.start) - bookingsOnDay(b, slot.start))[0];
}

function candidateDay(start: Date, timeZone: string): string {
  return DateTime.fromJSDate(start, { zone: timeZone }).toISODate() ?? '';
}
