/**
 * Scheduling from end to end against real parts: Radicale for the interviewer's calendar, the
 * embedded SQLite store for bookings, ical.js to read back what was stored.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../core/index.js';
import { openStore, type Store } from '../store/index.js';
import { seedInterview } from '../store/store-fixtures.suite.js';
import { need, requires } from '../test-helpers.js';
import {
  bookingUid,
  cancelIcs,
  cancelled,
  createCalDavClient,
  overlaps,
  parseSlotChoice,
  proposeSlots,
  readIcs,
  requestIcs,
  rescheduled,
  type Interval,
  type Invitation,
} from './index.js';
import { startRadicale, type RadicaleServer } from './radicale-test-server.js';

// Sunday 6 December 2026, 08:00 UTC; the next two weeks are looked at.
const now = new Date('2026-12-06T08:00:00Z');
const horizon: Interval = { start: now, end: new Date('2026-12-20T08:00:00Z') };
const stamp = now;
const span = (start: string, end: string): Interval => ({ start: new Date(start), end: new Date(end) });

requires(need.tool('radicale')).describe('scheduling journey (Radicale + SQLite)', () => {
  let radicale: RadicaleServer;
  let store: Store;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-scheduling-'));
  beforeAll(async () => {
    radicale = await startRadicale({ dana: 'secret' });
    store = await openStore({ dataDir });
  });
  afterAll(async () => {
    await store?.close();
    await radicale?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('proposes around busy time, books the candidate’s choice, invites, reschedules and cancels', async () => {
    const calendar = createCalDavClient({
      calendarUrl: radicale.calendarUrl('dana', 'interviews'),
      username: 'dana',
      password: 'secret',
    });
    await calendar.ensureCalendar('Interviews');
    const { workspace, application } = await seedInterview(store, 'Casey Morgan');
    const dana = await store.users.create({
      workspaceId: workspace.id,
      email: `${newId('dana')}@candor.test`,
      name: 'Dana Lee',
      role: 'hiring_manager',
      password: 'a long enough password',
    });
    const danaZone = 'Europe/Berlin';
    const candidateZone = 'Europe/London';

    // Monday 09:00–10:00 Berlin is a team meeting in Dana's calendar.
    const meeting = span('2026-12-07T08:00:00Z', '2026-12-07T09:00:00Z');
    await calendar.putEvent(
      'team-meeting@candor.test',
      requestIcs(
        {
          uid: 'team-meeting@candor.test',
          sequence: 0,
          ...meeting,
          timeZone: danaZone,
          summary: 'Team meeting',
          description: 'Weekly',
          organizer: { name: 'Dana Lee', email: 'dana@candor.test' },
          candidate: { name: 'Team', email: 'team@candor.test' },
          interviewers: [],
        },
        { stamp },
      ),
    );

    const availability = async () => ({
      id: dana.id,
      timeZone: danaZone,
      busy: await calendar.busy(horizon),
      bookings: (await store.bookings.listBusy([dana.id], horizon)).map((b) => span(b.startsAt, b.endsAt)),
      dailyCap: 3,
    });
    const slots = proposeSlots({
      interviewers: [await availability()],
      durationMinutes: 45,
      candidateTimeZone: candidateZone,
      now,
      minNoticeHours: 24,
    });
    expect(slots).toHaveLength(3);
    for (const slot of slots) expect(overlaps(slot, meeting)).toBe(false);
    expect(slots.map((s) => s.label)).toEqual([
      'Monday 7 December, 09:00 (Europe/London)',
      'Tuesday 8 December, 08:00 (Europe/London)',
      'Wednesday 9 December, 08:00 (Europe/London)',
    ]);

    const choice = parseSlotChoice('the second one', slots, candidateZone);
    expect(choice).toEqual({ kind: 'chosen', index: 1 });
    if (choice.kind !== 'chosen') return;
    const chosen = slots[choice.index];
    if (chosen === undefined) throw new Error('no chosen slot');

    const bookingId = newId('bkg');
    const booked = await store.bookings.book({
      id: bookingId,
      uid: bookingUid(bookingId, 'candor.test'),
      workspaceId: workspace.id,
      applicationId: application.id,
      interviewerId: dana.id,
      startsAt: chosen.start,
      endsAt: chosen.end,
      timeZone: danaZone,
      dailyCap: 3,
    });
    const confirmed = await store.bookings.confirm(booked.id);
    const invitation: Invitation = {
      uid: confirmed.uid,
      sequence: confirmed.sequence,
      start: new Date(confirmed.startsAt),
      end: new Date(confirmed.endsAt),
      timeZone: confirmed.timeZone,
      summary: 'Interview: Customer support lead',
      description: 'A 45-minute conversation with Dana Lee.',
      link: 'https://candor.test/take/abc123',
      organizer: { name: 'Riley Recruiter', email: 'riley@candor.test' },
      candidate: { name: 'Casey Morgan', email: 'casey@example.org' },
      interviewers: [{ name: 'Dana Lee', email: 'dana@candor.test' }],
    };
    const request = requestIcs(invitation, { stamp });
    expect(readIcs(request).method).toBe('REQUEST');
    const stored = await calendar.putEvent(invitation.uid, request);
    await store.bookings.setCaldavHref(booked.id, stored.href);

    const back = readIcs(await calendar.getEvent(stored.href)).events[0];
    expect(back).toMatchObject({
      uid: `${bookingId}@candor.test`,
      sequence: 0,
      timeZone: 'Europe/Berlin',
      localStart: '2026-12-08T09:00:00',
      attendees: ['casey@example.org', 'dana@candor.test'],
    });
    expect(back?.start.toISOString()).toBe('2026-12-08T08:00:00.000Z');
    expect(back?.description).toContain('https://candor.test/take/abc123');

    // The same slot cannot be booked again, and it is no longer proposed.
    await expect(
      store.bookings.book({
        workspaceId: workspace.id,
        applicationId: application.id,
        interviewerId: dana.id,
        startsAt: chosen.start,
        endsAt: chosen.end,
        timeZone: danaZone,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const again = proposeSlots({
      interviewers: [await availability()],
      durationMinutes: 45,
      candidateTimeZone: candidateZone,
      now,
      count: 4,
    });
    for (const slot of again) expect(overlaps(slot, chosen)).toBe(false);

    // The candidate asks to move it and picks Thursday: new version tentative, then confirmed.
    const later = again.find((s) => s.label.startsWith('Thursday'));
    if (later === undefined) throw new Error(`no Thursday among ${again.map((s) => s.label).join('; ')}`);
    expect(parseSlotChoice('Thursday works', again, candidateZone)).toEqual({
      kind: 'chosen',
      index: again.indexOf(later),
    });
    const moved = await store.bookings.reschedule(confirmed.id, { startsAt: later.start, endsAt: later.end });
    expect((await store.bookings.get(confirmed.id)).status).toBe('confirmed');
    await store.bookings.confirm(moved.id);
    expect((await store.bookings.get(confirmed.id)).status).toBe('released');
    const movedInvitation = rescheduled(invitation, later.start, later.end);
    expect(movedInvitation.sequence).toBe(moved.sequence);
    await calendar.putEvent(movedInvitation.uid, requestIcs(movedInvitation, { stamp }));
    const movedBack = readIcs(await calendar.getEvent(stored.href)).events;
    expect(movedBack).toHaveLength(1);
    expect(movedBack[0]).toMatchObject({ uid: invitation.uid, sequence: 1 });
    expect(movedBack[0]?.start.toISOString()).toBe(later.start.toISOString());
    expect((await calendar.busy(horizon)).map((b) => b.start.toISOString())).toEqual([
      meeting.start.toISOString(),
      later.start.toISOString(),
    ]);

    // Cancelled: METHOD:CANCEL with a higher SEQUENCE; the calendar no longer counts it as busy.
    const cancelledBooking = await store.bookings.cancel(moved.id);
    const cancellation = cancelled(movedInvitation);
    expect(cancellation.sequence).toBe(cancelledBooking.sequence);
    const cancelText = cancelIcs(cancellation, { stamp });
    const cancel = readIcs(cancelText);
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.events[0]).toMatchObject({ uid: invitation.uid, sequence: 2, status: 'CANCELLED' });
    await calendar.putEvent(cancellation.uid, cancelText);
    expect(readIcs(await calendar.getEvent(stored.href)).events[0]).toMatchObject({
      sequence: 2,
      status: 'CANCELLED',
    });
    expect(await calendar.busy(horizon)).toEqual([meeting]);
    expect(await store.bookings.listBusy([dana.id], horizon)).toEqual([]);
  });
});
