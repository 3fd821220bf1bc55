/**
 * A small CalDAV client (RFC 4791) over Node's fetch: make a calendar collection, store and delete
 * events, and read the busy time of a calendar with a calendar-query REPORT and a time-range
 * filter (recurring events are expanded here with ical.js, so servers that cannot expand work).
 */
import { CandorError } from '../core/index.js';
import { busyIntervals } from './ics-read.js';
import type { Interval } from './interval.js';

export interface CalDavOptions {
  /** The calendar collection, ending in `/`: `http://127.0.0.1:5232/dana/interviews/`. */
  readonly calendarUrl: string;
  readonly username?: string | undefined;
  readonly password?: string | undefined;
  /** Per request, in ms; default 10,000. */
  readonly timeoutMs?: number;
}

export interface StoredEvent {
  /** The event resource's absolute URL. */
  readonly href: string;
  readonly etag: string | null;
}

export interface CalDavClient {
  readonly calendarUrl: string;
  /** Makes the calendar collection unless it exists (PROPFIND, then MKCALENDAR). */
  ensureCalendar(displayName?: string): Promise<'created' | 'exists'>;
  /** Stores an event as `<uid>.ics` (replacing any earlier version); METHOD is removed first. */
  putEvent(uid: string, ics: string): Promise<StoredEvent>;
  /** The stored ICS text of an event. */
  getEvent(href: string): Promise<string>;
  /** Deletes an event; an event already gone is not an error. */
  deleteEvent(href: string): Promise<void>;
  /** Busy intervals overlapping `range`, sorted by start; cancelled and transparent events skipped. */
  busy(range: Interval): Promise<Interval[]>;
}

const CALDAV = 'urn:ietf:params:xml:ns:caldav';

/**
 * @example
 * const calendar = createCalDavClient({ calendarUrl: 'http://127.0.0.1:5232/dana/interviews/', username: 'dana', password: 's3cret' })
 * await calendar.ensureCalendar('Interviews')
 * const busy = await calendar.busy({ start, end })
 */
export function createCalDavClient(options: CalDavOptions): CalDavClient {
  const calendarUrl = options.calendarUrl.endsWith('/') ? options.calendarUrl : `${options.calendarUrl}/`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const authorization =
    options.username === undefined
      ? undefined
      : `Basic ${Buffer.from(`${options.username}:${options.password ?? ''}`).toString('base64')}`;

  async function send(
    method: string,
    url: string,
    init: { body?: string; headers?: Record<string, string>; accept?: readonly number[] } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    if (authorization !== undefined) headers.authorization = authorization;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        ...(init.body === undefined ? {} : { body: init.body }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason = describeFetchError(error);
      throw new CandorError(
        'CALENDAR_UNAVAILABLE',
        `CalDAV ${method} ${url}: server unreachable (${reason})`,
        { url, method, reason },
        { cause: error },
      );
    }
    const accepted = init.accept ?? [];
    if (!response.ok && !accepted.includes(response.status)) {
      const body = (await response.text().catch(() => '')).slice(0, 300);
      throw new CandorError(
        'CALENDAR_UNAVAILABLE',
        `CalDAV ${method} ${url} answered ${response.status} ${response.statusText}`.trim(),
        { url, method, status: response.status, body },
      );
    }
    return response;
  }

  return {
    calendarUrl,

    async ensureCalendar(displayName) {
      const found = await send('PROPFIND', calendarUrl, {
        headers: { depth: '0', 'content-type': 'application/xml; charset=utf-8' },
        body: `<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>`,
        accept: [404],
      });
      const text = await found.text();
      if (found.status !== 404) {
        if (/<([\w-]+:)?calendar\s*\/>/.test(text)) return 'exists';
        throw new CandorError(
          'CALENDAR_UNAVAILABLE',
          `CalDAV ${calendarUrl} exists but is not a calendar collection`,
          { url: calendarUrl, status: found.status },
        );
      }
      const name =
        displayName === undefined ? '' : `<d:displayname>${escapeXml(displayName)}</d:displayname>`;
      await send('MKCALENDAR', calendarUrl, {
        headers: { 'content-type': 'application/xml; charset=utf-8' },
        body: `<?xml version="1.0" encoding="utf-8"?><c:mkcalendar xmlns:d="DAV:" xmlns:c="${CALDAV}"><d:set><d:prop>${name}<c:supported-calendar-component-set><c:comp name="VEVENT"/></c:supported-calendar-component-set></d:prop></d:set></c:mkcalendar>`,
      });
      return 'created';
    },

    async putEvent(uid, ics) {
      const href = new URL(`${encodeURIComponent(uid)}.ics`, calendarUrl).toString();
      // RFC 4791 §4.1: a stored calendar object resource must not carry METHOD (an iTIP property).
      const body = ics.replace(/^METHOD:[^\r\n]*\r?\n/m, '');
      const response = await send('PUT', href, {
        headers: { 'content-type': 'text/calendar; charset=utf-8' },
        body,
      });
      return { href, etag: response.headers.get('etag') };
    },

    async getEvent(href) {
      const response = await send('GET', href);
      return response.text();
    },

    async deleteEvent(href) {
      await send('DELETE', href, { accept: [404] });
    },

    async busy(range) {
      const response = await send('REPORT', calendarUrl, {
        headers: { depth: '1', 'content-type': 'application/xml; charset=utf-8' },
        body:
          `<?xml version="1.0" encoding="utf-8"?>` +
          `<c:calendar-query xmlns:d="DAV:" xmlns:c="${CALDAV}">` +
          `<d:prop><c:calendar-data/></d:prop>` +
          `<c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT">` +
          `<c:time-range start="${caldavTime(range.start)}" end="${caldavTime(range.end)}"/>` +
          `</c:comp-filter></c:comp-filter></c:filter></c:calendar-query>`,
      });
      const text = await response.text();
      const busy = calendarData(text).flatMap((ics) => busyIntervals(ics, range));
      return busy.sort((a, b) => a.start.getTime() - b.start.getTime());
    },
  };
}

/** UTC date-time as CalDAV's time-range wants it: `20261207T090000Z`. */
function caldavTime(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The text of every `calendar-data` element of a multistatus response, XML entities decoded. */
export function calendarData(multistatus: string): string[] {
  const found: string[] = [];
  const element = /<([\w-]+:)?calendar-data\b[^>]*>([\s\S]*?)<\/([\w-]+:)?calendar-data>/g;
  for (const match of multistatus.matchAll(element)) {
    const raw = match[2] ?? '';
    const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(raw);
    found.push(cdata === null ? decodeXml(raw) : (cdata[1] ?? ''));
  }
  return found.filter((text) => text.trim() !== '');
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[lower] ?? '';
  });
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const code = (cause as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string') return code;
    if (error.name === 'TimeoutError') return 'timed out';
    return error.message;
  }
  return String(error);
}
