/**
 * Scheduling records (migration 0017): interviewers' calendars (CalDAV address, user name and the
 * sealed password; working hours, zone, daily cap) and the slot proposals sent to candidates,
 * kept with the slots in the order they were numbered so a reply "2" means what the candidate saw.
 */
import type { Kysely, Selectable } from 'kysely';
import { CandorError, newId } from '../../core/index.js';
import type { Database } from '../schema.js';
import { fromJson, guardWrite, notFound, timestamp, type RepositoryContext } from './rows.js';

export type ProposalStatus = 'open' | 'booked' | 'superseded' | 'cancelled';

// Types, not interfaces: `withTables` needs index-compatible records.
export type SchedulingTables = {
  interviewer_calendar: {
    user_id: string;
    workspace_id: string;
    caldav_url: string | null;
    caldav_username: string | null;
    caldav_password_sealed: string | null;
    time_zone: string;
    working_days: string;
    work_start: string;
    work_end: string;
    daily_cap: number;
    updated_by: string | null;
    updated_at: string;
  };
  schedule_proposal: {
    id: string;
    workspace_id: string;
    application_id: string;
    candidate_id: string;
    status: ProposalStatus;
    slots: string;
    interviewer_ids: string;
    duration_minutes: number;
    horizon_days: number;
    candidate_time_zone: string;
    location: string | null;
    token_hash: string;
    reschedules_uid: string | null;
    booked_uid: string | null;
    created_by: string | null;
    created_at: string;
    updated_at: string;
  };
};

export interface InterviewerCalendarRecord {
  readonly userId: string;
  readonly workspaceId: string;
  readonly caldavUrl: string | null;
  readonly caldavUsername: string | null;
  /** Sealed (`sealSecret`), never the password itself. */
  readonly caldavPasswordSealed: string | null;
  readonly timeZone: string;
  /** ISO weekdays, 1 = Monday. */
  readonly workingDays: readonly number[];
  /** `HH:mm` local. */
  readonly workStart: string;
  readonly workEnd: string;
  readonly dailyCap: number;
  readonly updatedBy: string | null;
  readonly updatedAt: string;
}

export type InterviewerCalendarInput = Omit<InterviewerCalendarRecord, 'updatedAt'>;

/** A slot as offered: times ISO-8601 UTC. */
export interface OfferedSlot {
  readonly start: string;
  readonly end: string;
  readonly interviewerIds: readonly string[];
  readonly label: string;
}

export interface ProposalRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly applicationId: string;
  readonly candidateId: string;
  readonly status: ProposalStatus;
  /** In the order they were numbered for the candidate (1 = the first). */
  readonly slots: readonly OfferedSlot[];
  readonly interviewerIds: readonly string[];
  readonly durationMinutes: number;
  readonly horizonDays: number;
  readonly candidateTimeZone: string;
  readonly location: string | null;
  readonly tokenHash: string;
  /** The calendar UID of the interview this proposal moves, for a reschedule. */
  readonly reschedulesUid: string | null;
  readonly bookedUid: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type NewProposal = Omit<ProposalRecord, 'id' | 'status' | 'bookedUid' | 'createdAt' | 'updatedAt'> & {
  readonly id?: string;
};

export interface SchedulingRepository {
  /** Creates or replaces an interviewer's calendar settings. */
  setCalendar(input: InterviewerCalendarInput): Promise<InterviewerCalendarRecord>;
  /** The calendar settings of a user, or null when none were set. */
  getCalendar(userId: string): Promise<InterviewerCalendarRecord | null>;
  /** Creates an open proposal; any other open proposal of the application becomes `superseded`. */
  createProposal(input: NewProposal): Promise<ProposalRecord>;
  /** @throws CandorError NOT_FOUND */
  getProposal(id: string): Promise<ProposalRecord>;
  /** The application's open proposal, if any. */
  openProposal(applicationId: string): Promise<ProposalRecord | null>;
  /** The proposal a pick-by-link token (its SHA-256) belongs to, if any. */
  proposalByTokenHash(tokenHash: string): Promise<ProposalRecord | null>;
  /**
   * Closes an open proposal (compare-and-set on `open`).
   * @returns false when it was no longer open (another reply or click booked it first)
   */
  closeProposal(id: string, status: Exclude<ProposalStatus, 'open'>, bookedUid?: string): Promise<boolean>;
  /** Opens again a proposal `closeProposal` claimed, when booking from it failed for a passing reason. */
  reopenProposal(id: string): Promise<void>;
  /** Records the interview booked from a proposal (status `booked`). */
  markBooked(id: string, bookedUid: string): Promise<void>;
  /** Proposals of an application, oldest first. */
  listProposals(applicationId: string): Promise<ProposalRecord[]>;
}

type Db = Kysely<Database & SchedulingTables>;

/** @example const calendar = await store.scheduling.getCalendar(user.id) */
export function createSchedulingRepository(ctx: RepositoryContext): SchedulingRepository {
  const db: Db = ctx.db.withTables<SchedulingTables>();
  const getProposal = async (id: string): Promise<ProposalRecord> => {
    const row = await db.selectFrom('schedule_proposal').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('proposal', id);
    return toProposal(row);
  };
  const getCalendar = async (userId: string): Promise<InterviewerCalendarRecord | null> => {
    const row = await db
      .selectFrom('interviewer_calendar')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row === undefined ? null : toCalendar(row);
  };
  return {
    async setCalendar(input) {
      const values = {
        workspace_id: input.workspaceId,
        caldav_url: input.caldavUrl,
        caldav_username: input.caldavUsername,
        caldav_password_sealed: input.caldavPasswordSealed,
        time_zone: input.timeZone,
        working_days: JSON.stringify(input.workingDays),
        work_start: input.workStart,
        work_end: input.workEnd,
        daily_cap: input.dailyCap,
        updated_by: input.updatedBy,
        updated_at: timestamp(ctx),
      };
      await guardWrite('interviewer calendar', input.userId, () =>
        db
          .insertInto('interviewer_calendar')
          .values({ user_id: input.userId, ...values })
          .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
          .execute(),
      );
      const stored = await getCalendar(input.userId);
      if (stored === null) throw notFound('interviewer calendar', input.userId);
      return stored;
    },
    getCalendar,
    async createProposal(input) {
      const id = input.id ?? newId('prop');
      const now = timestamp(ctx);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('schedule_proposal')
          .set({ status: 'superseded', updated_at: now })
          .where('application_id', '=', input.applicationId)
          .where('status', '=', 'open')
          .execute();
        await guardWrite('proposal', id, () =>
          trx
            .insertInto('schedule_proposal')
            .values({
              id,
              workspace_id: input.workspaceId,
              application_id: input.applicationId,
              candidate_id: input.candidateId,
              status: 'open',
              slots: JSON.stringify(input.slots),
              interviewer_ids: JSON.stringify(input.interviewerIds),
              duration_minutes: input.durationMinutes,
              horizon_days: input.horizonDays,
              candidate_time_zone: input.candidateTimeZone,
              location: input.location,
              token_hash: input.tokenHash,
              reschedules_uid: input.reschedulesUid,
              booked_uid: null,
              created_by: input.createdBy,
              created_at: now,
              updated_at: now,
            })
            .execute(),
        );
      });
      return getProposal(id);
    },
    getProposal,
    async openProposal(applicationId) {
      const row = await db
        .selectFrom('schedule_proposal')
        .selectAll()
        .where('application_id', '=', applicationId)
        .where('status', '=', 'open')
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      return row === undefined ? null : toProposal(row);
    },
    async proposalByTokenHash(tokenHash) {
      const row = await db
        .selectFrom('schedule_proposal')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row === undefined ? null : toProposal(row);
    },
    async closeProposal(id, status, bookedUid) {
      const result = await db
        .updateTable('schedule_proposal')
        .set({ status, booked_uid: bookedUid ?? null, updated_at: timestamp(ctx) })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async reopenProposal(id) {
      await db
        .updateTable('schedule_proposal')
        .set({ status: 'open', updated_at: timestamp(ctx) })
        .where('id', '=', id)
        .where('status', '=', 'superseded')
        .where('booked_uid', 'is', null)
        .execute();
    },
    async markBooked(id, bookedUid) {
      await db
        .updateTable('schedule_proposal')
        .set({ status: 'booked', booked_uid: bookedUid, updated_at: timestamp(ctx) })
        .where('id', '=', id)
        .execute();
    },
    async listProposals(applicationId) {
      const rows = await db
        .selectFrom('schedule_proposal')
        .selectAll()
        .where('application_id', '=', applicationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toProposal);
    },
  };
}

function toCalendar(row: Selectable<SchedulingTables['interviewer_calendar']>): InterviewerCalendarRecord {
  const where = { entity: 'interviewer calendar', id: row.user_id, field: 'working_days' };
  return {
    userId: row.user_id,
    workspaceId: row.workspace_id,
    caldavUrl: row.caldav_url,
    caldavUsername: row.caldav_username,
    caldavPasswordSealed: row.caldav_password_sealed,
    timeZone: row.time_zone,
    workingDays: fromJson<number[]>(row.working_days, where),
    workStart: row.work_start,
    workEnd: row.work_end,
    dailyCap: Number(row.daily_cap),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

function toProposal(row: Selectable<SchedulingTables['schedule_proposal']>): ProposalRecord {
  const where = (field: string) => ({ entity: 'proposal', id: row.id, field });
  if (!['open', 'booked', 'superseded', 'cancelled'].includes(row.status)) {
    throw new CandorError('INTERNAL', `proposal ${row.id}: unknown status ${row.status}`, where('status'));
  }
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    applicationId: row.application_id,
    candidateId: row.candidate_id,
    status: row.status,
    slots: fromJson<OfferedSlot[]>(row.slots, where('slots')),
    interviewerIds: fromJson<string[]>(row.interviewer_ids, where('interviewer_ids')),
    durationMinutes: Number(row.duration_minutes),
    horizonDays: Number(row.horizon_days),
    candidateTimeZone: row.candidate_time_zone,
    location: row.location,
    tokenHash: row.token_hash,
    reschedulesUid: row.reschedules_uid,
    bookedUid: row.booked_uid,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
