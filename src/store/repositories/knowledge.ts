/**
 * The interview knowledge base's store (migration 0023, issue 16): a workspace's topics and
 * tracked names (knowledge-taxonomy.ts), and the tags the tagger found in each interview, which
 * a new tagging replaces whole, in one transaction, with the webhook's outbox row beside them.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { CandorError, newId } from '../../core/index.js';
import { KNOWLEDGE_TAG_KINDS, type KnowledgeTagKind, type TagDraft } from '../../domain/index.js';
import { nameSortKey } from '../name-key.js';
import type { Database } from '../schema.js';
import type { FairnessAlertTables } from './fairness-alerts.js';
import {
  cleanTopic,
  createTopicRepository,
  createTrackedNameRepository,
  type KnowledgeTaxonomyTables,
  type NewTopic,
  type TopicRecord,
  type TopicRepository,
  type TrackedNameRepository,
} from './knowledge-taxonomy.js';
import { fromJson, notFound, timestamp, type RepositoryContext } from './rows.js';

// Types, not interfaces: `withTables` needs index-compatible records.
export type KnowledgeTagTables = {
  knowledge_tag: {
    id: string;
    workspace_id: string;
    interview_id: string;
    kind: KnowledgeTagKind;
    label: string;
    label_key: string;
    ref_id: string | null;
    quote: string;
    speaker: string | null;
    start_s: number | null;
    end_s: number | null;
    segment_position: number | null;
    end_position: number | null;
    sentiment: number | null;
    /** JSON object, or null. */
    detail: string | null;
    occurred_at: string;
    created_at: string;
  };
};

export type KnowledgeTables = KnowledgeTaxonomyTables & KnowledgeTagTables;

/** The webhook event of a new tagging (CANDOR_KNOWLEDGE_WEBHOOK_URL). */
export const KNOWLEDGE_TAGS_EVENT = 'knowledge.tags';

/** A stored tag: the tagger's draft with its id, workspace, interview and the interview's time. */
export interface KnowledgeTagRecord extends TagDraft {
  readonly id: string;
  readonly workspaceId: string;
  readonly interviewId: string;
  /** The interview's occurred_at (its created_at where none). */
  readonly occurredAt: string;
  readonly createdAt: string;
}

/** How many interviews of a workspace carry a label (compared ignoring case and accents). */
export interface LabelCount {
  /** One spelling of the label as tagged (the first in code-point order). */
  readonly label: string;
  readonly labelKey: string;
  readonly interviews: number;
}

export interface KnowledgeRepository {
  readonly topics: TopicRepository;
  /** Tracked competitors and products. */
  readonly names: TrackedNameRepository;
  /**
   * Adds `defaults` as the workspace's topics only when it has none yet; a second or parallel
   * call adds nothing twice. Returns the workspace's topics afterwards.
   */
  seedTopics(workspaceId: string, defaults: readonly NewTopic[]): Promise<TopicRecord[]>;
  /**
   * Deletes the interview's tags and stores `drafts` in their place, in one transaction; with
   * `webhookUrl`, queues one `knowledge.tags` delivery of the new tags in the same transaction.
   * @throws CandorError NOT_FOUND for an unknown interview; VALIDATION_FAILED for a draft of an unknown kind
   */
  replaceTags(
    interviewId: string,
    drafts: readonly TagDraft[],
    options?: { readonly webhookUrl?: string | null },
  ): Promise<KnowledgeTagRecord[]>;
  /**
   * The interview's tags in transcript order (tags on no segment last), those of one segment in the
   * order of KNOWLEDGE_TAG_KINDS; only `kinds` when given.
   */
  tagsOf(
    interviewId: string,
    options?: { readonly kinds?: readonly KnowledgeTagKind[] },
  ): Promise<KnowledgeTagRecord[]>;
  /** Keyphrases by the number of distinct interviews they were found in, most first. */
  keyphraseCounts(workspaceId: string): Promise<LabelCount[]>;
  /** Organisation-like names by the number of distinct interviews they were found in, most first. */
  organisationCounts(workspaceId: string): Promise<LabelCount[]>;
}

type Db = Kysely<Database & KnowledgeTables & Pick<FairnessAlertTables, 'webhook_delivery'>>;

/** @example await store.knowledge.replaceTags(interview.id, drafts, { webhookUrl }) */
export function createKnowledgeRepository(ctx: RepositoryContext): KnowledgeRepository {
  const db: Db = ctx.db.withTables<KnowledgeTables & Pick<FairnessAlertTables, 'webhook_delivery'>>();
  const topics = createTopicRepository(ctx);
  const labelCounts = async (workspaceId: string, kind: KnowledgeTagKind): Promise<LabelCount[]> => {
    const tagged = db
      .selectFrom('knowledge_tag')
      .where('workspace_id', '=', workspaceId)
      .where('kind', '=', kind);
    const [counts, spellings] = await Promise.all([
      tagged
        .select((eb) => [
          'label_key',
          eb.fn.count<number | string>('interview_id').distinct().as('interviews'),
        ])
        .groupBy('label_key')
        .execute(),
      tagged.select(['label_key', 'label']).distinct().execute(),
    ]);
    // The first spelling in code-point order, here rather than in SQL: `min` follows the
    // database's collation, which differs between installations of PostgreSQL.
    const first = new Map<string, string>();
    for (const { label_key: key, label } of spellings) {
      const seen = first.get(key);
      if (seen === undefined || label < seen) first.set(key, label);
    }
    return counts
      .map((r) => ({
        label: first.get(r.label_key) ?? r.label_key,
        labelKey: r.label_key,
        interviews: Number(r.interviews),
      }))
      .sort(
        (a, b) =>
          b.interviews - a.interviews || (a.labelKey < b.labelKey ? -1 : a.labelKey > b.labelKey ? 1 : 0),
      );
  };
  return {
    topics,
    names: createTrackedNameRepository(ctx),
    async seedTopics(workspaceId, defaults) {
      const cleaned = defaults.map((d, i) => {
        try {
          return cleanTopic(d);
        } catch (error) {
          if (!(error instanceof CandorError)) throw error;
          const inner = typeof error.details.field === 'string' ? error.details.field : '';
          const field = `defaults[${i}].${inner}`;
          throw new CandorError('VALIDATION_FAILED', `defaults[${i}].${error.message}`, { field });
        }
      });
      const existing = await db
        .selectFrom('knowledge_topic')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .limit(1)
        .executeTakeFirst();
      if (existing === undefined && cleaned.length > 0) {
        const now = timestamp(ctx);
        // A parallel seed inserts the same names: the unique key keeps one of each, and neither fails.
        await db
          .insertInto('knowledge_topic')
          .values(
            cleaned.map((t) => ({
              id: newId('topic'),
              workspace_id: workspaceId,
              name: t.name,
              name_key: nameSortKey(t.name),
              synonyms: JSON.stringify(t.synonyms),
              created_at: now,
              updated_at: now,
            })),
          )
          .onConflict((oc) => oc.columns(['workspace_id', 'name_key']).doNothing())
          .execute();
      }
      return topics.list(workspaceId);
    },
    async replaceTags(interviewId, drafts, options = {}) {
      drafts.forEach((d, i) => {
        if (!(KNOWLEDGE_TAG_KINDS as readonly string[]).includes(d.kind)) {
          throw new CandorError('VALIDATION_FAILED', `drafts[${i}].kind: unknown tag kind "${d.kind}"`, {
            field: `drafts[${i}].kind`,
          });
        }
      });
      const interview = await db
        .selectFrom('interview')
        .select(['workspace_id', 'occurred_at', 'created_at'])
        .where('id', '=', interviewId)
        .executeTakeFirst();
      if (interview === undefined) throw notFound('interview', interviewId);
      const now = timestamp(ctx);
      const occurredAt = interview.occurred_at ?? interview.created_at;
      const records: KnowledgeTagRecord[] = drafts.map((d) => ({
        ...d,
        id: newId('ktag'),
        workspaceId: interview.workspace_id,
        interviewId,
        occurredAt,
        createdAt: now,
      }));
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('knowledge_tag').where('interview_id', '=', interviewId).execute();
        // Rows per statement kept well under SQLite's 32 766 bound parameters (17 columns each).
        for (let i = 0; i < records.length; i += TAG_BATCH) {
          await trx
            .insertInto('knowledge_tag')
            .values(records.slice(i, i + TAG_BATCH).map(toRow))
            .execute();
        }
        if (options.webhookUrl) {
          await trx
            .insertInto('webhook_delivery')
            .values({
              id: newId('whd'),
              workspace_id: interview.workspace_id,
              event: KNOWLEDGE_TAGS_EVENT,
              url: options.webhookUrl,
              body: JSON.stringify({
                event: KNOWLEDGE_TAGS_EVENT,
                workspaceId: interview.workspace_id,
                interviewId,
                occurredAt,
                tags: records.map(({ workspaceId: _w, interviewId: _i, ...tag }) => tag),
              }),
              status: 'pending',
              attempts: 0,
              next_attempt_at: now,
              created_at: now,
            })
            .execute();
        }
      });
      return records;
    },
    async tagsOf(interviewId, options = {}) {
      if (options.kinds !== undefined && options.kinds.length === 0) return [];
      let q = db.selectFrom('knowledge_tag').selectAll().where('interview_id', '=', interviewId);
      if (options.kinds !== undefined) q = q.where('kind', 'in', options.kinds);
      const rows = await q
        // Both databases the same: tags on no segment last (SQLite sorts nulls first, PostgreSQL last).
        .orderBy(sql`case when segment_position is null then 1 else 0 end`)
        .orderBy('segment_position')
        .orderBy(KIND_ORDER)
        .orderBy('label_key')
        .orderBy('id')
        .execute();
      return rows.map(toRecord);
    },
    keyphraseCounts: (workspaceId) => labelCounts(workspaceId, 'keyphrase'),
    organisationCounts: (workspaceId) => labelCounts(workspaceId, 'organisation'),
  };
}

const TAG_BATCH = 500;

/** Tags of one segment in the order of KNOWLEDGE_TAG_KINDS (topics first), the same on both databases. */
const KIND_ORDER = sql`case kind ${sql.join(
  KNOWLEDGE_TAG_KINDS.map((k, i) => sql`when ${sql.lit(k)} then ${sql.lit(i)}`),
  sql` `,
)} end`;

function toRow(r: KnowledgeTagRecord): KnowledgeTagTables['knowledge_tag'] {
  return {
    id: r.id,
    workspace_id: r.workspaceId,
    interview_id: r.interviewId,
    kind: r.kind,
    label: r.label,
    label_key: nameSortKey(r.label),
    ref_id: r.refId,
    quote: r.quote,
    speaker: r.speaker,
    start_s: r.startS,
    end_s: r.endS,
    segment_position: r.segmentPosition,
    end_position: r.endPosition,
    sentiment: r.sentiment,
    detail: r.detail === null ? null : JSON.stringify(r.detail),
    occurred_at: r.occurredAt,
    created_at: r.createdAt,
  };
}

function toRecord(row: Selectable<KnowledgeTagTables['knowledge_tag']>): KnowledgeTagRecord {
  const num = (v: number | null) => (v === null ? null : Number(v));
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    interviewId: row.interview_id,
    kind: row.kind,
    label: row.label,
    refId: row.ref_id,
    quote: row.quote,
    speaker: row.speaker,
    startS: num(row.start_s),
    endS: num(row.end_s),
    segmentPosition: num(row.segment_position),
    endPosition: num(row.end_position),
    sentiment: num(row.sentiment),
    detail:
      row.detail === null
        ? null
        : fromJson<Record<string, unknown>>(row.detail, { entity: 'tag', id: row.id, field: 'detail' }),
    occurredAt: row.occurred_at,
    createdAt: row.created_at,
  };
}
