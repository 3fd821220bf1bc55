import { sql, type Kysely } from 'kysely';
import { DOUBLE_TYPE } from '../dialect.js';

/** Every kind of knowledge tag as of this migration (src/domain/knowledge.ts holds the live list). */
const KNOWLEDGE_TAG_KINDS = [
  'topic',
  'competitor',
  'product',
  'sentiment',
  'action_item',
  'question',
  'section',
  'keyphrase',
  'organisation',
] as const;

const TAG_KINDS = sql.raw(KNOWLEDGE_TAG_KINDS.map((k) => `'${k}'`).join(', '));

/**
 * The interview knowledge base's tags (issue 16, part 2).
 *
 * `knowledge_topic`: a workspace's editable taxonomy, a topic with its synonyms ("pricing" ← price,
 * cost, expensive, budget), the names unique per workspace ignoring case (`name_key`).
 *
 * `knowledge_name`: the competitors and products a workspace tracks, each with aliases, unique
 * per workspace ignoring case.
 *
 * `knowledge_tag`: what the tagger found in one interview, each with the words that justify it:
 * `quote`, the `speaker` who said them, `start_s`/`end_s` (null without timings) and the place in
 * the transcript (`segment_position`, and `end_position` for a section spanning several segments).
 * `label` is what a person reads and filters on: the topic's or name's current name, a sentiment
 * (`positive`, `neutral`, `negative`), a section's title, the question or the action item itself,
 * a keyphrase, an organisation-like name. `ref_id` points at the topic or name that matched
 * (null for the other kinds; no foreign key: a deleted topic's tags go at the next tagging).
 * `sentiment` is the VADER compound score (−1..1) of the quote, `detail` JSON of kind-specific
 * facts (an action item's owner and due date, a section's keyphrases). Tagging an interview again
 * replaces all its tags in one transaction. `occurred_at` copies the interview's, so trends by week
 * read one table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('knowledge_topic')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    /** The name lower-cased without accents (name-key.ts), unique per workspace. */
    .addColumn('name_key', 'text', (c) => c.notNull())
    /** JSON array of strings. */
    .addColumn('synonyms', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('knowledge_topic_name_unique', ['workspace_id', 'name_key'])
    .execute();
  await db.schema
    .createTable('knowledge_name')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    /** competitor | product */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    /** JSON array of strings. */
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('knowledge_name_name_unique', ['workspace_id', 'name_key'])
    .addCheckConstraint('knowledge_name_kind_check', sql`kind in ('competitor', 'product')`)
    .execute();
  await db.schema
    .createTable('knowledge_tag')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interview.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    /** The label lower-cased without accents, what filters compare. */
    .addColumn('label_key', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text')
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('speaker', 'text')
    .addColumn('start_s', DOUBLE_TYPE)
    .addColumn('end_s', DOUBLE_TYPE)
    .addColumn('segment_position', 'integer')
    .addColumn('end_position', 'integer')
    .addColumn('sentiment', DOUBLE_TYPE)
    .addColumn('detail', 'text')
    /** The interview's occurred_at (its created_at where none), copied for trends. */
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('knowledge_tag_kind_check', sql`kind in (${TAG_KINDS})`)
    .execute();
  await db.schema
    .createIndex('knowledge_tag_interview_idx')
    .on('knowledge_tag')
    .columns(['interview_id', 'segment_position'])
    .execute();
  await db.schema
    .createIndex('knowledge_tag_trend_idx')
    .on('knowledge_tag')
    .columns(['workspace_id', 'kind', 'label_key', 'occurred_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('knowledge_tag').execute();
  await db.schema.dropTable('knowledge_name').execute();
  await db.schema.dropTable('knowledge_topic').execute();
}
