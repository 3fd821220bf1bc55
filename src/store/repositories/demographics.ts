/**
 * Candidates' self-identified demographics (migration 0010), kept apart: this is the only file
 * that reads `candidate_demographics`, and only the auditor's routes, the audit and the rolling
 * fairness check (src/audit/fairness-monitor.ts) call it.
 */
import type { ColumnType, Kysely, Selectable } from 'kysely';
import type { AgeBand, Demographics, DemographicSource, RaceEthnicity, Sex } from '../../domain/index.js';
import type { Database } from '../schema.js';
import { chunks, fromJson, notFound, timestamp, type RepositoryContext } from './rows.js';

type Immutable<T> = ColumnType<T, T, never>;

/** The table of migration 0010, added to the store's `Database` with `withTables`. */
export interface DemographicsTables {
  candidate_demographics: {
    candidate_id: Immutable<string>;
    workspace_id: Immutable<string>;
    sex: Sex;
    race_ethnicity: RaceEthnicity;
    age_band: AgeBand;
    source: DemographicSource;
    /** A user id, or `cli`. */
    updated_by: string;
    updated_at: string;
  };
}

export interface DemographicsRecord extends Demographics {
  readonly candidateId: string;
  readonly workspaceId: string;
  readonly source: DemographicSource;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

export interface DemographicsInput extends Demographics {
  readonly candidateId: string;
}

/** One application as the audit sees it. */
export interface AuditRow {
  readonly applicationId: string;
  readonly candidateId: string;
  readonly jobId: string;
  /** When the candidate applied (the audit's period filters on it). */
  readonly appliedAt: string;
  /** The overall score of the application's newest scorecard; null when never scored. */
  readonly score: number | null;
  /** That scorecard's id; null when never scored. */
  readonly scorecardId: string | null;
  /** The framework and engine of that scorecard. */
  readonly frameworkId: string | null;
  readonly frameworkVersion: string | null;
  readonly engineVersion: string | null;
  /** Whether a person recorded a decision of `advance`. */
  readonly advanced: boolean;
  readonly demographics: Demographics | null;
}

export interface AuditQuery {
  readonly workspaceId: string;
  readonly jobId?: string | undefined;
  /** Inclusive bounds on the application's `created_at`, ISO-8601. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface DemographicsRepository {
  /** A candidate's demographics, or null when none are on record. */
  get(workspaceId: string, candidateId: string): Promise<DemographicsRecord | null>;
  /**
   * Stores every entry or none (one transaction), replacing what a candidate had.
   * @throws CandorError NOT_FOUND naming the first candidate not in the workspace.
   */
  saveMany(workspaceId: string, entries: readonly DemographicsInput[], updatedBy: string): Promise<void>;
  /** The applications the audit covers, with score, decision and demographics. */
  auditRows(query: AuditQuery): Promise<AuditRow[]>;
  /**
   * The parsed bodies of these scorecards of the workspace (unknown ids left out), one query per
   * 500: what "What drives the gap" reads the contributions from.
   */
  scorecardBodies(workspaceId: string, ids: readonly string[]): Promise<Map<string, unknown>>;
  /** The demographics of these candidates of the workspace, by candidate id; those with none are absent. */
  forCandidates(workspaceId: string, candidateIds: readonly string[]): Promise<Map<string, Demographics>>;
}

/** @example await store.demographics.saveMany(ws.id, [{ candidateId, sex: 'female', raceEthnicity: 'asian', ageBand: 'under_40' }], 'cli') */
export function createDemographicsRepository(ctx: RepositoryContext): DemographicsRepository {
  const db: Db = ctx.db.withTables<Pick<DemographicsTables, keyof DemographicsTables>>();
  return {
    async get(workspaceId, candidateId) {
      const row = await db
        .selectFrom('candidate_demographics')
        .selectAll()
        .where('candidate_id', '=', candidateId)
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      return row === undefined ? null : toRecord(row);
    },
    async saveMany(workspaceId, entries, updatedBy) {
      await db.transaction().execute(async (trx) => {
        const ids = [...new Set(entries.map((e) => e.candidateId))];
        const known = new Set<string>();
        for (let i = 0; i < ids.length; i += 500) {
          const rows = await trx
            .selectFrom('candidate')
            .select('id')
            .where('workspace_id', '=', workspaceId)
            .where('id', 'in', ids.slice(i, i + 500))
            .execute();
          for (const r of rows) known.add(r.id);
        }
        const missing = ids.find((id) => !known.has(id));
        if (missing !== undefined) throw notFound('candidate', missing);
        const now = timestamp(ctx);
        for (const e of entries) {
          const values = {
            sex: e.sex,
            race_ethnicity: e.raceEthnicity,
            age_band: e.ageBand,
            source: 'self_identified' as const,
            updated_by: updatedBy,
            updated_at: now,
          };
          await trx
            .insertInto('candidate_demographics')
            .values({ candidate_id: e.candidateId, workspace_id: workspaceId, ...values })
            .onConflict((oc) => oc.column('candidate_id').doUpdateSet(values))
            .execute();
        }
      });
    },
    auditRows: (query) => auditRows(db, query),
    async scorecardBodies(workspaceId, ids) {
      const unique = [...new Set(ids)];
      const out = new Map<string, unknown>();
      for (let i = 0; i < unique.length; i += 500) {
        const rows = await db
          .selectFrom('scorecard as k')
          .innerJoin('interview as i', 'i.id', 'k.interview_id')
          .select(['k.id', 'k.body'])
          .where('i.workspace_id', '=', workspaceId)
          .where('k.id', 'in', unique.slice(i, i + 500))
          .execute();
        for (const r of rows) {
          out.set(r.id, fromJson<unknown>(r.body, { entity: 'scorecard', id: r.id, field: 'body' }));
        }
      }
      return out;
    },
    async forCandidates(workspaceId, candidateIds) {
      const found = new Map<string, Demographics>();
      for (const ids of chunks([...new Set(candidateIds)])) {
        const rows = await db
          .selectFrom('candidate_demographics')
          .select(['candidate_id', 'sex', 'race_ethnicity', 'age_band'])
          .where('workspace_id', '=', workspaceId)
          .where('candidate_id', 'in', ids)
          .execute();
        for (const r of rows) {
          found.set(r.candidate_id, { sex: r.sex, raceEthnicity: r.race_ethnicity, ageBand: r.age_band });
        }
      }
      return found;
    },
  };
}

type Db = Kysely<Database & DemographicsTables>;

async function auditRows(d: Db, query: AuditQuery): Promise<AuditRow[]> {
  let applications = d
    .selectFrom('application as a')
    .innerJoin('candidate as c', 'c.id', 'a.candidate_id')
    .leftJoin('candidate_demographics as g', 'g.candidate_id', 'a.candidate_id')
    .select(['a.id', 'a.candidate_id', 'a.job_id', 'a.created_at', 'g.sex', 'g.race_ethnicity', 'g.age_band'])
    .where('c.workspace_id', '=', query.workspaceId);
  if (query.jobId !== undefined) applications = applications.where('a.job_id', '=', query.jobId);
  if (query.from !== undefined) applications = applications.where('a.created_at', '>=', query.from);
  if (query.to !== undefined) applications = applications.where('a.created_at', '<=', query.to);
  const rows = await applications.orderBy('a.created_at').orderBy('a.id').execute();
  if (rows.length === 0) return [];

  let summaries = d
    .selectFrom('scorecard_summary as s')
    .innerJoin('scorecard as k', 'k.id', 's.scorecard_id')
    .innerJoin('interview as i', 'i.id', 's.interview_id')
    .select([
      's.application_id',
      's.overall_score',
      's.created_at',
      's.scorecard_id',
      'k.framework_id',
      'k.framework_version',
      'k.engine_version',
    ])
    .where('i.workspace_id', '=', query.workspaceId)
    .where('s.application_id', 'is not', null);
  if (query.jobId !== undefined) summaries = summaries.where('s.job_id', '=', query.jobId);
  const latest = new Map<
    string,
    { at: string; id: string; score: number | null; fw: string; fv: string; ev: string }
  >();
  for (const s of await summaries.execute()) {
    const seen = latest.get(s.application_id!);
    if (
      seen === undefined ||
      s.created_at > seen.at ||
      (s.created_at === seen.at && s.scorecard_id > seen.id)
    ) {
      latest.set(s.application_id!, {
        at: s.created_at,
        id: s.scorecard_id,
        score: s.overall_score,
        fw: s.framework_id,
        fv: s.framework_version,
        ev: s.engine_version,
      });
    }
  }
  const decisions = await d
    .selectFrom('pipeline_event')
    .select(['id', 'application_id', 'payload'])
    .where('workspace_id', '=', query.workspaceId)
    .where('kind', '=', 'decision')
    .execute();
  const advanced = new Set<string>();
  for (const e of decisions) {
    const payload = fromJson<{ decision?: unknown }>(e.payload, {
      entity: 'pipeline_event',
      id: e.id,
      field: 'payload',
    });
    if (payload.decision === 'advance') advanced.add(e.application_id);
  }
  return rows.map((r) => {
    const s = latest.get(r.id);
    return {
      applicationId: r.id,
      candidateId: r.candidate_id,
      jobId: r.job_id,
      appliedAt: r.created_at,
      score: s?.score ?? null,
      scorecardId: s?.id ?? null,
      frameworkId: s?.fw ?? null,
      frameworkVersion: s?.fv ?? null,
      engineVersion: s?.ev ?? null,
      advanced: advanced.has(r.id),
      demographics:
        r.sex === null || r.race_ethnicity === null || r.age_band === null
          ? null
          : { sex: r.sex, raceEthnicity: r.race_ethnicity, ageBand: r.age_band },
    };
  });
}

function toRecord(row: Selectable<DemographicsTables['candidate_demographics']>): DemographicsRecord {
  return {
    candidateId: row.candidate_id,
    workspaceId: row.workspace_id,
    sex: row.sex,
    raceEthnicity: row.race_ethnicity,
    ageBand: row.age_band,
    source: row.source,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}
