/**
 * Templates of the cadence flows (docs/agent.md): the status update after 48 hours without news,
 * the weekly nurture, the personal decline (an opening, then optional paragraphs: one strength
 * from the evidence, other roles, the workspace's events line; then the sign-off) and the pulse
 * survey. A decline is assembled from the parts in `decline.ts` so that no optional paragraph is
 * ever a blank variable: the engine refuses those.
 */
import type { Template, TemplateChannel } from './templates.js';

export const CADENCE_TEMPLATES: Readonly<Record<string, Readonly<Record<TemplateChannel, Template>>>> = {
  status_update: {
    email: {
      subject: 'Your application for {{jobTitle}}: still with us',
      body: [
        'Hi {{firstName}},',
        '',
        'A quick note so you are not left wondering: we are still reviewing your application for {{jobTitle}}. A person on our team reads every interview, and that takes a little time. We expect to get back to you by {{respondBy}}.',
        '',
        'If you have a question in the meantime, just reply to this e-mail.',
        '',
        '{{organisation}}',
      ].join('\n'),
    },
    sms: {
      body: '{{organisation}}: Hi {{firstName}}, we are still reviewing your application for {{jobTitle}} and expect to get back to you by {{respondBy}}. Reply STOP to opt out.',
    },
  },
  // Added to an e-mailed status update, before the sign-off, when the candidate's scorecard holds a
  // strength quoted from their own words (the rule of decline.ts `strengthsOf`); never invented.
  status_update_said: {
    email: { body: 'One thing you told us has stayed with us: "{{quote}}"' },
    sms: { body: 'One thing you told us stayed with us: "{{quote}}"' },
  },
  nurture: {
    email: {
      subject: 'Still thinking of you, {{firstName}}',
      body: [
        'Hi {{firstName}},',
        '',
        'Your application for {{jobTitle}} is still open with us: the process is taking longer than we would like, and we have not forgotten you. We will write as soon as there is a decision.',
        '',
        'If anything has changed on your side, or you have a question, just reply to this e-mail.',
        '',
        '{{organisation}}',
      ].join('\n'),
    },
    sms: {
      body: '{{organisation}}: Hi {{firstName}}, your application for {{jobTitle}} is still open and we have not forgotten you. We will write as soon as there is a decision. Reply STOP to opt out.',
    },
  },
  decline: {
    email: {
      subject: 'Your application for {{jobTitle}}',
      body: [
        'Hi {{firstName}},',
        '',
        'Thank you for the time you gave us for {{jobTitle}}. You reached {{stepReached}}, and after careful thought we have decided not to take your application further this time.',
      ].join('\n'),
    },
    sms: {
      body: '{{organisation}}: Hi {{firstName}}, thank you for applying for {{jobTitle}}. You reached {{stepReached}}; we have decided not to take your application further this time.',
    },
  },
  decline_strength: {
    email: {
      body: 'One thing stood out in your interview: your {{competency}}, for example when you said "{{quote}}".',
    },
    sms: { body: 'What stood out: your {{competency}}.' },
  },
  decline_roles: {
    email: {
      body: 'Strengths like that count in other roles we are hiring for: {{roles}}. If one of them interests you, reply to this e-mail and we will pass it on.',
    },
    sms: { body: 'It counts in other roles we have open: {{roles}}.' },
  },
  decline_events: {
    email: { body: '{{eventsLine}}' },
    sms: { body: '{{eventsLine}}' },
  },
  decline_close: {
    email: { body: 'We wish you every success.\n\n{{organisation}}' },
    sms: { body: 'All the best.' },
  },
  pulse: {
    email: {
      subject: 'One question about {{roundName}}, {{firstName}}',
      body: [
        'Hi {{firstName}},',
        '',
        'Thank you for {{roundName}} for {{jobTitle}}. One question, so we can do better for the people after you:',
        '',
        'From 0 to 10, how likely are you to recommend applying here to a friend?',
        '',
        'Just reply with the number, and a comment if you like (for example "8 - quick and clear"). Your answer does not change anything in your application.',
        '',
        '{{organisation}}',
      ].join('\n'),
    },
    sms: {
      body: '{{organisation}}: thanks for {{roundName}}, {{firstName}}. 0-10, how likely are you to recommend applying here? Reply with the number (and a comment if you like). Reply STOP to opt out.',
    },
  },
  pulse_again: {
    email: {
      subject: 'Your answer, {{firstName}}',
      body: 'Thank you, {{firstName}}. We could not read "{{answer}}" as a score: could you reply with one whole number from 0 to 10 (for example "8"), and a comment if you like?\n\n{{organisation}}',
    },
    sms: {
      body: '{{organisation}}: thanks {{firstName}}. Could you reply with one whole number from 0 to 10 (e.g. "8")? We could not read "{{answer}}" as a score.',
    },
  },
};
