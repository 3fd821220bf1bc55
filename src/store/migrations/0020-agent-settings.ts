import { sql, type Kysely } from 'kysely';

/**
 * The follow-up agent's settings per workspace (issue 14, human oversight): `agent_template`, a
 * workspace's own wording of a flow's message on a channel (no row: the built-in template of
 * `src/followup/templates.ts`); `agent_cadence`, the workspace's cadence (a null column: the
 * server's setting, CANDOR_AGENT_*).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agent_template')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('flow', 'text', (c) => c.notNull())
    /** email | sms */
    .addColumn('channel', 'text', (c) => c.notNull())
    /** E-mail only; null for SMS. */
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agent_template_pkey', ['workspace_id', 'flow', 'channel'])
    .addCheckConstraint('agent_template_channel_check', sql`channel in ('email', 'sms')`)
    .execute();
  await db.schema
    .createTable('agent_cadence')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspace.id').onDelete('cascade'))
    .addColumn('quiet_start_hour', 'integer')
    .addColumn('quiet_end_hour', 'integer')
    /** 1 or 0. */
    .addColumn('quiet_weekends', 'integer')
    .addColumn('weekly_cap', 'integer')
    /** Hours after an interview without news before the status update goes. */
    .addColumn('status_update_delay_hours', 'integer')
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'agent_cadence_hours_check',
      sql`quiet_start_hour between 0 and 23 and quiet_end_hour between 0 and 23`,
    )
    .addCheckConstraint('agent_cadence_cap_check', sql`weekly_cap between 1 and 50`)
    .addCheckConstraint('agent_cadence_delay_check', sql`status_update_delay_hours between 1 and 720`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('agent_cadence').execute();
  await db.schema.dropTable('agent_template').execute();
}
