/**
 * A workspace's own templates and cadence (issue 14, human oversight): an admin rewords a flow's
 * message or changes quiet hours in the web app; the flows render with the workspace's template
 * when it has one, and the dispatcher keeps the workspace's cadence. An edited template is
 * checked with the same strict engine that sends: every `{{variable}}` must be one the flow
 * fills, and no brace may be left over.
 */
import { CandorError, isCandorError } from '../core/index.js';
import type { CadenceSettings } from '../messaging/config.js';
import type { CadenceOverride, Store } from '../store/index.js';
import {
  render,
  renderMessage,
  TEMPLATES,
  variablesOf,
  type Template,
  type TemplateChannel,
} from './templates.js';

export type TemplateValues = Readonly<Record<string, string | number | null | undefined>>;

/** The longest subject and body a workspace may store (an SMS of 10 segments; a short e-mail). */
export const TEMPLATE_LIMITS = { subject: 200, emailBody: 5000, smsBody: 1600 } as const;

/** Hours without news after an interview before the status update goes, unless a workspace says otherwise. */
export const DEFAULT_STATUS_UPDATE_DELAY_HOURS = 48;

/** The cadence a workspace runs with: the server's settings overlaid with the workspace's own. */
export interface WorkspaceCadence extends CadenceSettings {
  /** Hours after an interview without news before the status update goes (default 48). */
  readonly statusUpdateDelayHours: number;
}

/**
 * The variables a flow fills: those its built-in templates use, on either channel.
 * @throws CandorError NOT_FOUND for a flow with no template
 * @example flowVariables('confirmation') // ['firstName', 'jobTitle', 'organisation', 'respondBy']
 */
export function flowVariables(flow: string): string[] {
  const builtIn = TEMPLATES[flow];
  if (builtIn === undefined) throw unknownFlow(flow);
  const names = new Set<string>();
  for (const channel of ['email', 'sms'] as const)
    for (const v of variablesOf(builtIn[channel])) names.add(v);
  return [...names];
}

/** Every flow with a template, in the order of `TEMPLATES`. */
export function templateFlows(): string[] {
  return Object.keys(TEMPLATES);
}

function unknownFlow(flow: string): CandorError {
  return new CandorError('NOT_FOUND', `no template for a flow named "${flow}"`, {
    entity: 'template',
    id: flow,
  });
}

/** Values that make a template readable without a candidate (the settings page's preview). */
export function exampleValues(
  flow: string,
  context: { organisation: string; senderName: string; publicUrl: string },
): Record<string, string> {
  const inDays = (days: number) =>
    new Intl.DateTimeFormat('en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.now() + days * 86_400_000));
  const known: Record<string, string> = {
    firstName: 'Ana',
    jobTitle: 'Support lead',
    organisation: context.organisation,
    senderName: context.senderName,
    deadline: inDays(7),
    respondBy: inDays(7),
    replyBy: inDays(1),
    questionCount: '5',
    answerMinutes: '2',
    link: `${context.publicUrl}/take/example-link`,
    statusLine: `your application is with our team. We expect to get back to you by ${inDays(7)}.`,
  };
  // A flow added later fills variables this list does not know: show their names.
  return Object.fromEntries(flowVariables(flow).map((v) => [v, known[v] ?? `[${v}]`]));
}

/** The first brace left after the variables are taken out, with the words around it. */
function strayBrace(text: string): string | null {
  const stripped = text.replace(/\{\{\s*[A-Za-z][A-Za-z0-9_]*\s*\}\}/g, (m) => ' '.repeat(m.length));
  const at = stripped.search(/\{\{|\}\}|\{[A-Za-z][A-Za-z0-9_]*\}/);
  if (at < 0) return null;
  return text
    .slice(Math.max(0, at - 15), at + 20)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Checks an edited template of a flow: e-mail has a subject, SMS none; every variable is one the
 * flow fills (rendered by the strict engine with a value for each); no stray brace.
 * @throws CandorError VALIDATION_FAILED naming the unknown variable or quoting the stray brace;
 *   NOT_FOUND for a flow with no template
 * @example validateTemplate('confirmation', 'sms', { body: 'Hi {{firstName}}' })
 */
export function validateTemplate(flow: string, channel: TemplateChannel, template: Template): void {
  const known = flowVariables(flow);
  const name = `${flow}.${channel}`;
  const fields: ['subject' | 'body', string][] = [['body', template.body]];
  if (channel === 'email') {
    if (template.subject === undefined || template.subject.trim() === '')
      throw new CandorError('VALIDATION_FAILED', `template ${name}: an e-mail needs a subject`, {
        template: name,
        field: 'subject',
      });
    fields.unshift(['subject', template.subject]);
  } else if (template.subject !== undefined && template.subject !== '') {
    throw new CandorError('VALIDATION_FAILED', `template ${name}: a text message has no subject`, {
      template: name,
      field: 'subject',
    });
  }
  if (template.body.trim() === '')
    throw new CandorError('VALIDATION_FAILED', `template ${name}: the message is empty`, {
      template: name,
      field: 'body',
    });
  const limit = channel === 'sms' ? TEMPLATE_LIMITS.smsBody : TEMPLATE_LIMITS.emailBody;
  if (template.body.length > limit)
    throw new CandorError(
      'VALIDATION_FAILED',
      `template ${name}: the message is longer than ${limit} characters`,
      {
        template: name,
        field: 'body',
      },
    );
  if ((template.subject ?? '').length > TEMPLATE_LIMITS.subject)
    throw new CandorError(
      'VALIDATION_FAILED',
      `template ${name}: the subject is longer than ${TEMPLATE_LIMITS.subject} characters`,
      { template: name, field: 'subject' },
    );
  const values = Object.fromEntries(known.map((v) => [v, 'x']));
  for (const [field, text] of fields) {
    const stray = strayBrace(text);
    if (stray !== null)
      throw new CandorError(
        'VALIDATION_FAILED',
        `template ${name} ${field}: a brace that is not a variable near "${stray}" (write variables as {{firstName}})`,
        { template: name, field },
      );
    try {
      render(text, values, `${name}.${field}`);
    } catch (error) {
      const missing = isCandorError(error) ? error.details.missing : undefined;
      if (!Array.isArray(missing)) throw error;
      const unknown = (missing as string[]).map((m) => `{{${m}}}`).join(', ');
      throw new CandorError(
        'VALIDATION_FAILED',
        `template ${name} ${field}: ${unknown} ${missing.length === 1 ? 'is not a variable' : 'are not variables'} of ${flow}; it fills ${known.map((k) => `{{${k}}}`).join(', ')}`,
        { template: name, field, unknown: missing as string[], known },
      );
    }
  }
}

/**
 * Fills a workspace's template of a flow on a channel: its own when it stored one, else the
 * built-in one. Same strict engine: a variable without a value is an error naming it.
 * @throws CandorError NOT_FOUND for an unknown flow; VALIDATION_FAILED for a missing variable
 * @example const { subject, body } = await renderWorkspaceMessage(store, ws.id, 'confirmation', 'email', values)
 */
export async function renderWorkspaceMessage(
  store: Store,
  workspaceId: string,
  flow: string,
  channel: TemplateChannel,
  values: TemplateValues,
): Promise<{ subject: string | null; body: string }> {
  const own = await store.agentSettings.template(workspaceId, flow, channel);
  if (own === null) return renderMessage(flow, channel, values);
  return renderTemplate(
    { ...(own.subject === null ? {} : { subject: own.subject }), body: own.body },
    `${flow}.${channel}`,
    values,
  );
}

/** Fills a template given as text (an edit not yet saved, for its preview). */
export function renderTemplate(
  template: Template,
  name: string,
  values: TemplateValues,
): { subject: string | null; body: string } {
  return {
    subject: template.subject === undefined ? null : render(template.subject, values, `${name}.subject`),
    body: render(template.body, values, name),
  };
}

/** The server's cadence overlaid with a workspace's own settings. */
export function applyCadence(base: CadenceSettings, own: CadenceOverride): WorkspaceCadence {
  return {
    ...base,
    quietStartHour: own.quietStartHour ?? base.quietStartHour,
    quietEndHour: own.quietEndHour ?? base.quietEndHour,
    quietWeekends: own.quietWeekends ?? base.quietWeekends,
    weeklyCap: own.weeklyCap ?? base.weeklyCap,
    statusUpdateDelayHours:
      own.statusUpdateDelayHours ??
      ('statusUpdateDelayHours' in base && typeof base.statusUpdateDelayHours === 'number'
        ? base.statusUpdateDelayHours
        : DEFAULT_STATUS_UPDATE_DELAY_HOURS),
  };
}

/**
 * The cadence a workspace runs with.
 * @example const cadence = await workspaceCadence(store, ws.id, config.agent.cadence)
 */
export async function workspaceCadence(
  store: Store,
  workspaceId: string,
  base: CadenceSettings,
): Promise<WorkspaceCadence> {
  return applyCadence(base, await store.agentSettings.cadence(workspaceId));
}

/**
 * A per-pass lookup of workspaces' cadence for the dispatcher: each workspace is read once.
 * @example const cadenceOf = cadenceLookup(store, options.cadence); decide(input, await cadenceOf(message.workspaceId))
 */
export function cadenceLookup(
  store: Store,
  base: CadenceSettings,
): (workspaceId: string) => Promise<WorkspaceCadence> {
  const seen = new Map<string, Promise<WorkspaceCadence>>();
  return (workspaceId) => {
    let cadence = seen.get(workspaceId);
    if (cadence === undefined) {
      cadence = workspaceCadence(store, workspaceId, base);
      seen.set(workspaceId, cadence);
    }
    return cadence;
  };
}
