/**
 * The follow-up agent's messages (migration 0015): the outbox the dispatcher sends from, with one
 * message per idempotency key, leases so a dispatcher that dies mid-batch leaves nothing claimed
 * for ever, and the candidates' replies with their intent; plus the agent's pauses.
 */
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import { newId } from '../../core/index.js';
import { violatesUnique, type UniqueKey } from '../dialect.js';
import type { Database } from '../schema.js';
import { fromJson, notFound, timestamp, type RepositoryContext } from './rows.js';

export type MessageDirection = 'out' | 'in';
export type MessageChannel = 'email' | 'sms';
export type MessageStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'bounced' | 'cancelled' | 'received';

// Types, not interfaces: `withTables` needs index-compatible records.
export type MessageTables = {
  message: {
    id: string;
    workspace_id: string;
    candidate_id: string | null;
    application_id: string | null;
    invitation_id: string | null;
    direction: MessageDirection;
    flow: string;
    step: string;
    dedupe_key: string | null;
    channel: MessageChannel;
    to_address: string;
    from_address: string | null;
    subject: string | null;
    body: string;
    status: MessageStatus;
    note: string | null;
    attempts: number;
    due_at: string;
    lease_until: string | null;
    last_error: string | null;
    provider_id: string | null;
    intent: string | null;
    confidence: number | null;
    frustrated: number | null;
    needs_person: number;
    handled_by: string | null;
    handled_at: string | null;
    created_at: string;
    sent_at: string | null;
    /** JSON array of MessageAttachment, or null (migration 0017). */
    attachments: string | null;
  };
  agent_pause: {
    workspace_id: string;
    subject_type: 'candidate' | 'job';
    subject_id: string;
    paused_by: string;
    paused_at: string;
  };
};

const DEDUPE_KEY: UniqueKey = { name: 'message_dedupe_key_key', table: 'message', columns: ['dedupe_key'] };

/** A file sent with an e-mail (SMS carries none): the ICS of a calendar invitation. */
export interface MessageAttachment {
  readonly filename: string;
  /** `text/calendar` for an invitation. */
  readonly contentType: string;
  /** The iTIP method of a calendar (`REQUEST`, `CANCEL`): sent as `text/calendar; method=…`. */
  readonly method?: string;
  readonly content: string;
}

export interface MessageRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly candidateId: string | null;
  readonly applicationId: string | null;
  readonly invitationId: string | null;
  readonly direction: MessageDirection;
  readonly flow: string;
  readonly step: string;
  readonly dedupeKey: string | null;
  readonly channel: MessageChannel;
  readonly toAddress: string;
  readonly fromAddress: string | null;
  readonly subject: string | null;
  readonly body: string;
  readonly status: MessageStatus;
  readonly note: string | null;
  readonly attempts: number;
  readonly dueAt: string;
  readonly leaseUntil: string | null;
  readonly lastError: string | null;
  readonly providerId: string | null;
  readonly intent: string | null;
  readonly confidence: number | null;
  readonly frustrated: boolean | null;
  readonly needsPerson: boolean;
  readonly handledBy: string | null;
  readonly handledAt: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
  readonly attachments: readonly MessageAttachment[];
}

export interface NewOutboundMessage {
  readonly workspaceId: string;
  readonly candidateId: string;
  readonly applicationId?: string | null;
  readonly invitationId?: string | null;
  readonly flow: string;
  readonly step: string;
  readonly channel: MessageChannel;
  readonly toAddress: string;
  readonly subject: string | null;
  readonly body: string;
  /** When it may be sent (ISO-8601); default now. */
  readonly dueAt?: string;
  /** Stored with the message in the same insert, so it never goes without them. */
  readonly attachments?: readonly MessageAttachment[];
}

export interface NewInboundMessage {
  readonly workspaceId: string;
  readonly candidateId: string | null;
  readonly applicationId?: string | null;
  readonly channel: MessageChannel;
  readonly fromAddress: string;
  readonly toAddress: string;
  readonly subject: string | null;
  readonly body: string;
  readonly intent: string;
  readonly confidence: number;
  readonly frustrated: boolean;
  readonly needsPerson: boolean;
  readonly note?: string | null;
  readonly providerId?: string | null;
}

export interface MessageRepository {
  /**
   * Queues an outbound message under its key `<candidate>:<flow>:<step>`: a key already used
   * returns the message stored under it (`created: false`) and queues nothing.
   */
  enqueue(input: NewOutboundMessage): Promise<{ message: MessageRecord; created: boolean }>;
  get(id: string): Promise<MessageRecord>;
  /**
   * Claims up to `limit` queued messages due by `now` (and any whose lease ran out while
   * `sending`), each with a lease of `leaseMs`: two dispatchers never hold the same message.
   * SQLite: a compare-and-set per message; PostgreSQL: one `update … for update skip locked`, so
   * dispatchers in several processes take disjoint batches without contending.
   */
  claimDue(now: Date, limit: number, leaseMs: number): Promise<MessageRecord[]>;
  markSent(id: string, providerId: string | null, fromAddress: string | null): Promise<void>;
  /** A temporary failure: queued again at `retryAt` with the error kept. */
  retryLater(id: string, error: string, retryAt: Date): Promise<void>;
  /** A permanent failure (`failed`) or a bounce (`bounced`), with the reason shown to recruiters. */
  markFailed(id: string, status: 'failed' | 'bounced', error: string): Promise<void>;
  /** Moves a claimed message back to queued, due at `dueAt`, with the reason it waits. */
  postpone(id: string, dueAt: Date, note: string): Promise<void>;
  /** Cancels a message that will never be sent (opt-out, hired, withdrawn), with the reason. */
  cancel(id: string, note: string): Promise<void>;
  /** Cancels every queued message of a candidate (at opt-out or withdrawal); returns how many. */
  cancelQueuedFor(candidateId: string, note: string, channel?: MessageChannel): Promise<number>;
  /** Cancels a candidate's queued messages of a flow whose step starts with `stepPrefix`; returns how many. */
  cancelQueuedSteps(candidateId: string, flow: string, stepPrefix: string, note: string): Promise<number>;
  recordInbound(input: NewInboundMessage): Promise<MessageRecord>;
  /** The newest message sent to an address on a channel (whom a reply from it answers), if any. */
  lastSentTo(channel: MessageChannel, address: string): Promise<MessageRecord | null>;
  /** A candidate's messages, both ways, oldest first. */
  timeline(candidateId: string): Promise<MessageRecord[]>;
  /** Outbound messages sent to a candidate since a time, only of `flows` when given (the weekly cap). */
  sentSince(candidateId: string, since: Date, flows?: readonly string[]): Promise<number>;
  /** Replies waiting for a person in the workspace, oldest first. */
  inbox(workspaceId: string): Promise<MessageRecord[]>;
  markHandled(id: string, userId: string): Promise<void>;
  /** Puts a recorded reply in the recruiters' inbox after all, with the reason (an action on it failed). */
  flagForPerson(id: string, note: string): Promise<void>;
  /** Every message of the workspace in a status, oldest first (the agent's status). */
  countByStatus(workspaceId: string): Promise<Record<string, number>>;
  pause(input: {
    workspaceId: string;
    subjectType: 'candidate' | 'job';
    subjectId: string;
    userId: string;
  }): Promise<void>;
  resume(subjectType: 'candidate' | 'job', subjectId: string): Promise<void>;
  isPaused(subject: { candidateId: string; jobId: string | null }): Promise<boolean>;
}

type Db = Kysely<Database & MessageTables>;

/** @example const { message } = await store.messages.enqueue({ workspaceId, candidateId, flow: 'confirmation', step: inv.id, channel: 'email', … }) */
export function createMessageRepository(ctx: RepositoryContext): MessageRepository {
  const db: Db = ctx.db.withTables<MessageTables>();
  const get = async (id: string): Promise<MessageRecord> => {
    const row = await db.selectFrom('message').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('message', id);
    return toRecord(row);
  };
  return {
    async enqueue(input) {
      const dedupeKey = `${input.candidateId}:${input.flow}:${input.step}`;
      const existing = await db
        .selectFrom('message')
        .selectAll()
        .where('dedupe_key', '=', dedupeKey)
        .executeTakeFirst();
      if (existing !== undefined) return { message: toRecord(existing), created: false };
      const id = newId('msg');
      const now = timestamp(ctx);
      try {
        await db
          .insertInto('message')
          .values({
            id,
            workspace_id: input.workspaceId,
            candidate_id: input.candidateId,
            application_id: input.applicationId ?? null,
            invitation_id: input.invitationId ?? null,
            direction: 'out',
            flow: input.flow,
            step: input.step,
            dedupe_key: dedupeKey,
            channel: input.channel,
            to_address: input.toAddress,
            from_address: null,
            subject: input.subject,
            body: input.body,
            status: 'queued',
            note: null,
            attempts: 0,
            due_at: input.dueAt ?? now,
            lease_until: null,
            last_error: null,
            provider_id: null,
            intent: null,
            confidence: null,
            frustrated: null,
            needs_person: 0,
            handled_by: null,
            handled_at: null,
            created_at: now,
            sent_at: null,
            attachments:
              input.attachments === undefined || input.attachments.length === 0
                ? null
                : JSON.stringify(input.attachments),
          })
          .execute();
      } catch (error) {
        if (!violatesUnique(error, DEDUPE_KEY)) throw error;
        const raced = await db
          .selectFrom('message')
          .selectAll()
          .where('dedupe_key', '=', dedupeKey)
          .executeTakeFirstOrThrow();
        return { message: toRecord(raced), created: false };
      }
      return { message: await get(id), created: true };
    },
    get,
    async claimDue(now, limit, leaseMs) {
      const at = now.toISOString();
      const lease = new Date(now.getTime() + leaseMs).toISOString();
      const due = (eb: ExpressionBuilder<Database & MessageTables, 'message'>) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('due_at', '<=', at)]),
          eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', at)]),
        ]);
      if (ctx.kind === 'postgres') {
        // One statement: rows another dispatcher is claiming at this moment are skipped, not
        // waited for or fought over (https://www.postgresql.org/docs/current/sql-select.html#SQL-FOR-UPDATE-SHARE).
        const rows = await db
          .updateTable('message')
          .set((eb) => ({ status: 'sending', lease_until: lease, attempts: eb('attempts', '+', 1) }))
          .where('id', 'in', (eb) =>
            eb
              .selectFrom('message')
              .select('id')
              .where('direction', '=', 'out')
              .where(due)
              .orderBy('due_at')
              .orderBy('id')
              .limit(limit)
              .forUpdate()
              .skipLocked(),
          )
          .returningAll()
          .execute();
        return rows
          .map(toRecord)
          .sort((a, b) => (a.dueAt === b.dueAt ? (a.id < b.id ? -1 : 1) : a.dueAt < b.dueAt ? -1 : 1));
      }
      const candidates = await db
        .selectFrom('message')
        .select(['id', 'status', 'lease_until'])
        .where('direction', '=', 'out')
        .where(due)
        .orderBy('due_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      const claimed: MessageRecord[] = [];
      for (const c of candidates) {
        // Compare-and-set on what was read: another dispatcher that claimed it first wins.
        const result = await db
          .updateTable('message')
          .set((eb) => ({ status: 'sending', lease_until: lease, attempts: eb('attempts', '+', 1) }))
          .where('id', '=', c.id)
          .where('status', '=', c.status)
          .where((eb) =>
            c.lease_until === null ? eb('lease_until', 'is', null) : eb('lease_until', '=', c.lease_until),
          )
          .executeTakeFirst();
        if (result.numUpdatedRows > 0n) claimed.push(await get(c.id));
      }
      return claimed;
    },
    async markSent(id, providerId, fromAddress) {
      await db
        .updateTable('message')
        .set({
          status: 'sent',
          provider_id: providerId,
          from_address: fromAddress,
          sent_at: timestamp(ctx),
          lease_until: null,
          note: null,
        })
        .where('id', '=', id)
        .execute();
    },
    async retryLater(id, error, retryAt) {
      await db
        .updateTable('message')
        .set({ status: 'queued', last_error: error, due_at: retryAt.toISOString(), lease_until: null })
        .where('id', '=', id)
        .execute();
    },
    async markFailed(id, status, error) {
      await db
        .updateTable('message')
        .set({ status, last_error: error, lease_until: null })
        .where('id', '=', id)
        .execute();
    },
    async postpone(id, dueAt, note) {
      await db
        .updateTable('message')
        .set((eb) => ({
          status: 'queued',
          due_at: dueAt.toISOString(),
          note,
          lease_until: null,
          attempts: eb('attempts', '-', 1),
        }))
        .where('id', '=', id)
        .execute();
    },
    async cancel(id, note) {
      await db
        .updateTable('message')
        .set({ status: 'cancelled', note, lease_until: null })
        .where('id', '=', id)
        .execute();
    },
    async cancelQueuedFor(candidateId, note, channel) {
      const result = await db
        .updateTable('message')
        .set({ status: 'cancelled', note })
        .where('candidate_id', '=', candidateId)
        .where('direction', '=', 'out')
        .where('status', '=', 'queued')
        .$if(channel !== undefined, (q) => q.where('channel', '=', channel as MessageChannel))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async cancelQueuedSteps(candidateId, flow, stepPrefix, note) {
      const result = await db
        .updateTable('message')
        .set({ status: 'cancelled', note })
        .where('candidate_id', '=', candidateId)
        .where('direction', '=', 'out')
        .where('status', '=', 'queued')
        .where('flow', '=', flow)
        .where('step', 'like', `${stepPrefix}%`)
        // LIKE's `_` matches any one character: check the prefix exactly too.
        .where((eb) => eb(eb.fn('substr', ['step', eb.lit(1), eb.lit(stepPrefix.length)]), '=', stepPrefix))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async recordInbound(input) {
      const id = newId('msg');
      const now = timestamp(ctx);
      await db
        .insertInto('message')
        .values({
          id,
          workspace_id: input.workspaceId,
          candidate_id: input.candidateId,
          application_id: input.applicationId ?? null,
          invitation_id: null,
          direction: 'in',
          flow: 'reply',
          step: id,
          dedupe_key: null,
          channel: input.channel,
          to_address: input.toAddress,
          from_address: input.fromAddress,
          subject: input.subject,
          body: input.body,
          status: 'received',
          note: input.note ?? null,
          attempts: 0,
          due_at: now,
          lease_until: null,
          last_error: null,
          provider_id: input.providerId ?? null,
          intent: input.intent,
          confidence: input.confidence,
          frustrated: input.frustrated ? 1 : 0,
          needs_person: input.needsPerson ? 1 : 0,
          handled_by: null,
          handled_at: null,
          created_at: now,
          sent_at: null,
          attachments: null,
        })
        .execute();
      return get(id);
    },
    async lastSentTo(channel, address) {
      const row = await db
        .selectFrom('message')
        .selectAll()
        .where('direction', '=', 'out')
        .where('channel', '=', channel)
        .where((eb) => eb(eb.fn('lower', ['to_address']), '=', address.toLowerCase()))
        .where('status', 'in', ['sent', 'queued', 'sending'])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return row === undefined ? null : toRecord(row);
    },
    async timeline(candidateId) {
      const rows = await db
        .selectFrom('message')
        .selectAll()
        .where('candidate_id', '=', candidateId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toRecord);
    },
    async sentSince(candidateId, since, flows) {
      if (flows !== undefined && flows.length === 0) return 0;
      let query = db
        .selectFrom('message')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('candidate_id', '=', candidateId)
        .where('direction', '=', 'out')
        .where('status', '=', 'sent')
        .where('sent_at', '>=', since.toISOString());
      if (flows !== undefined) query = query.where('flow', 'in', [...flows]);
      const row = await query.executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async inbox(workspaceId) {
      const rows = await db
        .selectFrom('message')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('needs_person', '=', 1)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toRecord);
    },
    async markHandled(id, userId) {
      await db
        .updateTable('message')
        .set({ needs_person: 0, handled_by: userId, handled_at: timestamp(ctx) })
        .where('id', '=', id)
        .execute();
    },
    async flagForPerson(id, note) {
      await db
        .updateTable('message')
        .set({ needs_person: 1, note, handled_by: null, handled_at: null })
        .where('id', '=', id)
        .execute();
    },
    async countByStatus(workspaceId) {
      const rows = await db
        .selectFrom('message')
        .select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
        .where('workspace_id', '=', workspaceId)
        .groupBy('status')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },
    async pause({ workspaceId, subjectType, subjectId, userId }) {
      await db
        .insertInto('agent_pause')
        .values({
          workspace_id: workspaceId,
          subject_type: subjectType,
          subject_id: subjectId,
          paused_by: userId,
          paused_at: timestamp(ctx),
        })
        .onConflict((oc) => oc.columns(['subject_type', 'subject_id']).doNothing())
        .execute();
    },
    async resume(subjectType, subjectId) {
      await db
        .deleteFrom('agent_pause')
        .where('subject_type', '=', subjectType)
        .where('subject_id', '=', subjectId)
        .execute();
    },
    async isPaused({ candidateId, jobId }) {
      const row = await db
        .selectFrom('agent_pause')
        .select('subject_id')
        .where((eb) =>
          eb.or([
            eb.and([eb('subject_type', '=', 'candidate'), eb('subject_id', '=', candidateId)]),
            ...(jobId === null
              ? []
              : [eb.and([eb('subject_type', '=', 'job'), eb('subject_id', '=', jobId)])]),
          ]),
        )
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

function toRecord(row: Selectable<MessageTables['message']>): MessageRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    candidateId: row.candidate_id,
    applicationId: row.application_id,
    invitationId: row.invitation_id,
    direction: row.direction,
    flow: row.flow,
    step: row.step,
    dedupeKey: row.dedupe_key,
    channel: row.channel,
    toAddress: row.to_address,
    fromAddress: row.from_address,
    subject: row.subject,
    body: row.body,
    status: row.status,
    note: row.note,
    attempts: Number(row.attempts),
    dueAt: row.due_at,
    leaseUntil: row.lease_until,
    lastError: row.last_error,
    providerId: row.provider_id,
    intent: row.intent,
    confidence: row.confidence === null ? null : Number(row.confidence),
    frustrated: row.frustrated === null ? null : row.frustrated === 1,
    needsPerson: row.needs_person === 1,
    handledBy: row.handled_by,
    handledAt: row.handled_at,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    attachments:
      row.attachments === null || row.attachments === undefined
        ? []
        : fromJson<MessageAttachment[]>(row.attachments, {
            entity: 'message',
            id: row.id,
            field: 'attachments',
          }),
  };
}
