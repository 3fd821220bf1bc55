/**
 * The follow-up agent's settings per workspace (migration 0020): a workspace's own wording of a
 * flow's message on a channel, its cadence (quiet hours, weekends, weekly cap, status-update
 * delay; each null while the server's setting applies), and who paused the agent for whom
 * (the `agent_pause` rows of migration 0015, listed for the web app).
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type { MessageTables } from './messages.js';
import { timestamp, type RepositoryContext } from './rows.js';

// Types, not interfaces: `withTables` needs index-compatible records.
export type AgentSettingsTables = {
  agent_template: {
    workspace_id: string;
    flow: string;
    channel: 'email' | 'sms';
    subject: string | null;
    body: string;
    updated_by: string;
    updated_at: string;
  };
  agent_cadence: {
    workspace_id: string;
    quiet_start_hour: number | null;
    quiet_end_hour: number | null;
    quiet_weekends: number | null;
    weekly_cap: number | null;
    status_update_delay_hours: number | null;
    updated_by: string;
    updated_at: string;
  };
};

/** A workspace's own template of a flow on a channel. */
export interface TemplateOverride {
  readonly workspaceId: string;
  readonly flow: string;
  readonly channel: 'email' | 'sms';
  /** E-mail only; null for SMS. */
  readonly subject: string | null;
  readonly body: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

/** A workspace's cadence: a null field is the server's setting. */
export interface CadenceOverride {
  readonly quietStartHour: number | null;
  readonly quietEndHour: number | null;
  readonly quietWeekends: boolean | null;
  readonly weeklyCap: number | null;
  readonly statusUpdateDelayHours: number | null;
  /** Who last changed it and when; null while nothing is stored. */
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
}

export type CadencePatch = Partial<Omit<CadenceOverride, 'updatedBy' | 'updatedAt'>>;

/** A pause of the agent for one candidate or one job. */
export interface AgentPause {
  readonly subjectType: 'candidate' | 'job';
  readonly subjectId: string;
  readonly pausedBy: string;
  readonly pausedAt: string;
}

export const NO_CADENCE_OVERRIDE: CadenceOverride = {
  quietStartHour: null,
  quietEndHour: null,
  quietWeekends: null,
  weeklyCap: null,
  statusUpdateDelayHours: null,
  updatedBy: null,
  updatedAt: null,
};

export interface AgentSettingsRepository {
  /** The workspace's own templates, by flow then channel. */
  templates(workspaceId: string): Promise<TemplateOverride[]>;
  /** The workspace's template of a flow on a channel, or null (the built-in one applies). */
  template(workspaceId: string, flow: string, channel: 'email' | 'sms'): Promise<TemplateOverride | null>;
  /** Stores (or replaces) a workspace's template; the caller has validated it. */
  saveTemplate(input: Omit<TemplateOverride, 'updatedAt'>): Promise<TemplateOverride>;
  /** Goes back to the built-in template; false when there was no override. */
  resetTemplate(workspaceId: string, flow: string, channel: 'email' | 'sms'): Promise<boolean>;
  cadence(workspaceId: string): Promise<CadenceOverride>;
  /** Applies a patch over the stored cadence (null: back to the server's setting). */
  saveCadence(workspaceId: string, patch: CadencePatch, actor: string): Promise<CadenceOverride>;
  /** Every pause in the workspace, newest first. */
  pauses(workspaceId: string): Promise<AgentPause[]>;
}

type Db = Kysely<Database & AgentSettingsTables & MessageTables>;

/** @example await store.agentSettings.saveTemplate({ workspaceId, flow: 'invitation', channel: 'sms', subject: null, body: '…', updatedBy: user.id }) */
export function createAgentSettingsRepository(ctx: RepositoryContext): AgentSettingsRepository {
  const db: Db = ctx.db.withTables<AgentSettingsTables & MessageTables>();
  const template = async (workspaceId: string, flow: string, channel: 'email' | 'sms') => {
    const row = await db
      .selectFrom('agent_template')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('flow', '=', flow)
      .where('channel', '=', channel)
      .executeTakeFirst();
    return row === undefined ? null : toTemplate(row);
  };
  const cadence = async (workspaceId: string): Promise<CadenceOverride> => {
    const row = await db
      .selectFrom('agent_cadence')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    if (row === undefined) return NO_CADENCE_OVERRIDE;
    return {
      quietStartHour: row.quiet_start_hour,
      quietEndHour: row.quiet_end_hour,
      quietWeekends: row.quiet_weekends === null ? null : row.quiet_weekends === 1,
      weeklyCap: row.weekly_cap,
      statusUpdateDelayHours: row.status_update_delay_hours,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
    };
  };
  return {
    async templates(workspaceId) {
      const rows = await db
        .selectFrom('agent_template')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('flow')
        .orderBy('channel')
        .execute();
      return rows.map(toTemplate);
    },
    template,
    async saveTemplate(input) {
      const values = {
        subject: input.subject,
        body: input.body,
        updated_by: input.updatedBy,
        updated_at: timestamp(ctx),
      };
      await db
        .insertInto('agent_template')
        .values({ workspace_id: input.workspaceId, flow: input.flow, channel: input.channel, ...values })
        .onConflict((oc) => oc.columns(['workspace_id', 'flow', 'channel']).doUpdateSet(values))
        .execute();
      return (await template(input.workspaceId, input.flow, input.channel))!;
    },
    async resetTemplate(workspaceId, flow, channel) {
      const result = await db
        .deleteFrom('agent_template')
        .where('workspace_id', '=', workspaceId)
        .where('flow', '=', flow)
        .where('channel', '=', channel)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    cadence,
    async saveCadence(workspaceId, patch, actor) {
      const next = { ...(await cadence(workspaceId)), ...patch };
      const values = {
        quiet_start_hour: next.quietStartHour,
        quiet_end_hour: next.quietEndHour,
        quiet_weekends: next.quietWeekends === null ? null : next.quietWeekends ? 1 : 0,
        weekly_cap: next.weeklyCap,
        status_update_delay_hours: next.statusUpdateDelayHours,
        updated_by: actor,
        updated_at: timestamp(ctx),
      };
      await db
        .insertInto('agent_cadence')
        .values({ workspace_id: workspaceId, ...values })
        .onConflict((oc) => oc.column('workspace_id').doUpdateSet(values))
        .execute();
      return cadence(workspaceId);
    },
    async pauses(workspaceId) {
      const rows = await db
        .selectFrom('agent_pause')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('paused_at', 'desc')
        .execute();
      return rows.map((r) => ({
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        pausedBy: r.paused_by,
        pausedAt: r.paused_at,
      }));
    },
  };
}

function toTemplate(row: Selectable<AgentSettingsTables['agent_template']>): TemplateOverride {
  return {
    workspaceId: row.workspace_id,
    flow: row.flow,
    channel: row.channel,
    subject: row.subject,
    body: row.body,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}
