import type { Selectable, Updateable } from 'kysely';
import { newId } from '../../core/index.js';
import type { CandidateTable } from '../schema.js';
import { fromJson, guardWrite, notFound, timestamp, toJson, type RepositoryContext } from './rows.js';
import { renameInSummaries } from './scorecard-summaries.js';

/** Channel → whether the candidate agreed to be contacted on it, e.g. `{ email: true, sms: false }`. */
export type ChannelConsent = Readonly<Record<string, boolean>>;

export interface CandidateRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  /** IANA time zone, e.g. `America/New_York`. */
  readonly timeZone: string | null;
  readonly consent: ChannelConsent;
  readonly createdAt: string;
}

export interface NewCandidate {
  readonly id?: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly timeZone?: string | null;
  readonly consent?: ChannelConsent;
}

export type CandidatePatch = Partial<Pick<NewCandidate, 'name' | 'email' | 'phone' | 'timeZone' | 'consent'>>;

export interface CandidateRepository {
  create(input: NewCandidate): Promise<CandidateRecord>;
  get(id: string): Promise<CandidateRecord>;
  /** Candidates of a workspace by name. */
  listByWorkspace(workspaceId: string): Promise<CandidateRecord[]>;
  /** Changes the given fields (consent is replaced whole); returns the candidate afterwards. */
  update(id: string, patch: CandidatePatch): Promise<CandidateRecord>;
  /** The workspace's first candidate (oldest) with this e-mail address, compared without case. */
  findByEmail(workspaceId: string, email: string): Promise<CandidateRecord | null>;
}

/**
 * Candidates and how they may be contacted.
 * @example const ana = await store.candidates.create({ workspaceId: ws.id, name: 'Ana Díaz', email: 'ana@example.com', consent: { email: true } })
 */
export function createCandidateRepository(ctx: RepositoryContext): CandidateRepository {
  const { db } = ctx;
  const get = async (id: string): Promise<CandidateRecord> => {
    const row = await db.selectFrom('candidate').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('candidate', id);
    return toRecord(row);
  };
  return {
    async create(input) {
      const id = input.id ?? newId('cand');
      await guardWrite('candidate', id, () =>
        db
          .insertInto('candidate')
          .values({
            id,
            workspace_id: input.workspaceId,
            name: input.name,
            email: input.email ?? null,
            phone: input.phone ?? null,
            time_zone: input.timeZone ?? null,
            consent: toJson(input.consent ?? {}),
            created_at: timestamp(ctx),
          })
          .execute(),
      );
      return get(id);
    },
    get,
    async findByEmail(workspaceId, email) {
      const row = await db
        .selectFrom('candidate')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
        .orderBy('created_at')
        .orderBy('id')
        .executeTakeFirst();
      return row === undefined ? null : toRecord(row);
    },
    async listByWorkspace(workspaceId) {
      const rows = await db
        .selectFrom('candidate')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('name')
        .orderBy('id')
        .execute();
      return rows.map(toRecord);
    },
    async update(id, patch) {
      const changes: Updateable<CandidateTable> = {};
      if (patch.name !== undefined) changes.name = patch.name;
      if (patch.email !== undefined) changes.email = patch.email;
      if (patch.phone !== undefined) changes.phone = patch.phone;
      if (patch.timeZone !== undefined) changes.time_zone = patch.timeZone;
      if (patch.consent !== undefined) changes.consent = toJson(patch.consent);
      if (Object.keys(changes).length > 0) {
        await db.transaction().execute(async (trx) => {
          await trx.updateTable('candidate').set(changes).where('id', '=', id).execute();
          if (patch.name !== undefined) await renameInSummaries(trx, id, patch.name);
        });
      }
      return get(id);
    },
  };
}

function toRecord(row: Selectable<CandidateTable>): CandidateRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    timeZone: row.time_zone,
    consent: fromJson<ChannelConsent>(row.consent, { entity: 'candidate', id: row.id, field: 'consent' }),
    createdAt: row.created_at,
  };
}
