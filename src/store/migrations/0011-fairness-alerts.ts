import { sql, type Kysely } from 'kysely';
import { DOUBLE_TYPE } from '../dialect.js';

/**
 * Fairness alerts (issue 12): `fairness_alert`, one row per group whose rolling scoring impact
 * ratio fell under 0.8, open until an admin or auditor acknowledges it. A partial unique index
 * keeps one open alert per (workspace, model, category, group), so two checks at once cannot
 * raise it twice. `webhook_delivery` is the durable outbox of webhook posts: written in the same
 * transaction as the alert, so a restart does not lose it. Neither holds anyone's demographics:
 * only group labels and counts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fairness_alert')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    /** `model:<id>@<version>`, or `framework` when no model was active: what the unique index keys on. */
    .addColumn('scorer', 'text', (c) => c.notNull())
    .addColumn('model_id', 'text')
    .addColumn('model_version', 'integer')
    .addColumn('model_name', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('reference_group', 'text', (c) => c.notNull())
    .addColumn('impact_ratio', DOUBLE_TYPE, (c) => c.notNull())
    .addColumn('members', 'integer', (c) => c.notNull())
    .addColumn('window_size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'text')
    .addCheckConstraint('fairness_alert_category_check', sql`category in ('sex', 'race_ethnicity', 'age')`)
    .execute();
  await sql`create unique index fairness_alert_open on fairness_alert (workspace_id, scorer, category, group_name) where acknowledged_at is null`.execute(
    db,
  );
  await db.schema
    .createIndex('fairness_alert_workspace_idx')
    .on('fairness_alert')
    .columns(['workspace_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('webhook_delivery')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    /** The exact bytes posted (and signed) on every attempt. */
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addCheckConstraint('webhook_delivery_status_check', sql`status in ('pending', 'delivered', 'failed')`)
    .execute();
  await db.schema
    .createIndex('webhook_delivery_due_idx')
    .on('webhook_delivery')
    .columns(['status', 'next_attempt_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('webhook_delivery').execute();
  await db.schema.dropTable('fairness_alert').execute();
}
