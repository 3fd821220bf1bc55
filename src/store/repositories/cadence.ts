/**
 * What the follow-up agent's cadence scan reads (src/followup/cadence.ts): the applications whose
 * candidates wait for Candor's team, with when they last had news, and the rounds (interviews
 * completed by link, booked interviews) that ended in a window, for the pulse survey. Read-only;
 * the scan queues its messages through `store.messages.enqueue`.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { BookingTables } from './bookings.js';
import type { InvitationTables } from './invitations.js';
import type { MessageTables } from './messages.js';
import type { RepositoryContext } from './rows.js';

/** Stages after which the candidate no longer waits for news. */
const DECIDED = ['hired', 'withdrawn', 'rejected'];
/** Stages at which a candidate waits for the team whatever else is recorded. */
const WAITING_STAGES = ['advanced', 'on_hold'];

/** An application whose candidate waits for the team. */
export interface WaitingApplication {
  readonly applicationId: string;
  readonly workspaceId: string;
  readonly candidateId: string;
  readonly jobId: string;
  readonly jobTitle: string;
  readonly stage: string;
  /** When the stage last changed (the application's `updated_at`). */
  readonly stageChangedAt: string;
  /** The newest outbound message about the application (queued, sending or sent), or null. */
  readonly lastMessageAt: string | null;
  /** The newest `status_update` queued for the application, whatever became of it, or null. */
  readonly lastStatusUpdateAt: string | null;
}

/** A round that ended: an interview completed by link, or a confirmed booking's end. */
export interface EndedRound {
  readonly kind: 'online_interview' | 'scheduled_interview';
  /** The invitation id, or the booking's calendar UID (the same for every version of it). */
  readonly roundId: string;
  readonly workspaceId: string;
  readonly applicationId: string;
  readonly candidateId: string;
  readonly jobId: string;
  readonly stage: string;
  readonly endedAt: string;
}

export interface CadenceRepository {
  /**
   * Applications not decided whose candidate waits for the team: at `advanced` or `on_hold`, or
   * with an interview completed by link, or with a scored interview. Across every workspace.
   */
  waiting(): Promise<WaitingApplication[]>;
  /** Rounds that ended in [since, until), oldest first, across every workspace. */
  roundsEnded(since: Date, until: Date): Promise<EndedRound[]>;
}

type Db = Kysely<Database & MessageTables & InvitationTables & BookingTables>;

/** @example const rows = await store.cadence.waiting() */
export function createCadenceRepository(ctx: RepositoryContext): CadenceRepository {
  const db: Db = ctx.db.withTables<MessageTables & InvitationTables & BookingTables>();
  return {
    async waiting() {
      const rows = await db
        .selectFrom('application as a')
        .innerJoin('job as j', 'j.id', 'a.job_id')
        .select((eb) => [
          'a.id as application_id',
          'j.workspace_id',
          'a.candidate_id',
          'a.job_id',
          'j.title',
          'a.stage',
          'a.updated_at',
          eb
            .selectFrom('message as m')
            .select(sql<string | null>`max(coalesce(m.sent_at, m.created_at))`.as('t'))
            .whereRef('m.application_id', '=', 'a.id')
            .where('m.direction', '=', 'out')
            .where('m.status', 'in', ['queued', 'sending', 'sent'])
            .as('last_message_at'),
          eb
            .selectFrom('message as s')
            .select(sql<string | null>`max(s.created_at)`.as('t'))
            .whereRef('s.application_id', '=', 'a.id')
            .where('s.direction', '=', 'out')
            .where('s.flow', '=', 'status_update')
            .as('last_status_update_at'),
        ])
        .where('a.stage', 'not in', DECIDED)
        .where((eb) =>
          eb.or([
            eb('a.stage', 'in', WAITING_STAGES),
            eb.exists(
              eb
                .selectFrom('invitation as i')
                .select('i.id')
                .whereRef('i.application_id', '=', 'a.id')
                .where('i.completed_at', 'is not', null),
            ),
            eb.exists(
              eb
                .selectFrom('interview as v')
                .innerJoin('scorecard as sc', 'sc.interview_id', 'v.id')
                .select('v.id')
                .whereRef('v.application_id', '=', 'a.id'),
            ),
          ]),
        )
        .orderBy('a.id')
        .execute();
      return rows.map((r) => ({
        applicationId: r.application_id,
        workspaceId: r.workspace_id,
        candidateId: r.candidate_id,
        jobId: r.job_id,
        jobTitle: r.title,
        stage: r.stage,
        stageChangedAt: r.updated_at,
        lastMessageAt: r.last_message_at ?? null,
        lastStatusUpdateAt: r.last_status_update_at ?? null,
      }));
    },
    async roundsEnded(since, until) {
      const from = since.toISOString();
      const to = until.toISOString();
      const completed = await db
        .selectFrom('invitation as i')
        .innerJoin('application as a', 'a.id', 'i.application_id')
        .select([
          'i.id',
          'i.workspace_id',
          'i.application_id',
          'i.candidate_id',
          'i.job_id',
          'a.stage',
          'i.completed_at',
        ])
        .where('i.completed_at', '>=', from)
        .where('i.completed_at', '<', to)
        .execute();
      const booked = await db
        .selectFrom('booking as b')
        .innerJoin('application as a', 'a.id', 'b.application_id')
        .select([
          'b.uid',
          'b.workspace_id',
          'b.application_id',
          'a.candidate_id',
          'a.job_id',
          'a.stage',
          'b.ends_at',
        ])
        .where('b.status', '=', 'confirmed')
        .where('b.ends_at', '>=', from)
        .where('b.ends_at', '<', to)
        .execute();
      const rounds: EndedRound[] = [
        ...completed.map((r) => ({
          kind: 'online_interview' as const,
          roundId: r.id,
          workspaceId: r.workspace_id,
          applicationId: r.application_id,
          candidateId: r.candidate_id,
          jobId: r.job_id,
          stage: r.stage,
          endedAt: r.completed_at ?? from,
        })),
        ...booked.map((r) => ({
          kind: 'scheduled_interview' as const,
          roundId: r.uid,
          workspaceId: r.workspace_id,
          applicationId: r.application_id,
          candidateId: r.candidate_id,
          jobId: r.job_id,
          stage: r.stage,
          endedAt: r.ends_at,
        })),
      ];
      return rounds.sort((x, y) => x.endedAt.localeCompare(y.endedAt) || x.roundId.localeCompare(y.roundId));
    },
  };
}
