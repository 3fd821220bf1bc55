/**
 * The agent's message templates and the engine that fills them. `{{name}}` is replaced by the
 * value of `name`; a variable with no value is an error naming it, so no message ever goes out
 * with "Hi {{firstName}}" or "Hi ," in it. Templates are short, warm and give concrete dates.
 */
import { CandorError } from '../core/index.js';
import { CADENCE_TEMPLATES } from './templates-cadence.js';
import { MICRO_TASK_TEMPLATES } from './templates-micro-task.js';
import { SCHEDULING_TEMPLATES } from './templates-scheduling.js';
import { OVERSIGHT_TEMPLATES } from './templates-oversight.js';

export type TemplateChannel = 'email' | 'sms';

export interface Template {
  /** E-mail only. */
  readonly subject?: string;
  readonly body: string;
}

/** The built-in templates per flow and channel; a workspace may override them (docs/agent.md). */
export const TEMPLATES: Readonly<Record<string, Readonly<Record<TemplateChannel, Template>>>> = {
  ...SCHEDULING_TEMPLATES,
  ...OVERSIGHT_TEMPLATES,
  invitation: {
    email: {
      subject: 'Your interview for {{jobTitle}} at {{organisation}}',
      body: [
        'Hi {{firstName}},',
        '',
        'Thank you for applying for {{jobTitle}}. The next step is a short interview you take online, whenever it suits you before {{deadline}}: {{questionCount}} questions, up to {{answerMinutes}} minutes each. A quiet room and a microphone are all you need; a phone works.',
        '',
        'Start here: {{link}}',
        '',
        'Before anything is recorded you will see how your answers are used and how to ask for another way to take part.',
        '',
        '{{senderName}}',
        '{{organisation}}',
      ].join('\n'),
    },
    sms: {
      body: '{{organisation}}: Hi {{firstName}}, your interview for {{jobTitle}} is ready. Take it before {{deadline}}: {{link}} Reply STOP to opt out.',
    },
  },
  confirmation: {
    email: {
      subject: 'We got your interview, {{firstName}}',
      body: [
        'Thanks, {{firstName}}: we got your interview for {{jobTitle}}.',
        '',
        'A person on our team reads every answer; an automated tool only helps them find the evidence. We expect to get back to you by {{respondBy}}.',
        '',
        'If you have a question in the meantime, just reply to this e-mail.',
        '',
        '{{organisation}}',
      ].join('\n'),
    },
    sms: {
      body: '{{organisation}}: thanks {{firstName}}, we got your interview for {{jobTitle}}. We expect to get back to you by {{respondBy}}. Reply STOP to opt out.',
    },
  },
  status: {
    email: {
      subject: 'Your application for {{jobTitle}}',
      body: 'Hi {{firstName}},\n\nThank you for asking: {{statusLine}}\n\n{{organisation}}',
    },
    sms: { body: '{{organisation}}: Hi {{firstName}}, {{statusLine}}' },
  },
  withdrawal: {
    email: {
      subject: 'Your application for {{jobTitle}} is withdrawn',
      body: 'Hi {{firstName}},\n\nThank you for letting us know. We have withdrawn your application for {{jobTitle}} and will not contact you about it again. We wish you every success.\n\n{{organisation}}',
    },
    sms: {
      body: '{{organisation}}: thank you for letting us know, {{firstName}}. Your application for {{jobTitle}} is withdrawn. All the best.',
    },
  },
  opt_out: {
    email: {
      subject: 'You are unsubscribed',
      body: 'You will get no more e-mails from {{organisation}} about {{jobTitle}}. If this was a mistake, reply to this e-mail.\n\n{{organisation}}',
    },
    sms: {
      body: '{{organisation}}: you are unsubscribed and will get no more texts. Reply START to subscribe again.',
    },
  },
  ...CADENCE_TEMPLATES,
  ...MICRO_TASK_TEMPLATES,
};

const VARIABLE = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Fills a template.
 * @throws CandorError VALIDATION_FAILED naming each variable without a value (null, undefined or blank)
 * @example render('Hi {{firstName}}', { firstName: 'Ana' }, 'confirmation.email') // 'Hi Ana'
 */
export function render(
  text: string,
  values: Readonly<Record<string, string | number | null | undefined>>,
  name: string,
): string {
  const missing = new Set<string>();
  const out = text.replace(VARIABLE, (_, key: string) => {
    const value = values[key];
    if (value === undefined || value === null || String(value).trim() === '') {
      missing.add(key);
      return '';
    }
    return String(value);
  });
  if (missing.size > 0) {
    throw new CandorError(
      'VALIDATION_FAILED',
      `template ${name}: no value for ${[...missing].map((m) => `{{${m}}}`).join(', ')}`,
      { template: name, missing: [...missing] },
    );
  }
  // A brace pair left over is a typo in the template ({{ name } or {name}}), never sent.
  if (/\{\{|\}\}/.test(out)) {
    throw new CandorError('VALIDATION_FAILED', `template ${name}: a "{{" or "}}" is not a variable`, {
      template: name,
    });
  }
  return out;
}

/** The variables a template uses, in order of first use. */
export function variablesOf(template: Template): string[] {
  const names = new Set<string>();
  for (const text of [template.subject ?? '', template.body])
    for (const m of text.matchAll(VARIABLE)) names.add(m[1] ?? '');
  return [...names];
}

/**
 * Fills the flow's template for a channel.
 * @throws CandorError NOT_FOUND for an unknown flow; VALIDATION_FAILED for a missing variable
 */
export function renderMessage(
  flow: string,
  channel: TemplateChannel,
  values: Readonly<Record<string, string | number | null | undefined>>,
): { subject: string | null; body: string } {
  const template = TEMPLATES[flow]?.[channel];
  if (template === undefined) {
    throw new CandorError('NOT_FOUND', `no ${channel} template for ${flow}`, {
      entity: 'template',
      id: `${flow}.${channel}`,
    });
  }
  return {
    subject:
      template.subject === undefined ? null : render(template.subject, values, `${flow}.${channel}.subject`),
    body: render(template.body, values, `${flow}.${channel}`),
  };
}

/** "Thursday, 26 November 2026" for `2026-11-26`. */
export function longDate(isoDay: string): string {
  const date = new Date(`${isoDay.slice(0, 10)}T12:00:00Z`);
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** The first word of a name, for a greeting. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
