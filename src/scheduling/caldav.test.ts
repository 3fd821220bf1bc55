import { afterAll, beforeAll, expect, it } from 'vitest';
import { need, requires } from '../test-helpers.js';
import { createCalDavClient } from './caldav.js';
import { cancelIcs, cancelled, requestIcs, type Invitation } from './ics.js';
import { readIcs } from './ics-read.js';
import { startRadicale, type RadicaleServer } from './radicale-test-server.js';

const stamp = new Date('2026-12-01T08:00:00Z');
const week = { start: new Date('2026-12-07T00:00:00Z'), end: new Date('2026-12-14T00:00:00Z') };

function meeting(uid: string, start: string, minutes: number): Invitation {
  const startDate = new Date(start);
  return {
    uid,
    sequence: 0,
    start: startDate,
    end: new Date(startDate.getTime() + minutes * 60_000),
    timeZone: 'Europe/Berlin',
    summary: 'Busy',
    description: 'Team meeting',
    organizer: { name: 'Dana Lee', email: 'dana@candor.test' },
    candidate: { name: 'Someone', email: 'someone@example.org' },
    interviewers: [],
  };
}

requires(need.tool('radicale')).describe('CalDAV client against Radicale', () => {
  let radicale: RadicaleServer;
  beforeAll(async () => {
    radicale = await startRadicale({ dana: 'secret' });
  });
  afterAll(() => radicale?.stop());

  const client = () =>
    createCalDavClient({
      calendarUrl: radicale.calendarUrl('dana', 'interviews'),
      username: 'dana',
      password: 'secret',
    });

  it('creates the calendar once, then finds it', async () => {
    expect(await client().ensureCalendar('Interviews')).toBe('created');
    expect(await client().ensureCalendar('Interviews')).toBe('exists');
  });

  it('stores, reads back, lists as busy, cancels and deletes an event', async () => {
    const calendar = client();
    await calendar.ensureCalendar();
    const event = meeting('meeting-1@candor.test', '2026-12-08T10:00:00Z', 60);
    const stored = await calendar.putEvent(event.uid, requestIcs(event, { stamp }));
    expect(stored.href).toMatch(/meeting-1%40candor\.test\.ics$/);

    const back = readIcs(await calendar.getEvent(stored.href));
    expect(back.method).toBeNull();
    expect(back.events[0]).toMatchObject({ uid: event.uid, localStart: '2026-12-08T11:00:00' });

    const busy = await calendar.busy(week);
    expect(busy.map((b) => [b.start.toISOString(), b.end.toISOString()])).toEqual([
      ['2026-12-08T10:00:00.000Z', '2026-12-08T11:00:00.000Z'],
    ]);
    expect(await calendar.busy({ start: week.end, end: new Date('2026-12-20T00:00:00Z') })).toEqual([]);

    // A cancelled version (same UID, higher SEQUENCE) no longer blocks the time.
    await calendar.putEvent(event.uid, cancelIcs(cancelled(event), { stamp }));
    expect(await calendar.busy(week)).toEqual([]);

    await calendar.deleteEvent(stored.href);
    await calendar.deleteEvent(stored.href);
    await expect(calendar.getEvent(stored.href)).rejects.toMatchObject({
      code: 'CALENDAR_UNAVAILABLE',
      details: { status: 404, url: stored.href },
    });
  });

  it('names the URL and status when the server refuses (wrong password)', async () => {
    const calendar = createCalDavClient({
      calendarUrl: radicale.calendarUrl('dana', 'interviews'),
      username: 'dana',
      password: 'wrong',
    });
    const error = await calendar.busy(week).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CALENDAR_UNAVAILABLE', details: { status: 401 } });
    expect((error as Error).message).toContain(radicale.calendarUrl('dana', 'interviews'));
    expect((error as Error).message).toContain('401');
  });

  it('names the URL when nothing listens there', async () => {
    const calendar = createCalDavClient({ calendarUrl: 'http://127.0.0.1:9/nobody/cal/', timeoutMs: 2000 });
    const error = await calendar.busy(week).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CALENDAR_UNAVAILABLE' });
    expect((error as Error).message).toContain('http://127.0.0.1:9/nobody/cal/');
    expect((error as Error).message).toContain('unreachable');
  });
});
