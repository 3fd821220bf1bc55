/**
 * Interview bookings (migration 0016). No double booking: every write that takes an
 * interviewer's time first locks that interviewer's `app_user` row inside the transaction (an
 * update to itself), so two bookings of one interviewer are checked one after the other on
 * PostgreSQL as on SQLite (whose writers are serialised anyway), and the overlap check sees the
 * other's committed row.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { DateTime } from 'luxon';
import { CandorError, newId } from '../../core/index.js';
import type { Database } from '../schema.js';
import type { AccountTables } from './users.js';
import { guardWrite, notFound, timestamp, type RepositoryContext } from './rows.js';

export const BOOKING_STATUSES = ['tentative', 'confirmed', 'released', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

// A type, not an interface: `withTables` needs an index-compatible record.
export type BookingTables = {
  booking: {
    id: string;
    workspace_id: string;
    application_id: string;
    interviewer_id: string;
    starts_at: string;
    ends_at: string;
    time_zone: string;
    status: BookingStatus;
    sequence: number;
    uid: string;
    caldav_href: string | null;
    replaces_id: string | null;
    created_at: string;
    updated_at: string;
  };
};

export interface BookingRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly applicationId: string;
  /** An `app_user` id. */
  readonly interviewerId: string;
  /** ISO-8601 UTC. */
  readonly startsAt: string;
  readonly endsAt: string;
  /** The interviewer's IANA zone. */
  readonly timeZone: string;
  readonly status: BookingStatus;
  /** The calendar SEQUENCE of this version. */
  readonly sequence: number;
  /** The calendar UID, shared by every version of one interview. */
  readonly uid: string;
  readonly caldavHref: string | null;
  /** The booking this one moves, for a reschedule. */
  readonly replacesId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewBooking {
  readonly id?: string;
  readonly workspaceId: string;
  readonly applicationId: string;
  readonly interviewerId: string;
  readonly startsAt: Date | string;
  readonly endsAt: Date | string;
  readonly timeZone: string;
  /** Default `tentative`. */
  readonly status?: 'tentative' | 'confirmed';
  /** Default `<id>@candor`. */
  readonly uid?: string;
  /** Default 0. */
  readonly sequence?: number;
  /** Most tentative or confirmed bookings the interviewer may have on that local day; unset: no cap. */
  readonly dailyCap?: number;
}

export interface BookingRepository {
  /**
   * Books an interviewer's time.
   * @throws CandorError CONFLICT `{ reason: 'overlap', bookingId }` when the interviewer has a
   *   tentative or confirmed booking overlapping it, `{ reason: 'daily-cap' }` when the day is full
   * @throws CandorError NOT_FOUND when the interviewer, application or workspace does not exist
   */
  book(input: NewBooking): Promise<BookingRecord>;
  /**
   * Books a new time for a booking, `tentative`, same UID, sequence + 1; the old booking keeps
   * its time until `confirm` of the new one releases it.
   * @throws CandorError CONFLICT as `book` (the old booking's own time does not count)
   */
  reschedule(
    id: string,
    time: { startsAt: Date | string; endsAt: Date | string; dailyCap?: number },
  ): Promise<BookingRecord>;
  /**
   * `tentative` → `confirmed`; releases the booking it replaces, in the same transaction.
   * @throws CandorError CONFLICT when the booking is not tentative, or the booking it replaces is
   *   no longer held (another reschedule was confirmed first, or it was cancelled)
   */
  confirm(id: string): Promise<BookingRecord>;
  /** `tentative` or `confirmed` → `released` (its time is free again). */
  release(id: string): Promise<BookingRecord>;
  /** `tentative` or `confirmed` → `cancelled`, sequence + 1 (the CANCEL's SEQUENCE). */
  cancel(id: string): Promise<BookingRecord>;
  setCaldavHref(id: string, href: string | null): Promise<BookingRecord>;
  /** @throws CandorError NOT_FOUND */
  get(id: string): Promise<BookingRecord>;
  /** An application's bookings, oldest first. */
  listByApplication(applicationId: string): Promise<BookingRecord[]>;
  /** Tentative and confirmed bookings of these interviewers overlapping [start, end), by start. */
  listBusy(interviewerIds: readonly string[], range: { start: Date; end: Date }): Promise<BookingRecord[]>;
}

type Tables = Database & BookingTables & Pick<AccountTables, 'app_user'>;
type Db = Kysely<Tables>;
type Trx = Transaction<Tables>;
const HOLDING: readonly BookingStatus[] = ['tentative', 'confirmed'];

/**
 * @example const booking = await store.bookings.book({ workspaceId, applicationId, interviewerId, startsAt, endsAt, timeZone: 'Europe/Berlin', dailyCap: 4 })
 */
export function createBookingRepository(ctx: RepositoryContext): BookingRepository {
  const db: Db = ctx.db.withTables<BookingTables & Pick<AccountTables, 'app_user'>>();

  const read = async (executor: Db | Trx, id: string): Promise<BookingRecord> => {
    const row = await executor.selectFrom('booking').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('booking', id);
    return toBooking(row);
  };

  /** Locks the interviewer, then checks overlap and cap; runs inside the booking's transaction. */
  const claim = async (
    trx: Trx,
    slot: { interviewerId: string; startsAt: string; endsAt: string; timeZone: string },
    options: { dailyCap?: number | undefined; ignoreId?: string | null },
  ): Promise<void> => {
    const locked = await trx
      .updateTable('app_user')
      .set((eb) => ({ name: eb.ref('name') }))
      .where('id', '=', slot.interviewerId)
      .executeTakeFirst();
    if (locked.numUpdatedRows === 0n) throw notFound('interviewer', slot.interviewerId);
    const holding = () => {
      let query = trx
        .selectFrom('booking')
        .select(['id', 'starts_at', 'ends_at'])
        .where('interviewer_id', '=', slot.interviewerId)
        .where('status', 'in', HOLDING);
      if (options.ignoreId) query = query.where('id', '!=', options.ignoreId);
      return query;
    };
    const clash = await holding()
      .where('starts_at', '<', slot.endsAt)
      .where('ends_at', '>', slot.startsAt)
      .executeTakeFirst();
    if (clash !== undefined) {
      throw new CandorError(
        'CONFLICT',
        `interviewer ${slot.interviewerId} is already booked from ${clash.starts_at} to ${clash.ends_at}`,
        { reason: 'overlap', interviewerId: slot.interviewerId, bookingId: clash.id },
      );
    }
    if (options.dailyCap === undefined) return;
    const day = DateTime.fromISO(slot.startsAt, { zone: slot.timeZone }).startOf('day');
    const sameDay = await holding()
      .where('starts_at', '>=', isoUtc(day))
      .where('starts_at', '<', isoUtc(day.plus({ days: 1 })))
      .execute();
    if (sameDay.length >= options.dailyCap) {
      throw new CandorError(
        'CONFLICT',
        `interviewer ${slot.interviewerId} already has ${sameDay.length} interviews on ${day.toISODate() ?? ''} (cap ${options.dailyCap})`,
        { reason: 'daily-cap', interviewerId: slot.interviewerId, day: day.toISODate() },
      );
    }
  };

  const setStatus = async (
    id: string,
    from: readonly BookingStatus[],
    to: BookingStatus,
    sequenceStep: number,
  ): Promise<BookingRecord> =>
    db.transaction().execute(async (trx) => {
      const current = await read(trx, id);
      if (!from.includes(current.status)) {
        throw new CandorError('CONFLICT', `booking ${id} is ${current.status}, cannot become ${to}`, {
          entity: 'booking',
          id,
          status: current.status,
        });
      }
      await trx
        .updateTable('booking')
        .set({ status: to, sequence: current.sequence + sequenceStep, updated_at: timestamp(ctx) })
        .where('id', '=', id)
        .execute();
      if (to === 'confirmed' && current.replacesId !== null) {
        const released = await trx
          .updateTable('booking')
          .set({ status: 'released', updated_at: timestamp(ctx) })
          .where('id', '=', current.replacesId)
          .where('status', 'in', HOLDING)
          .executeTakeFirst();
        // Another reschedule was confirmed first, or the interview was cancelled meanwhile.
        if (released.numUpdatedRows === 0n) {
          throw new CandorError(
            'CONFLICT',
            `booking ${id} moves booking ${current.replacesId}, which is no longer held`,
            { entity: 'booking', id, replacesId: current.replacesId },
          );
        }
      }
      return read(trx, id);
    });

  const insert = async (
    input: NewBooking,
    replacesId: string | null,
    ignoreId: string | null,
  ): Promise<BookingRecord> => {
    const id = input.id ?? newId('bkg');
    const startsAt = isoUtc(input.startsAt);
    const endsAt = isoUtc(input.endsAt);
    if (!(startsAt < endsAt)) {
      throw new CandorError('VALIDATION_FAILED', `booking ends (${endsAt}) before it starts (${startsAt})`, {
        field: 'endsAt',
      });
    }
    return db.transaction().execute(async (trx) => {
      await claim(
        trx,
        { interviewerId: input.interviewerId, startsAt, endsAt, timeZone: input.timeZone },
        { dailyCap: input.dailyCap, ignoreId },
      );
      const now = timestamp(ctx);
      await guardWrite('booking', id, () =>
        trx
          .insertInto('booking')
          .values({
            id,
            workspace_id: input.workspaceId,
            application_id: input.applicationId,
            interviewer_id: input.interviewerId,
            starts_at: startsAt,
            ends_at: endsAt,
            time_zone: input.timeZone,
            status: input.status ?? 'tentative',
            sequence: input.sequence ?? 0,
            uid: input.uid ?? `${id}@candor`,
            caldav_href: null,
            replaces_id: replacesId,
            created_at: now,
            updated_at: now,
          })
          .execute(),
      );
      return read(trx, id);
    });
  };

  return {
    book: (input) => insert(input, null, null),
    async reschedule(id, time) {
      const old = await read(db, id);
      if (!HOLDING.includes(old.status)) {
        throw new CandorError('CONFLICT', `booking ${id} is ${old.status}; book a new time instead`, {
          entity: 'booking',
          id,
          status: old.status,
        });
      }
      return insert(
        {
          workspaceId: old.workspaceId,
          applicationId: old.applicationId,
          interviewerId: old.interviewerId,
          timeZone: old.timeZone,
          uid: old.uid,
          sequence: old.sequence + 1,
          startsAt: time.startsAt,
          endsAt: time.endsAt,
          ...(time.dailyCap === undefined ? {} : { dailyCap: time.dailyCap }),
        },
        old.id,
        old.id,
      );
    },
    confirm: (id) => setStatus(id, ['tentative'], 'confirmed', 0),
    release: (id) => setStatus(id, HOLDING, 'released', 0),
    cancel: (id) => setStatus(id, HOLDING, 'cancelled', 1),
    async setCaldavHref(id, href) {
      await db
        .updateTable('booking')
        .set({ caldav_href: href, updated_at: timestamp(ctx) })
        .where('id', '=', id)
        .execute();
      return read(db, id);
    },
    get: (id) => read(db, id),
    async listByApplication(applicationId) {
      const rows = await db
        .selectFrom('booking')
        .selectAll()
        .where('application_id', '=', applicationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toBooking);
    },
    async listBusy(interviewerIds, range) {
      if (interviewerIds.length === 0) return [];
      const rows = await db
        .selectFrom('booking')
        .selectAll()
        .where('interviewer_id', 'in', interviewerIds)
        .where('status', 'in', HOLDING)
        .where('starts_at', '<', isoUtc(range.end))
        .where('ends_at', '>', isoUtc(range.start))
        .orderBy('starts_at')
        .orderBy('id')
        .execute();
      return rows.map(toBooking);
    },
  };
}

/** One text form for every stored time, so text comparison orders them as instants. */
function isoUtc(time: Date | string | DateTime): string {
  const date = time instanceof DateTime ? time.toJSDate() : new Date(time);
  if (Number.isNaN(date.getTime())) {
    throw new CandorError('VALIDATION_FAILED', `not a time: ${String(time)}`, { value: String(time) });
  }
  return date.toISOString();
}

function toBooking(row: Selectable<BookingTables['booking']>): BookingRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    applicationId: row.application_id,
    interviewerId: row.interviewer_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    status: row.status,
    sequence: row.sequence,
    uid: row.uid,
    caldavHref: row.caldav_href,
    replacesId: row.replaces_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
