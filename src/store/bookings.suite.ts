/** Bookings (migration 0016) on one database; run by bookings.test.ts on SQLite and PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../core/index.js';
import type { Store } from './index.js';
import { seedInterview } from './store-fixtures.suite.js';

export function describeBookings(name: string, open: () => Promise<Store>): void {
  describe(`bookings (${name})`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(() => store?.close());

    async function setUp() {
      const seeded = await seedInterview(store);
      const interviewer = await store.users.create({
        workspaceId: seeded.workspace.id,
        email: `${newId('dana')}@candor.test`,
        name: 'Dana Lee',
        role: 'hiring_manager',
        password: 'a long enough password',
      });
      const base = {
        workspaceId: seeded.workspace.id,
        applicationId: seeded.application.id,
        interviewerId: interviewer.id,
        timeZone: 'Europe/Berlin',
      };
      return { ...seeded, interviewer, base };
    }

    it('books, confirms and reads back a booking', async () => {
      const { base } = await setUp();
      const booked = await store.bookings.book({
        ...base,
        startsAt: new Date('2026-12-08T09:00:00Z'),
        endsAt: '2026-12-08T09:45:00+00:00',
      });
      expect(booked).toMatchObject({
        status: 'tentative',
        sequence: 0,
        startsAt: '2026-12-08T09:00:00.000Z',
        endsAt: '2026-12-08T09:45:00.000Z',
        uid: `${booked.id}@candor`,
        caldavHref: null,
      });
      const confirmed = await store.bookings.confirm(booked.id);
      expect(confirmed.status).toBe('confirmed');
      await expect(store.bookings.confirm(booked.id)).rejects.toMatchObject({ code: 'CONFLICT' });
      const stored = await store.bookings.setCaldavHref(booked.id, 'http://cal/x.ics');
      expect(stored.caldavHref).toBe('http://cal/x.ics');
      expect(await store.bookings.listByApplication(base.applicationId)).toEqual([stored]);
    });

    it('refuses an overlapping booking of the same interviewer, not of another one', async () => {
      const { base, workspace } = await setUp();
      const first = await store.bookings.book({
        ...base,
        startsAt: '2026-12-09T09:00:00Z',
        endsAt: '2026-12-09T10:00:00Z',
      });
      await expect(
        store.bookings.book({ ...base, startsAt: '2026-12-09T09:30:00Z', endsAt: '2026-12-09T10:30:00Z' }),
      ).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'overlap', bookingId: first.id } });
      // Touching is not overlapping.
      await store.bookings.book({
        ...base,
        startsAt: '2026-12-09T10:00:00Z',
        endsAt: '2026-12-09T11:00:00Z',
      });
      const other = await store.users.create({
        workspaceId: workspace.id,
        email: `${newId('kim')}@candor.test`,
        name: 'Kim',
        role: 'recruiter',
        password: 'a long enough password',
      });
      await store.bookings.book({
        ...base,
        interviewerId: other.id,
        startsAt: '2026-12-09T09:00:00Z',
        endsAt: '2026-12-09T10:00:00Z',
      });
      // A released booking frees its time.
      await store.bookings.release(first.id);
      await store.bookings.book({
        ...base,
        startsAt: '2026-12-09T09:00:00Z',
        endsAt: '2026-12-09T10:00:00Z',
      });
    });

    it('books the same slot twice in parallel: exactly one succeeds', async () => {
      const { base } = await setUp();
      const attempts = await Promise.allSettled(
        Array.from({ length: 6 }, () =>
          store.bookings.book({ ...base, startsAt: '2026-12-10T13:00:00Z', endsAt: '2026-12-10T14:00:00Z' }),
        ),
      );
      const won = attempts.filter((a) => a.status === 'fulfilled');
      const lost = attempts.filter((a) => a.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(5);
      for (const loss of lost) expect(loss.reason).toMatchObject({ code: 'CONFLICT' });
      const busy = await store.bookings.listBusy([base.interviewerId], {
        start: new Date('2026-12-10T00:00:00Z'),
        end: new Date('2026-12-11T00:00:00Z'),
      });
      expect(busy).toHaveLength(1);
    });

    it('keeps the daily cap on the interviewer’s local day', async () => {
      const { base } = await setUp();
      // 23:30 UTC on 10 December is 00:30 on 11 December in Berlin: another local day.
      const times = [
        ['2026-12-10T08:00:00Z', '2026-12-10T09:00:00Z'],
        ['2026-12-10T10:00:00Z', '2026-12-10T11:00:00Z'],
        ['2026-12-10T23:30:00Z', '2026-12-11T00:00:00Z'],
      ] as const;
      for (const [startsAt, endsAt] of times)
        await store.bookings.book({ ...base, startsAt, endsAt, dailyCap: 2 });
      await expect(
        store.bookings.book({
          ...base,
          startsAt: '2026-12-10T12:00:00Z',
          endsAt: '2026-12-10T13:00:00Z',
          dailyCap: 2,
        }),
      ).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'daily-cap', day: '2026-12-10' } });
    });

    it('reschedules: new time tentative with the same UID and a higher sequence; the old one released on confirm', async () => {
      const { base } = await setUp();
      const old = await store.bookings.book({
        ...base,
        status: 'confirmed',
        startsAt: '2026-12-14T09:00:00Z',
        endsAt: '2026-12-14T10:00:00Z',
      });
      // Half an hour later overlaps the old booking's own time: allowed for its reschedule.
      const moved = await store.bookings.reschedule(old.id, {
        startsAt: '2026-12-14T09:30:00Z',
        endsAt: '2026-12-14T10:30:00Z',
      });
      expect(moved).toMatchObject({ status: 'tentative', uid: old.uid, sequence: 1, replacesId: old.id });
      expect((await store.bookings.get(old.id)).status).toBe('confirmed');
      await store.bookings.confirm(moved.id);
      expect((await store.bookings.get(old.id)).status).toBe('released');
      // A second move of the same booking, prepared in parallel, can no longer be confirmed.
      const rival = await store.bookings.reschedule(moved.id, {
        startsAt: '2026-12-16T09:00:00Z',
        endsAt: '2026-12-16T10:00:00Z',
      });
      const other = await store.bookings.reschedule(moved.id, {
        startsAt: '2026-12-17T09:00:00Z',
        endsAt: '2026-12-17T10:00:00Z',
      });
      await store.bookings.confirm(rival.id);
      await expect(store.bookings.confirm(other.id)).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { replacesId: moved.id },
      });
      await store.bookings.release(other.id);
      const cancelled = await store.bookings.cancel(rival.id);
      expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 3 });
      await expect(
        store.bookings.reschedule(old.id, {
          startsAt: '2026-12-15T09:00:00Z',
          endsAt: '2026-12-15T10:00:00Z',
        }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    it('names what is wrong: unknown interviewer, end before start', async () => {
      const { base } = await setUp();
      await expect(
        store.bookings.book({
          ...base,
          interviewerId: 'usr_nobody',
          startsAt: '2026-12-08T09:00:00Z',
          endsAt: '2026-12-08T10:00:00Z',
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND', details: { id: 'usr_nobody' } });
      await expect(
        store.bookings.book({ ...base, startsAt: '2026-12-08T10:00:00Z', endsAt: '2026-12-08T09:00:00Z' }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await expect(store.bookings.get('bkg_missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });
}
