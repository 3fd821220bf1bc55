/**
 * Templates of scheduling (issue 14, flow 4) and pre-interview reminders (flow 1), in the shape of
 * `TEMPLATES`. Times are always the candidate's own, with the zone named.
 */
import type { Template, TemplateChannel } from './templates.js';

/** Device tips in every reminder: what a candidate can check beforehand. */
export const DEVICE_TIPS =
  'Before you join: use a laptop or phone with a camera and microphone, in a quiet room with good light; open the link 5 minutes early to test your sound.';

export const SCHEDULING_TEMPLATES: Readonly<Record<string, Readonly<Record<TemplateChannel, Template>>>> = {
  scheduling: {
    email: {
      subject: 'Pick a time for your interview for {{jobTitle}}',
      body: [
        'Hi {{firstName}},',
        '',
        '{{intro}}',
        '',
        '{{slotList}}',
        '',
        'Reply with the number of the time that suits you (for example "2"), or pick it here: {{link}}',
        '',
        'All times are in your time zone, {{timeZone}}. If none of them work, just say so and we will find others.',
        '',
        '{{organisation}}',
      ].join('\n'),
    },
    sms: {
      body: '{{organisation}}: Hi {{firstName}}, {{intro}} {{slotList}} Reply with the number, or pick here: {{link}}',
    },
  },
  scheduling_booked: {
    email: {
      subject: 'Your interview for {{jobTitle}}: {{when}}',
      body: [
        'Hi {{firstName}},',
        '',
        'You are booked: {{when}}, {{durationMinutes}} minutes with {{interviewers}}.',
        '',
        'Where: {{location}}',
        '',
        'The calendar invitation is attached. If you need another time, just reply to this e-mail.',
        '',
        '{{organisation}}',
      ].join('\n'),
    },
    sms: {
      body: '{{organisation}}: Hi {{firstName}}, you are booked: {{when}}, {{durationMinutes}} min with {{interviewers}}. Where: {{location}}. Reply to change it.',
    },
  },
  scheduling_moved: {
    email: {
      subject: 'Your interview for {{jobTitle}} has moved to {{when}}',
      body: [
        'Hi {{firstName}},',
        '',
        'Your interview has moved to {{when}}, {{durationMinutes}} minutes with {{interviewers}}. The earlier time is released.',
        '',
        'Where: {{location}}',
        '',
        'The updated calendar invitation is attached; it replaces the earlier one.',
        '',
        '{{organisation}}',
      ].join('\n'),
    },
    sms: {
      body: '{{organisation}}: Hi {{firstName}}, your interview has moved to {{when}}. Where: {{location}}.',
    },
  },
  scheduling_cancelled: {
    email: {
      subject: 'Your interview for {{jobTitle}} on {{when}} is cancelled',
      body: [
        'Hi {{firstName}},',
        '',
        'Your interview on {{when}} is cancelled. {{reason}}',
        '',
        'The attached calendar update removes it from your calendar.',
        '',
        '{{organisation}}',
      ].join('\n'),
    },
    sms: {
      body: '{{organisation}}: Hi {{firstName}}, your interview on {{when}} is cancelled. {{reason}}',
    },
  },
  reminder: {
    email: {
      subject: 'Reminder: your interview for {{jobTitle}}, {{when}}',
      body: [
        'Hi {{firstName}},',
        '',
        'A reminder: your interview for {{jobTitle}} is {{when}}, in {{inHowLong}}, with {{interviewers}}.',
        '',
        'Where: {{location}}',
        '',
        '{{deviceTips}}',
        '',
        'If you need another time, reply to this e-mail.',
        '',
        '{{organisation}}',
      ].join('\n'),
    },
    sms: {
      body: '{{organisation}}: reminder, {{firstName}}: your interview is {{when}} (in {{inHowLong}}). Where: {{location}}. Reply to change it.',
    },
  },
};
