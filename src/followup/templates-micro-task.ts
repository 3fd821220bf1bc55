/**
 * The micro-task message (issue 14, follow-up on performance): one optional extra question, with
 * the link to answer it, typed or recorded. It names the area (the competency) but never a score.
 */
import type { Template, TemplateChannel } from './templates.js';

export const MICRO_TASK_TEMPLATES: Readonly<Record<string, Readonly<Record<TemplateChannel, Template>>>> = {
  micro_task: {
    email: {
      subject: 'One more question about your {{jobTitle}} interview',
      body: [
        'Hi {{firstName}},',
        '',
        'Thank you again for your interview for {{jobTitle}}. We would like to hear a little more from you about one thing this role needs: {{competencyName}}. Here is one short extra question:',
        '',
        '"{{question}}"',
        '',
        'You can type your answer or record it, on the same page as your interview, until {{deadline}}: {{link}}',
        '',
        'It is optional. A person on our team reads it together with your interview.',
        '',
        '{{organisation}}',
      ].join('\n'),
    },
    sms: {
      body: '{{organisation}}: Hi {{firstName}}, one optional extra question about {{competencyName}} for your {{jobTitle}} interview, until {{deadline}}: {{link}} Reply STOP to opt out.',
    },
  },
};
